// SPDX-License-Identifier: Apache-2.0
/**
 * Synthetic clinics for demos and benchmarks. Each module contributes its own synthetic data through
 * {@link org.kapclinic.demo.DemoDataContributor}; names are obviously synthetic and nothing here is real.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.demo;
