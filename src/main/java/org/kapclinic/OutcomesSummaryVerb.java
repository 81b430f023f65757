// SPDX-License-Identifier: Apache-2.0
package org.kapclinic;

import java.io.PrintStream;
import org.kapclinic.audit.AuditRecord;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.CourseSessionRows;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code outcomes rebuild} verb of {@link CommandLineVerbs} (ADR 022 "Summary rows"): recomputes the outcomes
 * dashboard's summary rows from the raw rows, for a database that something wrote past the application (a restore by
 * hand, a repair in SQL). The application's own writes keep the rows current; {@code demo generate} rebuilds them itself.
 */
final class OutcomesSummaryVerb {

    private OutcomesSummaryVerb() {}

    static int rebuild(ConfigurableApplicationContext context, PrintStream out) {
        long t0 = System.nanoTime();
        int sessions = context.getBean(CourseSessionRows.class).rebuild();
        context.getBean(AuditTrail.class).recordAs("command-line", "ADMIN", new AuditRecord("OUTCOMES_SUMMARY_REBUILT",
                AuditRecord.Outcome.SUCCESS, null, "CourseSessionRows", "all", "sessions=" + sessions));
        out.println("Rebuilt the outcomes summary rows: " + sessions + " dosed sessions of treatment courses ("
                + String.format("%.1f s", (System.nanoTime() - t0) / 1e9) + ").");
        return 0;
    }
}
