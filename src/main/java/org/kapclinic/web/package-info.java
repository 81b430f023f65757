// SPDX-License-Identifier: Apache-2.0
/**
 * The shell every page shares: layout and navigation, the home page, error pages and problem+json for the API. Holds
 * no feature controllers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.web;
