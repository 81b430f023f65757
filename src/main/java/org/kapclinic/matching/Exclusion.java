// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A therapist the hard filters kept out, with every filter they failed, in words. */
public record Exclusion(UUID therapistId, String name, List<String> failedFilters, Set<HardFilter> filters) {}
