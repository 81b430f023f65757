// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.List;
import java.util.UUID;

/** A therapist who passed the filters, with a 0–100 fit score, the reasons for it and the gaps in it. */
public record Match(UUID therapistId, String name, int score, List<String> reasons, List<String> gaps, int headroom) {}
