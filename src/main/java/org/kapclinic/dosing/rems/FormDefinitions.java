// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing.rems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The installed versions of the Patient Monitoring Form: every {@code classpath:rems/pmf-*.json}, read and checked at
 * start-up (a bad file stops the application with a message naming the file and the part). New forms use the version
 * in effect on the treatment date, or the one {@code kap.rems.form-version} pins; a form keeps the version it was
 * created with.
 */
@Component
class FormDefinitions {

    static final String LOCATION = "classpath*:rems/pmf-*.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final List<FormDefinition> versions;
    private final String pinned;

    @Autowired
    FormDefinitions(RemsFormSettings settings) {
        this(load(LOCATION), settings.formVersion());
    }

    FormDefinitions(List<FormDefinition> versions, String pinned) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("No REMS Patient Monitoring Form definition found (" + LOCATION + ").");
        }
        for (int i = 1; i < versions.size(); i++) {
            var a = versions.get(i - 1);
            var b = versions.get(i);
            if (a.version().equals(b.version())) {
                throw new IllegalStateException("REMS form definitions: version \"" + a.version()
                        + "\" is defined twice.");
            }
            if (a.effectiveFrom().equals(b.effectiveFrom())) {
                throw new IllegalStateException("REMS form definitions: versions \"" + a.version() + "\" and \""
                        + b.version() + "\" take effect on the same day (" + a.effectiveFrom() + ").");
            }
        }
        this.versions = versions;
        this.pinned = pinned == null ? "" : pinned.strip();
        if (!this.pinned.isEmpty() && find(this.pinned).isEmpty()) {
            throw new IllegalStateException("kap.rems.form-version=" + this.pinned + " names no installed form version "
                    + versions.stream().map(FormDefinition::version).toList() + ".");
        }
    }

    /** Every installed version, oldest first. */
    List<FormDefinition> all() {
        return versions;
    }

    Optional<FormDefinition> find(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** The version a new form for a treatment on {@code day} uses: the pinned one, else the latest in effect. */
    FormDefinition forTreatmentOn(LocalDate day) {
        if (!pinned.isEmpty()) {
            return find(pinned).orElseThrow();
        }
        return versions.stream().filter(v -> !v.effectiveDate().isAfter(day)).reduce((a, b) -> b)
                // a treatment before the oldest installed version: use the oldest rather than refuse the form
                .orElse(versions.get(0));
    }

    /** The version a stored form was filled with; refuses clearly if its file was removed. */
    FormDefinition stored(String version) {
        return find(version).orElseThrow(() -> new IllegalStateException("This form was filled with form version "
                + version + ", which is no longer installed (rems/pmf-" + version + ".json). Restore that file."));
    }

    static List<FormDefinition> load(String location) {
        try {
            var resources = new PathMatchingResourcePatternResolver().getResources(location);
            return java.util.Arrays.stream(resources).map(FormDefinitions::read)
                    .sorted(Comparator.comparing(FormDefinition::effectiveDate)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("REMS form definitions could not be listed at " + location, e);
        }
    }

    private static FormDefinition read(Resource resource) {
        var name = "rems/" + resource.getFilename();
        try {
            return parse(name, resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(name + " could not be read", e);
        }
    }

    /** Reads and checks one definition; the message names the source and the part that is wrong. */
    static FormDefinition parse(String source, String json) {
        FormDefinition d;
        try {
            d = JSON.readValue(json, FormDefinition.class);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new IllegalStateException(source + ": not readable"
                    + (loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() : "") + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("invalid JSON"));
        }
        if (d == null) {
            throw new IllegalStateException(source + ": the file is empty.");
        }
        try {
            FormDefinitionValidation.check(d);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": " + e.getMessage());
        }
        var expected = "rems/pmf-" + d.version() + ".json";
        if (source.startsWith("rems/pmf-") && !source.equals(expected)) {
            throw new IllegalStateException(source + ": version \"" + d.version() + "\" belongs in " + expected + ".");
        }
        return d;
    }
}
