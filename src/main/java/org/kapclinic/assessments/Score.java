// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scored administration. {@code problems} names every missing, unknown or out-of-range item; when there are any,
 * no total or severity is given, but {@code flags} still carries what the answered safety items raised.
 */
public record Score(String instrument, @Nullable Integer total, @Nullable String severity, List<String> flags,
        Map<String, Integer> domains, List<ItemProblem> problems) {

    public record ItemProblem(String item, String message) {}

    public boolean complete() {
        return problems.isEmpty();
    }
}
