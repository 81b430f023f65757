// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * What contributors share while building one synthetic clinic: how many patients to add, a seeded random source
 * (so the same size gives the same clinic), and the IDs earlier contributors created, by kind ("THERAPIST", ...).
 */
public final class DemoContext {

    public static final String DEMO_PASSWORD = "demo-clinic-2026";

    private final int patients;
    private final Random random;
    private final Map<String, List<UUID>> ids = new HashMap<>();

    DemoContext(int patients, long seed) {
        this.patients = patients;
        this.random = new Random(seed);
    }

    public int patients() {
        return patients;
    }

    public Random random() {
        return random;
    }

    public void put(String kind, UUID id) {
        ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    public List<UUID> ids(String kind) {
        return List.copyOf(ids.getOrDefault(kind, List.of()));
    }
}
