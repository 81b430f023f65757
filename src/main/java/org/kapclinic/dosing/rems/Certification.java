// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A location's certification as an outpatient healthcare setting in the SPRAVATO REMS (REFERENCE.md 2.2): the REMS's
 * identifier for the setting, when it was certified, its Authorized Representative, and the name and address the
 * Patient Monitoring Form carries.
 */
public record Certification(UUID locationId, String certificationId, LocalDate certifiedOn, String settingName,
        String address1, @Nullable String address2, String city, String state, String zip, String phone,
        String authorizedRepresentative, Instant updatedAt, String updatedBy, long version) {

    /** The keys a form definition's {@code setting} may name. */
    static final List<String> SETTING_KEYS = List.of("certificationId", "certifiedOn", "settingName", "address1",
            "address2", "city", "state", "zip", "phone", "authorizedRepresentative");

    /** The value for a definition's {@code setting} key. */
    public @Nullable String value(String key) {
        return switch (key) {
            case "certificationId" -> certificationId;
            case "certifiedOn" -> certifiedOn.toString();
            case "settingName" -> settingName;
            case "address1" -> address1;
            case "address2" -> address2;
            case "city" -> city;
            case "state" -> state;
            case "zip" -> zip;
            case "phone" -> phone;
            case "authorizedRepresentative" -> authorizedRepresentative;
            default -> throw new IllegalArgumentException("No setting " + key);
        };
    }
}
