// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Dose arithmetic and unit rules, pure. Esketamine is counted in 28 mg devices (REFERENCE 1.2). Weight-based racemic
 * ketamine is mg/kg x today's weight, rounded half-up to 0.1 mg (what a syringe pump takes); an infusion's rate is
 * mg/h to 0.01; a volume drawn is mL to 0.01. Weight is kg to 0.1.
 */
public final class DoseMath {

    private static final Pattern MG = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:(?:or|and|,|-|/)\\s*(\\d+(?:\\.\\d+)?)\\s*)?"
            + "mg(\\s*/\\s*kg)?", Pattern.CASE_INSENSITIVE);

    private DoseMath() {}

    /** The number of devices for an esketamine dose, refusing a dose that is not 1-3 whole devices. */
    public static int devices(BigDecimal mg) {
        var per = BigDecimal.valueOf(DosingSettings.MG_PER_DEVICE);
        if (mg.signum() <= 0 || mg.remainder(per).signum() != 0 || mg.compareTo(per.multiply(BigDecimal.valueOf(3))) > 0) {
            throw new IllegalArgumentException("dose: esketamine comes in 28 mg devices: give 28, 56 or 84 mg.");
        }
        return mg.divide(per).intValueExact();
    }

    public static BigDecimal mgForDevices(int devices) {
        return BigDecimal.valueOf((long) devices * DosingSettings.MG_PER_DEVICE).setScale(2);
    }

    public static BigDecimal weightBased(BigDecimal mgPerKg, BigDecimal weightKg) {
        if (mgPerKg.signum() <= 0) {
            throw new IllegalArgumentException("mgPerKg: enter a dose above 0 mg/kg.");
        }
        if (weightKg.signum() <= 0) {
            throw new IllegalArgumentException("weight: record today's weight first.");
        }
        return mgPerKg.multiply(weightKg).setScale(1, RoundingMode.HALF_UP);
    }

    public static BigDecimal ratePerHour(BigDecimal mg, int minutes) {
        if (minutes <= 0 || minutes > 240) {
            throw new IllegalArgumentException("infusionMinutes: enter 1-240 minutes.");
        }
        return mg.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 2, RoundingMode.HALF_UP);
    }

    /** How many ledger units a dose takes: mL of a vial, troches, devices; to 0.01, half-up. */
    public static BigDecimal units(BigDecimal mg, BigDecimal mgPerUnit) {
        return mg.divide(mgPerUnit, 2, RoundingMode.HALF_UP);
    }

    public static BigDecimal weight(BigDecimal kg) {
        var w = kg.setScale(1, RoundingMode.HALF_UP);
        if (w.compareTo(BigDecimal.valueOf(30)) < 0 || w.compareTo(BigDecimal.valueOf(300)) > 0) {
            throw new IllegalArgumentException("weight: enter the weight in kg, 30-300.");
        }
        return w;
    }

    /** One dose or range of doses a plan allows, in mg or in mg/kg. */
    public record Allowed(BigDecimal min, BigDecimal max, boolean perKg) {

        boolean contains(BigDecimal value) {
            return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
        }
    }

    /**
     * What a plan's dose text allows: "56 or 84 mg" gives 56 and 84 mg; "0.5 mg/kg" gives 0.5 mg/kg; "100-300 mg"
     * gives the range. Text with no dose in it allows anything (the protocol limits still apply).
     */
    public record Planned(List<Allowed> allowed) {

        public static Planned parse(@Nullable String text) {
            var list = new ArrayList<Allowed>();
            if (text != null) {
                var m = MG.matcher(text);
                while (m.find()) {
                    boolean perKg = m.group(3) != null;
                    var first = new BigDecimal(m.group(1));
                    if (m.group(2) == null) {
                        list.add(new Allowed(first, first, perKg));
                    } else if (m.group(0).substring(m.group(1).length()).strip().startsWith("-")) {
                        list.add(new Allowed(first, new BigDecimal(m.group(2)), perKg));
                    } else {
                        list.add(new Allowed(first, first, perKg));
                        list.add(new Allowed(new BigDecimal(m.group(2)), new BigDecimal(m.group(2)), perKg));
                    }
                }
            }
            return new Planned(List.copyOf(list));
        }

        /** Whether the plan says anything in these units; if not, only the protocol limits apply. */
        public boolean speaksOf(boolean perKg) {
            return allowed.stream().anyMatch(a -> a.perKg() == perKg);
        }

        public boolean allows(BigDecimal value, boolean perKg) {
            return allowed.stream().anyMatch(a -> a.perKg() == perKg && a.contains(value));
        }
    }

    /**
     * Why a dose needs a prescriber's order: outside what the plan says, or above the protocol limit. Empty when the
     * dose is within both.
     */
    public static List<String> outsidePlan(Route route, BigDecimal mg, @Nullable BigDecimal mgPerKg,
            @Nullable String plannedText, DosingSettings s) {
        var reasons = new ArrayList<String>();
        var planned = Planned.parse(plannedText);
        if (route.weightBased() && mgPerKg != null) {
            if (planned.speaksOf(true) && !planned.allows(mgPerKg, true)) {
                reasons.add(plain(mgPerKg) + " mg/kg is not the planned " + plannedText + ".");
            }
            var max = route == Route.IV ? s.ivMaxMgPerKg() : s.imMaxMgPerKg();
            if (mgPerKg.compareTo(max) > 0) {
                reasons.add(plain(mgPerKg) + " mg/kg is above the limit of " + plain(max) + " mg/kg.");
            }
        } else {
            if (planned.speaksOf(false) && !planned.allows(mg, false)) {
                reasons.add(plain(mg) + " mg is not the planned " + plannedText + ".");
            }
            int max = switch (route) {
                case NASAL -> s.esketamineMaxMg();
                case SUBLINGUAL -> s.sublingualMaxMg();
                case ORAL -> s.oralMaxMg();
                default -> Integer.MAX_VALUE;
            };
            if (mg.compareTo(BigDecimal.valueOf(max)) > 0) {
                reasons.add(plain(mg) + " mg is above the limit of " + max + " mg.");
            }
        }
        return List.copyOf(reasons);
    }

    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
