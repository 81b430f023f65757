// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.export;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;
import org.kapclinic.security.Role;
import org.kapclinic.web.HomeCard;
import org.springframework.stereotype.Component;

/** The full data export on admins' home page. */
@Component
class ExportHomeCard implements HomeCard {

    @Override
    public Optional<Card> cardFor(ClinicUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(new Card("Full data export", "/admin/export",
                "Download the whole clinic as CSV files in a zip; restore it into an empty database.", false));
    }
}
