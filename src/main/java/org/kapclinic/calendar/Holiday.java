// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.calendar;

import java.time.LocalDate;

/** A day the clinic is closed: a US federal holiday (as observed) or one the clinic added. */
public record Holiday(LocalDate date, String name, boolean federal) {}
