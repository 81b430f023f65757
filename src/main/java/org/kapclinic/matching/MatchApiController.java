// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.util.List;
import java.util.UUID;
import org.kapclinic.intake.InquiryId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/v1/inquiries/{id}/matches: ranked, explained matches and who was excluded by which filter. Staff only. */
@RestController
class MatchApiController {

    record MatchJson(UUID therapistId, String name, int score, List<String> reasons, List<String> gaps) {}

    record ExclusionJson(UUID therapistId, String name, List<String> failedFilters) {}

    record MatchesJson(List<MatchJson> matches, List<ExclusionJson> excluded) {}

    private final Matching matching;

    MatchApiController(Matching matching) {
        this.matching = matching;
    }

    @GetMapping(path = "/api/v1/inquiries/{id}/matches", produces = "application/json")
    MatchesJson matches(@PathVariable UUID id) {
        var list = matching.matchesFor(new InquiryId(id)).matches();
        return new MatchesJson(
                list.matches().stream().map(m -> new MatchJson(m.therapistId(), m.name(), m.score(), m.reasons(), m.gaps())).toList(),
                list.excluded().stream().map(e -> new ExclusionJson(e.therapistId(), e.name(), e.failedFilters())).toList());
    }
}
