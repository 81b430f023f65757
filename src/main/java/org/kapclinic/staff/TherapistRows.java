// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.security.UserId;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Coded;
import org.kapclinic.vocabulary.Concern;

/** Maps therapist profiles to and from staff_profile rows (';'-separated lists). */
final class TherapistRows {

    private TherapistRows() {}

    static TherapistProfile map(ResultSet rs, UserId user, String name) throws SQLException {
        var focus = EnumSet.noneOf(Concern.class);
        focus.addAll(Coded.parse(Concern.class, split(rs.getString("focus_codes"))));
        var affirming = EnumSet.noneOf(AffirmingTag.class);
        affirming.addAll(Coded.parse(AffirmingTag.class, split(rs.getString("affirming"))));
        return new TherapistProfile(user, name, rs.getString("credentials"), focus, rs.getBoolean("kap_trained"),
                split(rs.getString("licensed_states")), rs.getBoolean("telehealth"),
                split(rs.getString("in_person_locations")), split(rs.getString("languages")), rs.getString("gender"),
                affirming, split(rs.getString("insurance_panels")), rs.getBoolean("accepting_new"),
                split(rs.getString("availability")).stream().map(WeeklyWindow::parse).sorted().toList(),
                rs.getInt("caseload_limit"), rs.getString("bio"), rs.getLong("version"));
    }

    static Map<String, @Nullable Object> params(TherapistProfile p) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("id", p.userId().value());
        params.put("credentials", p.credentials());
        params.put("focus", String.join(";", Coded.codes(p.focus())));
        params.put("kap", p.kapTrained());
        params.put("states", String.join(";", p.licensedStates()));
        params.put("telehealth", p.telehealth());
        params.put("locations", String.join(";", p.inPersonLocations()));
        params.put("languages", String.join(";", p.languages()));
        params.put("gender", p.gender());
        params.put("affirming", String.join(";", Coded.codes(p.affirming())));
        params.put("insurance", String.join(";", p.insurancePanels()));
        params.put("accepting", p.acceptingNewClients());
        params.put("availability", p.availability().stream().map(WeeklyWindow::storedForm).collect(Collectors.joining(";")));
        params.put("caseload", p.caseloadLimit());
        params.put("bio", p.bio());
        params.put("modalities", p.kapTrained() ? "Ketamine-assisted psychotherapy" : "");
        return params;
    }

    static List<String> split(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(";"));
    }
}
