// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.vocabulary;

import java.util.Arrays;
import java.util.List;

/** US states, DC and territories, by USPS code (licensure and addresses). */
public enum UsState {
    AL("Alabama"), AK("Alaska"), AZ("Arizona"), AR("Arkansas"), CA("California"), CO("Colorado"), CT("Connecticut"),
    DE("Delaware"), DC("District of Columbia"), FL("Florida"), GA("Georgia"), HI("Hawaii"), ID("Idaho"),
    IL("Illinois"), IN("Indiana"), IA("Iowa"), KS("Kansas"), KY("Kentucky"), LA("Louisiana"), ME("Maine"),
    MD("Maryland"), MA("Massachusetts"), MI("Michigan"), MN("Minnesota"), MS("Mississippi"), MO("Missouri"),
    MT("Montana"), NE("Nebraska"), NV("Nevada"), NH("New Hampshire"), NJ("New Jersey"), NM("New Mexico"),
    NY("New York"), NC("North Carolina"), ND("North Dakota"), OH("Ohio"), OK("Oklahoma"), OR("Oregon"),
    PA("Pennsylvania"), RI("Rhode Island"), SC("South Carolina"), SD("South Dakota"), TN("Tennessee"), TX("Texas"),
    UT("Utah"), VT("Vermont"), VA("Virginia"), WA("Washington"), WV("West Virginia"), WI("Wisconsin"),
    WY("Wyoming"), AS("American Samoa"), GU("Guam"), MP("Northern Mariana Islands"), PR("Puerto Rico"),
    VI("U.S. Virgin Islands");

    private final String label;

    UsState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state with this USPS code (any case), if there is one. */
    public static java.util.Optional<UsState> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(code.trim())).findFirst();
    }

    public static List<UsState> all() {
        return Arrays.asList(values());
    }
}
