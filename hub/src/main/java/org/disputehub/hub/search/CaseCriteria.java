package org.disputehub.hub.search;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Parts.RiskLevel;

/**
 * What a case search asks for, validated: every filter optional, times ISO-8601 with an offset on the time the hub
 * received the case ({@code from} inclusive, {@code to} exclusive), pages counted from 0 of at most {@link #MAX_SIZE}.
 * {@link #parse} names every problem of a request at once.
 */
public record CaseCriteria(String source, String sourceId, CaseStatus status, String deptCode, RiskLevel risk,
                           OffsetDateTime from, OffsetDateTime to, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Deeper pages are refused: narrow the search with the filters or the time window instead. */
    public static final int MAX_OFFSET = 10_000;
    static final Set<String> PARAMETERS = Set.of("source", "sourceId", "status", "deptCode", "risk", "from", "to",
            "page", "size");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** A request the search refuses, with every problem found. */
    public static final class InvalidCriteria extends IllegalArgumentException {
        private final List<String> problems;

        InvalidCriteria(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static CaseCriteria parse(Map<String, String[]> params) {
        List<String> problems = new ArrayList<>();
        params.keySet().stream().filter(p -> !PARAMETERS.contains(p)).sorted().forEach(p -> problems.add(
                "unknown parameter '" + p + "' (the search takes " + String.join(", ", PARAMETERS.stream().sorted().toList()) + ")"));
        Reader r = new Reader(params, problems);
        String source = r.code("source");
        String sourceId = r.code("sourceId");
        CaseStatus status = r.choice("status", CaseStatus.class);
        String deptCode = r.code("deptCode");
        RiskLevel risk = r.choice("risk", RiskLevel.class);
        OffsetDateTime from = r.time("from");
        OffsetDateTime to = r.time("to");
        int page = r.number("page", 0, 0, MAX_OFFSET);
        int size = r.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if ((long) page * size > MAX_OFFSET) {
            problems.add("page " + page + " of size " + size + " starts beyond the first " + MAX_OFFSET
                    + " results: narrow the search (from, to, status, …)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidCriteria(problems);
        }
        return new CaseCriteria(source == null ? null : source.toUpperCase(java.util.Locale.ROOT), sourceId, status,
                deptCode, risk, from, to, page, size);
    }

    private record Reader(Map<String, String[]> params, List<String> problems) {

        String text(String name) {
            String[] v = params.get(name);
            if (v == null || v.length == 0 || v[0].isBlank()) {
                return null;
            }
            if (v.length > 1) {
                problems.add("'" + name + "' given " + v.length + " times; give it once");
            }
            return v[0].trim();
        }

        String code(String name) {
            String v = text(name);
            if (v != null && !CODE.matcher(v).matches()) {
                problems.add("'" + name + "' must be 1-64 letters, digits or _ . : - (was '" + clip(v) + "')");
                return null;
            }
            return v;
        }

        <E extends Enum<E>> E choice(String name, Class<E> type) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("'" + name + "' must be one of " + Arrays.toString(type.getEnumConstants()) + " (was '"
                        + clip(v) + "')");
                return null;
            }
        }

        OffsetDateTime time(String name) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(v.replace(' ', '+')); // an unencoded '+' of the offset arrives as a space
            } catch (DateTimeParseException e) {
                problems.add("'" + name + "' must be ISO-8601 with an offset, e.g. 2026-11-22T09:00:00+08:00 (was '"
                        + clip(v) + "')");
                return null;
            }
        }

        int number(String name, int otherwise, int min, int max) {
            String v = text(name);
            if (v == null) {
                return otherwise;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add("'" + name + "' must be a whole number from " + min + " to " + max + " (was '" + clip(v) + "')");
            return otherwise;
        }

        private static String clip(String v) {
            return v.length() > 40 ? v.substring(0, 40) + "…" : v;
        }
    }
}
