// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kapclinic.assessments.OutcomeDefinitions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published figures (resources/outcomes/reference-figures.json) and the rule for drawing one as a reference line
 * beside a clinic figure (issue 8, ADR 022): only where the trial measured the same thing the same way.
 */
@Component
public class ReferenceFigures {

    /** The clinic's definition of one rate, to match figures against. */
    public record ClinicDefinition(String instrument, ReferenceFigure.Outcome outcome,
            OutcomeDefinitions.@Nullable Remission remission, int windowDays, @Nullable String modality) {}

    private record File(String note, List<ReferenceFigure> figures) {}

    private final List<ReferenceFigure> figures;

    ReferenceFigures() {
        this(load());
    }

    ReferenceFigures(List<ReferenceFigure> figures) {
        this.figures = List.copyOf(figures);
    }

    public List<ReferenceFigure> all() {
        return figures;
    }

    /** The figures drawn as a line beside the clinic's rate: those that {@link #matches} it. */
    public List<ReferenceFigure> linesFor(ClinicDefinition clinic) {
        return figures.stream().filter(f -> matches(f, clinic)).toList();
    }

    /**
     * A figure matches when it is cited (a claim without a source never does), measured the same instrument and
     * outcome, with the same threshold (response: a 50 % reduction; remission: the same line, both inclusive or both
     * not), at a fixed day equal to the clinic's outcome window, and in the cohort's modality when one is chosen.
     */
    static boolean matches(ReferenceFigure f, ClinicDefinition clinic) {
        if (!f.cited() || !f.instrument().equals(clinic.instrument()) || f.outcome() != clinic.outcome()) {
            return false;
        }
        if (f.timepointDays() == null || f.timepointDays() != clinic.windowDays()) {
            return false;
        }
        if (clinic.modality() != null && !clinic.modality().equals(f.modality())) {
            return false;
        }
        return switch (f.outcome()) {
            case RESPONSE -> f.reductionPercent() != null && f.reductionPercent() == 50;
            case REMISSION -> clinic.remission() != null && f.remissionLine() != null
                    && f.remissionLine() == clinic.remission().line()
                    && (f.remissionInclusive() == null || f.remissionInclusive()) == clinic.remission().inclusive();
            default -> false;
        };
    }

    private static List<ReferenceFigure> load() {
        try (var in = new ClassPathResource("outcomes/reference-figures.json").getInputStream()) {
            return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, File.class).figures();
        } catch (IOException e) {
            throw new UncheckedIOException("outcomes/reference-figures.json", e);
        }
    }
}
