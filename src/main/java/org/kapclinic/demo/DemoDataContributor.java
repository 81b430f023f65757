// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.demo;

/**
 * A module's part of the synthetic clinic. Contributors run in {@link #order()} (accounts 10, staff profiles 20,
 * patients 30; later modules add inquiries, measures, sessions and notes after that) inside one transaction per
 * contributor. They must be idempotent for accounts and additive for patients.
 */
public interface DemoDataContributor {

    int order();

    /** A short line for the summary, e.g. "60 patients". */
    String contribute(DemoContext context);

    /**
     * True when this module holds data that the demo generator did not make: a real clinic's database. The generator
     * then refuses unless forced, because demo accounts share a published password.
     */
    default boolean holdsRealData() {
        return false;
    }
}
