// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.controlledsubstances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LedgerRulesTests {

    @ParameterizedTest(name = "discovered {0} -> notice due {1}")
    @CsvSource({"2026-11-23, 2026-11-24", // Monday -> Tuesday
            "2026-11-20, 2026-11-23", // Friday -> Monday
            "2026-11-25, 2026-11-27", // Wednesday before Thanksgiving -> Friday
            "2026-12-31, 2027-01-04"}) // New Year's Day is a federal holiday
    void theDeaNoticeIsDueOneFederalBusinessDayAfterDiscovery(LocalDate discovered, LocalDate due) {
        assertThat(LedgerRules.deaNoticeDue(discovered)).isEqualTo(due);
    }

    @Test
    void quantitiesHaveAtMostTwoDecimalsAndStayWithinBounds() {
        assertThatThrownBy(() -> LedgerRules.quantity("quantity", new BigDecimal("1.005"), false))
                .hasMessage("quantity: use at most two decimals.");
        assertThatThrownBy(() -> LedgerRules.quantity("quantity", BigDecimal.ZERO, false))
                .hasMessageStartingWith("quantity: give a quantity above zero");
        assertThat(LedgerRules.quantity("counted", BigDecimal.ZERO, true)).isEqualByComparingTo("0");
        assertThat(LedgerRules.quantity("quantity", new BigDecimal("2.50"), false).scale()).isEqualTo(2);
    }

    @Test
    void anExpiredLotCannotBeDrawnButOnItsExpiryDayItCan() {
        var today = LocalDate.of(2026, 11, 26);
        LedgerRules.usable(today, today, "A1");
        assertThatThrownBy(() -> LedgerRules.usable(today.minusDays(1), today, "A1"))
                .hasMessageStartingWith("lot: lot A1 expired on 2026-11-25");
    }

    @Test
    void aCorrectionMayNotTakeTheBalanceBelowZeroAndAResolutionChangesNothing() {
        assertThatThrownBy(() -> LedgerRules.apply(EntryKind.CORRECTION, new BigDecimal("1"), new BigDecimal("-1.01"),
                "mL")).hasMessageStartingWith("adjustment: ");
        assertThat(LedgerRules.apply(EntryKind.CORRECTION, new BigDecimal("1"), new BigDecimal("-1"), "mL")
                .balanceAfter()).isEqualByComparingTo("0");
        var r = LedgerRules.apply(EntryKind.RESOLUTION, new BigDecimal("4"), BigDecimal.ZERO, "mL");
        assertThat(r.delta()).isEqualByComparingTo("0");
        assertThat(r.balanceAfter()).isEqualByComparingTo("4");
    }
}
