// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A command-line verb run in this JVM against a database ({url, user, password}), with what it printed captured. */
record VerbRun(int exitCode, String output, String errors) {

    static VerbRun run(String[] db, List<String> extra, String... verb) {
        var args = new ArrayList<>(List.of(verb));
        args.add("--spring.datasource.url=" + db[0]);
        args.add("--spring.datasource.username=" + db[1]);
        args.add("--spring.datasource.password=" + db[2]);
        args.addAll(extra);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var originalOut = System.out;
        var originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = CommandLineVerbs.run(args.toArray(String[]::new));
            return new VerbRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
