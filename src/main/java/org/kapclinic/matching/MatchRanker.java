// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.matching;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kapclinic.calendar.WeeklyWindow;
import org.kapclinic.vocabulary.AffirmingTag;
import org.kapclinic.vocabulary.Coded;
import org.kapclinic.vocabulary.Concern;

/**
 * Ranks therapists for one request: hard filters first (each exclusion names every filter failed), then a weighted
 * fit from 0 to 100 with its reasons and gaps. Ties go to the larger caseload headroom, then to the name. Pure and
 * deterministic: the same input in any order gives the same list.
 */
public final class MatchRanker {

    /** Shorter overlaps do not make a usable session window. */
    static final long MIN_OVERLAP_MINUTES = 30;

    public MatchList rank(MatchRequest request, List<TherapistCandidate> candidates, MatchWeights weights) {
        var matches = new ArrayList<Match>();
        var excluded = new ArrayList<Exclusion>();
        for (var t : candidates) {
            var failed = EnumSet.noneOf(HardFilter.class);
            var sentences = new ArrayList<String>();
            if (t.licensedStates().stream().noneMatch(s -> s.equalsIgnoreCase(request.state()))) {
                failed.add(HardFilter.LICENSED_IN_STATE);
                sentences.add("not licensed in " + request.state());
            }
            if (!t.acceptingNewClients()) {
                failed.add(HardFilter.ACCEPTING_NEW_CLIENTS);
                sentences.add("not accepting new clients");
            }
            if (t.caseloadLimit() > 0 && t.currentCaseload() >= t.caseloadLimit()) {
                failed.add(HardFilter.CASELOAD_FULL);
                sentences.add("caseload full (" + t.currentCaseload() + " of " + t.caseloadLimit() + ")");
            }
            var modality = modalityProblem(request, t);
            if (modality != null) {
                failed.add(HardFilter.MODALITY);
                sentences.add(modality);
            }
            if (request.wantsKetamine() && !t.kapTrained()) {
                failed.add(HardFilter.KAP_TRAINED);
                sentences.add("not trained in ketamine-assisted psychotherapy");
            }
            if (failed.isEmpty()) {
                matches.add(score(request, t, weights));
            } else {
                excluded.add(new Exclusion(t.therapistId(), t.name(), List.copyOf(sentences), failed));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).reversed()
                .thenComparing(Comparator.comparingInt(Match::headroom).reversed())
                .thenComparing(Match::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Match::therapistId));
        excluded.sort(Comparator.comparing(Exclusion::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Exclusion::therapistId));
        return new MatchList(request, List.copyOf(matches), List.copyOf(excluded));
    }

    private static String modalityProblem(MatchRequest request, TherapistCandidate t) {
        boolean inPerson = !t.inPersonLocations().isEmpty();
        return switch (request.modality()) {
            case "in-person" -> inPerson ? null : "no in-person location";
            case "telehealth" -> t.offersTelehealth() ? null : "does not offer telehealth";
            default -> inPerson || t.offersTelehealth() ? null : "offers neither in-person sessions nor telehealth";
        };
    }

    private static Match score(MatchRequest request, TherapistCandidate t, MatchWeights w) {
        var reasons = new ArrayList<String>();
        var gaps = new ArrayList<String>();
        reasons.add("licensed in " + request.state().toUpperCase(Locale.ROOT));
        reasons.add("accepting new clients");
        if (request.wantsKetamine()) {
            reasons.add("trained in ketamine-assisted psychotherapy");
        }
        double fit = w.specialty() * specialty(request, t, reasons, gaps)
                + w.preferences() * preferences(request, t, reasons, gaps)
                + w.insurance() * insurance(request, t, reasons, gaps)
                + w.language() * language(request, t, reasons, gaps)
                + w.availability() * availability(request, t, reasons, gaps)
                + w.caseload() * caseload(t, reasons, gaps);
        int score = (int) Math.round(fit * 100 / w.total());
        return new Match(t.therapistId(), t.name(), Math.max(0, Math.min(100, score)), List.copyOf(reasons),
                List.copyOf(gaps), t.headroom());
    }

    private static double specialty(MatchRequest request, TherapistCandidate t, List<String> reasons, List<String> gaps) {
        var wanted = new TreeSet<>(request.concerns());
        wanted.remove("other");
        if (wanted.isEmpty()) {
            return 1;
        }
        var met = wanted.stream().filter(t.specialties()::contains).map(MatchRanker::concern).toList();
        var missed = wanted.stream().filter(c -> !t.specialties().contains(c)).map(MatchRanker::concern).toList();
        if (!met.isEmpty()) {
            reasons.add("treats " + String.join(", ", met));
        }
        missed.forEach(m -> gaps.add("no listed focus on " + m));
        return (double) met.size() / wanted.size();
    }

    private static double preferences(MatchRequest request, TherapistCandidate t, List<String> reasons, List<String> gaps) {
        double sum = 0;
        int parts = 0;
        if (!request.therapistGender().equals("no-preference")) {
            parts++;
            if (request.therapistGender().equalsIgnoreCase(String.valueOf(t.gender()))) {
                sum += 1;
                reasons.add(request.therapistGender() + ", as preferred");
            } else {
                gaps.add("the person preferred a " + request.therapistGender() + " therapist");
            }
        }
        if (!request.affirming().isEmpty()) {
            parts++;
            int met = 0;
            for (var tag : new TreeSet<>(request.affirming())) {
                if (t.affirming().contains(tag)) {
                    met++;
                    reasons.add(affirming(tag));
                } else {
                    gaps.add("not listed as " + affirming(tag));
                }
            }
            sum += (double) met / request.affirming().size();
        }
        if (request.modality().equals("in-person")) {
            parts++;
            sum += 1;
            reasons.add("in person at " + String.join(", ", t.inPersonLocations()));
        } else if (request.modality().equals("telehealth")) {
            parts++;
            sum += 1;
            reasons.add("offers telehealth");
        }
        return parts == 0 ? 1 : sum / parts;
    }

    private static double insurance(MatchRequest request, TherapistCandidate t, List<String> reasons, List<String> gaps) {
        if (request.selfPay()) {
            reasons.add("self-pay");
            return 1;
        }
        var carrier = request.insurance().strip();
        if (t.insurancePanels().stream().anyMatch(p -> p.strip().equalsIgnoreCase(carrier))) {
            reasons.add("in network: " + carrier);
            return 1;
        }
        gaps.add("out of network for " + carrier);
        return 0;
    }

    private static double language(MatchRequest request, TherapistCandidate t, List<String> reasons, List<String> gaps) {
        var language = request.languageOrEnglish();
        if (t.languages().stream().anyMatch(l -> l.strip().equalsIgnoreCase(language))) {
            if (!language.equalsIgnoreCase("English")) {
                reasons.add("speaks " + language);
            }
            return 1;
        }
        gaps.add("does not list " + language);
        return 0;
    }

    private static double availability(MatchRequest request, TherapistCandidate t, List<String> reasons, List<String> gaps) {
        if (request.availability().isEmpty()) {
            return 1;
        }
        Map<String, TreeSet<DayOfWeek>> met = new TreeMap<>();
        Map<String, TreeSet<DayOfWeek>> missed = new TreeMap<>();
        int overlapping = 0;
        for (var wanted : request.availability()) {
            boolean overlaps = t.availability().stream().anyMatch(w -> w.overlapMinutes(wanted) >= MIN_OVERLAP_MINUTES);
            if (overlaps) {
                overlapping++;
            }
            (overlaps ? met : missed).computeIfAbsent(partOfDay(wanted), k -> new TreeSet<>()).add(wanted.day());
        }
        met.forEach((part, days) -> reasons.add(part + " overlap " + days(days)));
        if (!missed.isEmpty()) {
            var parts = new ArrayList<String>();
            missed.forEach((part, days) -> parts.add(days(days) + " " + part));
            gaps.add("no overlap on " + String.join(", ", parts));
        }
        return (double) overlapping / request.availability().size();
    }

    private static double caseload(TherapistCandidate t, List<String> reasons, List<String> gaps) {
        if (t.caseloadLimit() <= 0) {
            gaps.add("no caseload limit set");
            return 0;
        }
        if (t.headroom() <= 1) {
            gaps.add("caseload nearly full (" + t.currentCaseload() + " of " + t.caseloadLimit() + ")");
        } else {
            reasons.add("room for " + t.headroom() + " more clients (" + t.currentCaseload() + " of " + t.caseloadLimit() + ")");
        }
        return (double) t.headroom() / t.caseloadLimit();
    }

    static String partOfDay(WeeklyWindow w) {
        if (w.from().isBefore(LocalTime.NOON)) {
            return "mornings";
        }
        return w.from().isBefore(LocalTime.of(17, 0)) ? "afternoons" : "evenings";
    }

    private static String days(TreeSet<DayOfWeek> days) {
        return String.join("/", days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.US)).toList());
    }

    private static String concern(String code) {
        return Coded.find(Concern.class, code).map(c -> c.label().toLowerCase(Locale.ROOT).replace("ocd", "OCD")
                .replace("ptsd", "PTSD")).orElse(code);
    }

    private static String affirming(String code) {
        return Coded.find(AffirmingTag.class, code).map(AffirmingTag::label).orElse(code);
    }
}
