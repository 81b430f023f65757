// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dosing day's limits, intervals and ranges. Every default is listed in the README's settings table with its
 * source; figures tagged memory-verify in REFERENCE.md are settings precisely so a clinic can correct them.
 */
@ConfigurationProperties("kap.dosing")
public record DosingSettings(
        // Pre-dose gate. REFERENCE 1.3 (label: weigh risk above 140/90) and 3.2 (consensus: intervene above 180/100 or
        // HR above 110): the commonly quoted figures, memory-verify.
        @DefaultValue("140") int ackSystolicAbove,
        @DefaultValue("90") int ackDiastolicAbove,
        @DefaultValue("180") int holdSystolicAtOrAbove,
        @DefaultValue("100") int holdDiastolicAtOrAbove,
        @DefaultValue("110") int holdHeartRateAbove,
        // Monitoring ranges: a value outside is flagged at once (clinic policy defaults, memory-verify).
        @DefaultValue("160") int flagSystolicAbove,
        @DefaultValue("100") int flagDiastolicAbove,
        @DefaultValue("90") int flagSystolicBelow,
        @DefaultValue("110") int flagHeartRateAbove,
        @DefaultValue("50") int flagHeartRateBelow,
        @DefaultValue("94") int flagSpo2Below,
        @DefaultValue("12") int flagRespRateBelow,
        @DefaultValue("24") int flagRespRateAbove,
        // Label (REFERENCE 1.5): a rise of 40 mmHg systolic or 25 mmHg diastolic is the trials' BP-increase measure.
        @DefaultValue("40") int flagSystolicRise,
        @DefaultValue("25") int flagDiastolicRise,
        // Possible respiratory depression raises an urgent alert (issue 6; MOAA/S <= 2 is fixed, label boxed warning).
        @DefaultValue("92") int urgentSpo2Below,
        @DefaultValue("10") int urgentRespRateBelow,
        // Check intervals. REFERENCE 3.3: BP every 10 min during infusion; 1.3: esketamine BP at about 40 min.
        @DefaultValue("10m") Duration infusionInterval,
        @DefaultValue("15m") Duration firstHourInterval,
        @DefaultValue("30m") Duration laterInterval,
        @DefaultValue("40m") Duration esketamineBpCheckAt,
        @DefaultValue("5m") Duration esketamineBpCheckWindow,
        @DefaultValue("40") int defaultInfusionMinutes,
        // Dose limits beyond which a prescriber's order with a reason is needed. Esketamine: label 56/84 mg
        // (REFERENCE 1.2). Racemic ketamine: REFERENCE 3.1/3.5 (0.5 mg/kg IV standard; IM 0.5-1 mg/kg; sublingual
        // and oral up to about 300 mg), memory-verify.
        @DefaultValue("84") int esketamineMaxMg,
        @DefaultValue("1.0") BigDecimal ivMaxMgPerKg,
        @DefaultValue("1.0") BigDecimal imMaxMgPerKg,
        @DefaultValue("300") int sublingualMaxMg,
        @DefaultValue("300") int oralMaxMg,
        // Pregnancy status is asked at the gate for patients assigned female at birth in this age range.
        @DefaultValue("12") int pregnancyCheckFromAge,
        @DefaultValue("55") int pregnancyCheckToAge,
        // How often the monitoring board refreshes.
        @DefaultValue("15s") Duration boardRefresh) {

    /** Label (REFERENCE 1.3): at least 2 hours after esketamine, at every session; not a setting, never waivable. */
    public static final int ESKETAMINE_MINIMUM_OBSERVATION_MINUTES = 120;

    /** Label (REFERENCE 1.2): a 5-minute rest between esketamine devices. */
    public static final Duration DEVICE_INTERVAL = Duration.ofMinutes(5);

    public static final int MG_PER_DEVICE = 28;

    public DosingSettings {
        if (holdSystolicAtOrAbove <= ackSystolicAbove || holdDiastolicAtOrAbove <= ackDiastolicAbove) {
            throw new IllegalArgumentException("kap.dosing: the hold limits must be above the acknowledgment limits.");
        }
        if (urgentSpo2Below > flagSpo2Below || urgentRespRateBelow > flagRespRateBelow) {
            throw new IllegalArgumentException("kap.dosing: urgent limits must not be milder than the flag limits.");
        }
        if (esketamineMaxMg > 84 || esketamineMaxMg % MG_PER_DEVICE != 0) {
            throw new IllegalArgumentException("kap.dosing.esketamine-max-mg: 28, 56 or 84 (28 mg devices, label).");
        }
    }
}
