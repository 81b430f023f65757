// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.assessments;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Answers are stored as a small JSON object of item number to value, e.g. {@code {"1":2,"9":1}}. */
@Component
class AnswerJson {

    private static final TypeReference<Map<String, Integer>> TYPE = new TypeReference<>() {};

    private final JsonMapper json;

    AnswerJson(JsonMapper json) {
        this.json = json;
    }

    String write(Map<String, Integer> answers) {
        return json.writeValueAsString(new TreeMap<>(answers));
    }

    Map<String, Integer> read(String text) {
        return json.readValue(text, TYPE);
    }
}
