// SPDX-License-Identifier: Apache-2.0
/**
 * The clinic's business calendar: time zone, business days, opening hours and holidays, and the arithmetic of business
 * time on it (a respond-by 24 business hours away, the business time left). Intake's reply clock counts on it; scheduling
 * will too.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"security", "audit"})
@org.jspecify.annotations.NullMarked
package org.kapclinic.calendar;
