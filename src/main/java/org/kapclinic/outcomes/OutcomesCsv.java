// SPDX-License-Identifier: Apache-2.0
package org.kapclinic.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's tables as CSV (RFC 4180; one download per chart, ADR 022). Each table is a header and rows of the
 * same figures the page's accessible tables show, with the counts and both interval bounds as numbers.
 */
final class OutcomesCsv {

    /** The tables that can be downloaded, by the name in the address. */
    static final Map<String, Function<ClinicOutcomes, List<List<String>>>> TABLES = Map.of(
            "rates", OutcomesCsv::rates,
            "time-to", OutcomesCsv::timeTo,
            "sessions-to-remission", OutcomesCsv::sessionsToRemission,
            "early-response", OutcomesCsv::early,
            "safety", OutcomesCsv::safety,
            "process", OutcomesCsv::process,
            "references", OutcomesCsv::references);

    private OutcomesCsv() {}

    static String write(ClinicOutcomes o, String table) {
        var out = new StringBuilder();
        out.append("# KAP Clinic outcomes: ").append(table).append("; ").append(o.filter().describe())
                .append("; courses=").append(o.courses()).append("\r\n");
        for (var row : TABLES.get(table).apply(o)) {
            out.append(String.join(",", row.stream().map(OutcomesCsv::cell).toList())).append("\r\n");
        }
        return out.toString();
    }

    static List<List<String>> rates(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("instrument", "outcome", "definition", "window_days", "count", "total", "rate", "ci95_lower",
                "ci95_upper", "reference_lines"));
        for (var r : o.rates()) {
            rows.add(rate(r.name(), "response", "≥ 50 % reduction", o.windowDays(), r.response(), r.responseLines()));
            rows.add(rate(r.name(), "remission", r.remissionDefinition(), o.windowDays(), r.remission(),
                    r.remissionLines()));
        }
        return rows;
    }

    private static List<String> rate(String name, String outcome, String definition, int window, Proportion p,
            List<ReferenceFigure> lines) {
        var row = new ArrayList<>(List.of(name, outcome, definition, String.valueOf(window)));
        row.addAll(numbers(p));
        row.add(String.join("; ", lines.stream().map(f -> f.trial() + " " + f.value() + " %").toList()));
        return row;
    }

    static List<List<String>> timeTo(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("instrument", "event", "day", "at_risk", "events", "censored", "survival", "cumulative",
                "median_day"));
        for (var c : o.curves()) {
            for (var s : c.curve().steps()) {
                rows.add(List.of(c.name(), c.event(), num(s.time()), String.valueOf(s.atRisk()),
                        String.valueOf(s.events()), String.valueOf(s.censored()), fraction(s.survival()),
                        fraction(s.incidence()), c.curve().median() == null ? "" : num(c.curve().median())));
            }
        }
        return rows;
    }

    static List<List<String>> sessionsToRemission(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("instrument", "sessions", "courses_remitted", "remitted", "followed", "median_sessions"));
        for (var s : o.sessionsToRemission()) {
            s.distribution().forEach((n, count) -> rows.add(List.of(s.name(), String.valueOf(n), String.valueOf(count),
                    String.valueOf(s.remitted()), String.valueOf(s.followed()),
                    s.median() == null ? "" : num(s.median()))));
        }
        return rows;
    }

    static List<List<String>> early(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("figure", "count", "total", "rate", "ci95_lower", "ci95_upper"));
        rows.add(row("early MADRS response after the first dose", o.early().earlyResponse()));
        rows.add(row("remission among early responders", o.early().remittedAfterEarlyResponse()));
        rows.add(row("remission among the others", o.early().remittedWithoutEarlyResponse()));
        return rows;
    }

    static List<List<String>> safety(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("per_session", "sessions_with", "sessions", "rate", "ci95_lower", "ci95_upper"));
        o.safety().forEach(r -> rows.add(row(r.label(), r.value())));
        return rows;
    }

    static List<List<String>> process(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("figure", "count", "total", "rate", "ci95_lower", "ci95_upper"));
        rows.add(row("discontinued (stop or transition)", o.discontinued()));
        o.endings().forEach(e -> rows.add(List.of("plan end: " + e.label(), String.valueOf(e.count()), "", "", "", "")));
        rows.add(row("relapse during maintenance (MADRS)", o.relapse()));
        rows.add(row("integration on time", o.integrationOnTime()));
        rows.add(row("REMS monitoring forms on time", o.remsOnTime()));
        rows.add(row("inquiries answered within the reply clock", o.inquiriesOnTime()));
        return rows;
    }

    static List<List<String>> references(ClinicOutcomes o) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("trial", "citation", "arm", "modality", "instrument", "outcome", "definition", "timepoint",
                "value_percent", "tag", "source"));
        for (var f : o.references()) {
            rows.add(List.of(f.trial(), f.citation() == null ? "NO CITATION" : f.citation(), f.arm(),
                    f.modality() == null ? "" : f.modality(), f.instrument(), f.outcome().name(), f.definition(),
                    f.when(), num(f.value()), f.tag(), f.reference()));
        }
        return rows;
    }

    private static List<String> row(String label, Proportion p) {
        var row = new ArrayList<String>();
        row.add(label);
        row.addAll(numbers(p));
        return row;
    }

    private static List<String> numbers(Proportion p) {
        return List.of(String.valueOf(p.count()), String.valueOf(p.total()), fraction(p.rate()), fraction(p.lower()),
                fraction(p.upper()));
    }

    private static String fraction(@Nullable Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Quotes a cell when needed; a leading =, +, - or @ is prefixed so a spreadsheet never runs it as a formula. */
    static String cell(String v) {
        var s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+") ? "'" + v : v;
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
