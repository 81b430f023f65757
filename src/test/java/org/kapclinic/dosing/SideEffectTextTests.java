// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The column text of a check's side effects, shared by the session record, the report and the outcomes reads. */
class SideEffectTextTests {

    @Test
    void sideEffectsWithTheirSeveritiesReadBackAsWritten() {
        var effects = new EnumMap<SideEffect, SideEffect.Severity>(SideEffect.class);
        effects.put(SideEffect.NAUSEA, SideEffect.Severity.MILD);
        effects.put(SideEffect.BLURRED_VISION, SideEffect.Severity.SEVERE);
        var text = SideEffect.encode(effects);
        assertThat(text).isEqualTo("NAUSEA:MILD,BLURRED_VISION:SEVERE");
        assertThat(SideEffect.decode(text)).isEqualTo(effects);
    }

    @Test
    void noSideEffectsIsNoTextAndNoTextIsNoSideEffects() {
        assertThat(SideEffect.encode(Map.of())).isNull();
        assertThat(SideEffect.decode(null)).isEmpty();
        assertThat(SideEffect.decode(" ")).isEmpty();
    }
}
