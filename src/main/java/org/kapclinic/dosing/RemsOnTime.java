// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each REMS Patient Monitoring Form was due and first sent (REFERENCE.md 2.3: within 7 days of the session), for
 * the outcomes dashboard (issue 8). One query on the forms of sessions opened at or after a time; no form values.
 */
@Component
public class RemsOnTime {

    /** A form: {@code firstSubmittedOn} is null while it has not been sent. */
    public record Form(UUID session, LocalDate dueOn, @Nullable LocalDate firstSubmittedOn) {

        /** True when sent by its due date, false when sent late or overdue on {@code today}, null when not yet due. */
        public @Nullable Boolean onTime(LocalDate today) {
            if (firstSubmittedOn != null) {
                return !firstSubmittedOn.isAfter(dueOn);
            }
            return today.isAfter(dueOn) ? Boolean.FALSE : null;
        }
    }

    private final JdbcClient jdbc;

    RemsOnTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Forms by session, for treatments on or after {@code from}. */
    public Map<UUID, Form> treatedSince(LocalDate from) {
        var forms = new HashMap<UUID, Form>();
        jdbc.sql("SELECT session_id, due_on, first_submitted_on FROM rems_monitoring_form WHERE treatment_date >= :from")
                .param("from", from)
                .query(rs -> {
                    var session = rs.getObject(1, UUID.class);
                    forms.put(session, new Form(session, rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class)));
                });
        return forms;
    }
}
