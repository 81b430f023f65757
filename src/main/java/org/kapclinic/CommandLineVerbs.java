// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.kapclinic.audit.AuditChainVerifier;
import org.kapclinic.demo.DemoClinic;
import org.kapclinic.security.AccountProblem;
import org.kapclinic.security.ApiTokens;
import org.kapclinic.security.Role;
import org.kapclinic.security.UserAccounts;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The jar's command-line verbs. Each starts the application without a web server against the configured database
 * (on H2 the file is opened in AUTO_SERVER mode, so this works while the server runs), does one thing and exits:
 * <pre>
 *   admin create --email E [--name N]     first or extra admin; prompts for the password (or KAP_ADMIN_PASSWORD)
 *   admin token --email E --name N        issues an API token for an existing user and prints it once
 *   audit verify                          checks the audit hash chain; exit code 1 if anything was altered
 *   demo generate --patients N [--force]  adds N synthetic patients (and each module's synthetic history);
 *                                         refuses a database with non-demo records unless --force
 *   export --to FILE.zip                  the full data export (ADR 024), as the admin page downloads it
 *   import --from FILE.zip                restores a full export into an empty database at the same schema version
 *   backup --to FILE                      a consistent online copy of the database (H2 BACKUP TO, or pg_dump -Fc)
 *   restore --from FILE [--force]         restores a backup into an empty database, verifies the audit chain
 * </pre>
 */
final class CommandLineVerbs {

    private static final Set<String> VERBS = Set.of("admin", "audit", "demo", "export", "import", "backup", "restore", "outcomes");

    private CommandLineVerbs() {}

    static boolean isVerb(String[] args) {
        return args.length > 0 && VERBS.contains(args[0]);
    }

    static int run(String[] args) {
        var out = System.out;
        boolean oneWord = Set.of("export", "import", "backup", "restore").contains(args[0]);
        var verb = oneWord ? args[0] : args[0] + (args.length > 1 ? " " + args[1] : "");
        var options = options(Arrays.copyOfRange(args, Math.min(oneWord ? 1 : 2, args.length), args.length));
        if (!Set.of("admin create", "admin token", "audit verify", "demo generate", "export", "import", "backup",
                "restore", "outcomes rebuild").contains(verb)
                || (Set.of("export", "backup").contains(verb) && !options.containsKey("to"))
                || (Set.of("import", "restore").contains(verb) && !options.containsKey("from"))) {
            return usage(out);
        }
        var springArgs = options.entrySet().stream().filter(e -> e.getKey().startsWith("spring."))
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        if (verb.equals("backup")) {
            return BackupVerbs.backup(database(springArgs), Path.of(options.get("to")), options, out);
        }
        if (verb.equals("restore")) {
            return BackupVerbs.restore(database(springArgs), Path.of(options.get("from")), options,
                    () -> application(springArgs), out);
        }
        String password = null;
        if (verb.equals("admin create")) {
            if (!options.containsKey("email")) {
                return usage(out);
            }
            password = readPassword(out);
            if (password == null) {
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = application(springArgs)) {
            return switch (verb) {
                case "admin create" -> adminCreate(context, options, password, out);
                case "admin token" -> adminToken(context, options, out);
                case "audit verify" -> auditVerify(context, out);
                case "export" -> DataExportVerbs.export(context, Path.of(options.get("to")), out);
                case "import" -> DataExportVerbs.importFrom(context, Path.of(options.get("from")), out);
                case "outcomes rebuild" -> OutcomesSummaryVerb.rebuild(context, out);
                default -> demoGenerate(context, options, out);
            };
        } catch (AccountProblem problem) {
            System.err.println("Refused: " + problem.getMessage());
            return 1;
        }
    }

    private static ConfigurableApplicationContext application(String[] springArgs) {
        return new SpringApplicationBuilder(KapClinicApplication.class)
                .web(WebApplicationType.NONE)
                .profiles(withCli(System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"))))
                .logStartupInfo(false)
                .run(springArgs);
    }

    /** The configured database's URL and credentials, read from the same settings without starting the app. */
    private static BackupVerbs.Database database(String[] springArgs) {
        try (var settings = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .profiles(withCli(System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"))))
                .logStartupInfo(false)
                .run(springArgs)) {
            var env = settings.getEnvironment();
            return new BackupVerbs.Database(env.getRequiredProperty("spring.datasource.url"),
                    env.getProperty("spring.datasource.username", ""), env.getProperty("spring.datasource.password", ""));
        }
    }

    /** An empty configuration: the context only loads application.properties, profiles and arguments. */
    static final class SettingsOnly {}

    private static String[] withCli(String active) {
        if (active == null || active.isBlank()) {
            return new String[] {"cli"};
        }
        var profiles = (active + ",cli").split(",");
        return Arrays.stream(profiles).map(String::trim).filter(p -> !p.isEmpty() && !p.equals("demo"))
                .distinct().toArray(String[]::new);
    }

    private static int adminCreate(ConfigurableApplicationContext context, Map<String, String> options, String password,
            PrintStream out) {
        var accounts = context.getBean(UserAccounts.class);
        var email = options.get("email");
        accounts.createWithPassword(email, options.getOrDefault("name", "Administrator"), Set.of(Role.ADMIN), password,
                "ADMIN_CREATED");
        out.println("Created admin " + email + ". Sign in at the clinic's address.");
        return 0;
    }

    private static int adminToken(ConfigurableApplicationContext context, Map<String, String> options, PrintStream out) {
        if (!options.containsKey("email") || !options.containsKey("name")) {
            return usage(out);
        }
        var token = context.getBean(ApiTokens.class).issueFromCommandLine(options.get("email"), options.get("name"));
        out.println(token.secret());
        return 0;
    }

    private static int auditVerify(ConfigurableApplicationContext context, PrintStream out) {
        var result = context.getBean(AuditChainVerifier.class).verify();
        if (result.intact()) {
            out.println("Audit trail intact: " + result.entriesChecked() + " entries verified.");
            return 0;
        }
        out.println("AUDIT TRAIL TAMPERED: " + result.problems().size() + " problem(s) in "
                + result.entriesChecked() + " entries:");
        result.problems().forEach(p -> out.println("  " + p));
        return 1;
    }

    private static int demoGenerate(ConfigurableApplicationContext context, Map<String, String> options, PrintStream out) {
        int patients;
        try {
            patients = Integer.parseInt(options.getOrDefault("patients", "60"));
        } catch (NumberFormatException e) {
            return usage(out);
        }
        if (patients < 0 || patients > 5_000_000) {
            return usage(out);
        }
        try {
            var summary = context.getBean(DemoClinic.class).generate(patients, options.containsKey("force"));
            out.println(summary);
            out.println("Demo accounts (password " + org.kapclinic.demo.DemoContext.DEMO_PASSWORD
                    + ") exist in this database now. Never run this against a real clinic's database.");
            return 0;
        } catch (IllegalStateException refused) {
            System.err.println("Refused: " + refused.getMessage());
            return 1;
        }
    }

    private static String readPassword(PrintStream out) {
        var fromEnv = System.getenv("KAP_ADMIN_PASSWORD");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console == null) {
            System.err.println("No terminal to ask for a password: set KAP_ADMIN_PASSWORD for non-interactive use.");
            return null;
        }
        var first = console.readPassword("Password for the new admin (at least 12 characters): ");
        var second = console.readPassword("Same password again: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            System.err.println("The two passwords differ; nothing was created.");
            return null;
        }
        return new String(first);
    }

    private static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            if (arg.startsWith("--")) {
                var eq = arg.indexOf('=');
                if (eq > 0) {
                    options.put(arg.substring(2, eq), arg.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    options.put(arg.substring(2), args[++i]);
                } else {
                    options.put(arg.substring(2), "true");
                }
            }
        }
        return options;
    }

    private static int usage(PrintStream out) {
        out.println("""
                Usage: java -jar kap-clinic.jar <verb>
                  admin create --email E [--name N]   create an admin (asks for the password, or reads KAP_ADMIN_PASSWORD)
                  admin token --email E --name N      issue an API token for a user; prints it once
                  audit verify                        verify the audit trail's hash chain (exit 1 if tampered)
                  demo generate --patients N [--force]  add N synthetic patients for demos and benchmarks (refuses a real clinic's database)
                  export --to FILE.zip                the full data export: a CSV per table and manifest.json (ADR 024)
                  import --from FILE.zip              restore a full export into an empty database at the same schema version
                  backup --to FILE [--pg-bin DIR]     a consistent online backup (H2: BACKUP TO; PostgreSQL: pg_dump -Fc)
                  restore --from FILE [--force] [--pg-bin DIR]  restore a backup into an empty database (--force: replace
                                                      everything), then verify the audit chain and print row counts
                  outcomes rebuild                    recompute the outcomes dashboard's summary rows from the raw rows
                Database: the same settings as the server (--spring.profiles.active=postgres with KAP_DB_URL ...).""");
        return 2;
    }
}
