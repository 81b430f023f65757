// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.web;

import java.util.Optional;
import org.kapclinic.security.ClinicUser;

/**
 * A card a feature module puts on the home page, such as the intake queue's counts. Modules implement it; the web
 * module owns it, so the shell never depends on a feature. Cards carry counts and links, never patient details.
 */
public interface HomeCard {

    record Card(String title, String link, String text, boolean needsAttention) {}

    /** The card for this user, or empty when their roles do not open the feature. */
    Optional<Card> cardFor(ClinicUser user);
}
