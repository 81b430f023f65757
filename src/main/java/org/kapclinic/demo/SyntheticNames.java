// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.demo;

import java.util.List;
import java.util.Random;

/**
 * Obviously synthetic people: real-looking first names with surnames built from "Mock", "Test", "Fict"... so nobody
 * can mistake a demo record for a real person. 60 × 96 combinations.
 */
public final class SyntheticNames {

    private static final List<String> GIVEN = List.of("Ada", "Blake", "Cora", "Dev", "Eliza", "Finn", "Gia", "Hugo",
            "Iris", "Jonah", "Kira", "Leo", "Maya", "Nico", "Opal", "Pax", "Quinn", "Rosa", "Sami", "Tess", "Uma",
            "Vic", "Wren", "Xavi", "Yara", "Zane", "Alma", "Bram", "Cleo", "Dara", "Emre", "Faye", "Gus", "Hana",
            "Ivo", "June", "Kai", "Lena", "Milo", "Nora", "Otto", "Pia", "Remy", "Sol", "Theo", "Ula", "Vera", "Wade",
            "Ximena", "Yuki", "Zora", "Amir", "Bea", "Cyrus", "Dina", "Eero", "Fern", "Gale", "Hedda", "Ike");
    private static final List<String> STEMS = List.of("Mock", "Test", "Fict", "Synth", "Demo", "Sample", "Dumm",
            "Proto", "Pseudo", "Faux", "Stub", "Sim");
    private static final List<String> ENDINGS = List.of("well", "wood", "bury", "ington", "son", "ley", "field", "stone");

    private SyntheticNames() {}

    public static String given(Random random) {
        return GIVEN.get(random.nextInt(GIVEN.size()));
    }

    public static String family(Random random) {
        return STEMS.get(random.nextInt(STEMS.size())) + ENDINGS.get(random.nextInt(ENDINGS.size()));
    }
}
