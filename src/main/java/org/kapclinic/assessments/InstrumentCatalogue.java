// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessments module's entry point: the instruments read from {@code classpath:instruments/*.json} at start-up
 * (a broken file stops the application, so nothing is scored by a half-read definition) and scoring with them.
 */
@Service
public class InstrumentCatalogue {

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Scorer scorer;

    InstrumentCatalogue(JsonMapper json, AssessmentSettings settings) {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources("classpath*:instruments/*.json");
            var loaded = new java.util.TreeMap<String, Instrument>();
            for (var resource : resources) {
                try (var in = resource.getInputStream()) {
                    var instrument = json.readValue(in, Instrument.class);
                    loaded.put(instrument.code(), instrument);
                }
            }
            instruments.putAll(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (instruments.isEmpty()) {
            throw new IllegalStateException("No instrument definitions found under classpath:instruments/");
        }
        scorer = new Scorer(Map.of("madrs-suicidal-ideation-at", settings.madrsSuicidalIdeationAt()));
    }

    public List<Instrument> all() {
        return List.copyOf(instruments.values());
    }

    public Instrument get(String code) {
        var instrument = instruments.get(code);
        if (instrument == null) {
            throw new InstrumentNotFound(code);
        }
        return instrument;
    }

    public Score score(String code, Map<String, Integer> answers) {
        return scorer.score(get(code), answers);
    }
}
