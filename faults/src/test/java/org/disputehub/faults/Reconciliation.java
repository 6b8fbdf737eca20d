package org.disputehub.faults;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.disputehub.fixtures.departments.DepartmentSimulator;

/**
 * Counts what came in against what went out: every input the hub acknowledged is a case; every case has its
 * dispatch order at its department exactly once per dispatch (one distinct Idempotency-Key per order; a repeat of
 * the same key is allowed, the department de-duplicates by key); every status the hub applied reached the case's
 * origin in the origin's vocabulary, in order; everything a department reported with a 202 was applied.
 */
final class Reconciliation {

    private static final Set<String> SETTLED = Set.of("CLOSED", "WITHDRAWN", "REVISITED");

    private final Ledger ledger;
    private final Origins origins;
    private final Departments departments;
    private final Map<String, Properties> vocabularies = new HashMap<>();

    Reconciliation(Ledger ledger, Origins origins, Departments departments, Path mappingsDir) throws IOException {
        this.ledger = ledger;
        this.origins = origins;
        this.departments = departments;
        for (String system : List.of("HOTLINE12345", "ALARM110", "PETITION", "ODR", "LABOR")) {
            Properties p = new Properties();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(
                    mappingsDir.resolve("status").resolve(system.toLowerCase(Locale.ROOT)), "*.properties")) {
                for (Path file : files) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                }
            }
            vocabularies.put(system, p);
        }
    }

    /** The figures of one check, for the report. */
    record Tally(int acknowledged, int cases, int checked, int linkedReports, int orderRequests, int distinctOrderKeys,
                 int statusesApplied, int statusesRelayed) {
    }

    /** Everything that does not add up for the inputs acknowledged so far and the cases created before the cut-off. */
    List<String> problems(Map<String, Set<String>> acknowledged, Instant cutoff, Tally[] tally) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<String, Ledger.Case> cases = ledger.cases();
        Map<String, Ledger.Case> bySource = new HashMap<>();
        cases.values().forEach(c -> bySource.put(c.system() + "|" + c.sourceId(), c));

        Set<String> checked = new LinkedHashSet<>();
        int ackCount = 0;
        for (Map.Entry<String, Set<String>> system : acknowledged.entrySet()) {
            for (String id : system.getValue()) {
                ackCount++;
                Ledger.Case c = "PETITION_CASES".equals(system.getKey()) ? cases.get(id) : bySource.get(system.getKey() + "|" + id);
                if (c == null) {
                    problems.add("acknowledged " + system.getKey() + " " + id + " is not a case; audit: "
                            + ledger.rawOutcomes(system.getKey(), id));
                } else {
                    checked.add(c.caseId());
                }
            }
        }
        cases.values().stream().filter(c -> c.createdAt().isBefore(cutoff)).forEach(c -> checked.add(c.caseId()));

        Map<String, List<Ledger.DispatchRow>> dispatches = ledger.dispatches().stream()
                .collect(Collectors.groupingBy(Ledger.DispatchRow::caseId));
        Map<String, Set<String>> orderKeys = new HashMap<>();
        int orderRequests = 0;
        for (DepartmentSimulator.Dispatch d : departments.received()) {
            if (d.status() == 202 && (d.notice() == null || "ORDER".equals(d.notice()))) {
                orderRequests++;
                orderKeys.computeIfAbsent(d.caseId(), k -> new TreeSet<>()).add(d.key());
            }
        }
        List<String> channelRequests = origins.channelRequests();
        Map<String, List<Ledger.Event>> events = ledger.events().stream()
                .collect(Collectors.groupingBy(Ledger.Event::caseId));
        Set<String> appliedIds = new HashSet<>();
        events.values().forEach(l -> l.forEach(e -> appliedIds.add(e.eventId())));
        Map<String, Map<String, List<String>>> relayed = origins.relayed();
        int applied = 0;
        int relayedCount = 0;
        int linked = 0;

        for (String caseId : checked) {
            Ledger.Case c = cases.get(caseId);
            List<Ledger.DispatchRow> rows = dispatches.getOrDefault(caseId, List.of());
            if (rows.isEmpty() && c.linkedTo() == null) {
                if (!"WITHDRAWN".equals(c.status())) {
                    problems.add(caseId + " (" + c.system() + " " + c.sourceId() + ", " + c.status() + ") has no dispatch");
                }
                continue;
            }
            if (rows.isEmpty()) { // a linked report: not dispatched; its origin hears the statuses mirrored from its case
                linked++;
            } else {
                dispatchProblems(c, rows, orderKeys.getOrDefault(caseId, Set.of()), channelRequests, problems);
            }
            List<String> appliedStatuses = events.getOrDefault(caseId, List.of()).stream()
                    .filter(e -> "ALLOWED".equals(e.outcome())).map(Ledger.Event::status).toList();
            applied += appliedStatuses.size();
            Properties vocabulary = vocabularies.get(c.system());
            if (vocabulary != null) {
                List<String> expected = collapse(appliedStatuses.stream().map(s -> vocabulary.getProperty("status." + s,
                        vocabulary.getProperty("stage." + s))).filter(v -> v != null).toList());
                List<String> got = relayed.getOrDefault(c.system(), Map.of()).getOrDefault(c.sourceId(), List.of());
                relayedCount += got.size();
                if (!expected.equals(collapse(got))) {
                    problems.add(caseId + " (" + c.system() + " " + c.sourceId() + "): applied " + appliedStatuses
                            + " = " + expected + " for the origin, which received " + got);
                }
            }
        }
        for (Map.Entry<String, String> a : departments.accepted().entrySet()) {
            if (checked.contains(a.getValue().split(" ")[0]) && !appliedIds.contains(a.getKey())) {
                problems.add("status event " + a.getKey() + " (" + a.getValue() + ") answered 202 but is not in the store");
            }
        }
        for (Map.Entry<String, String> r : departments.refused().entrySet()) {
            Ledger.Case c = cases.get(r.getValue().split(" ")[0]);
            if (c == null || !"WITHDRAWN".equals(c.status()) || !r.getValue().contains("→ 409")) {
                problems.add("status event " + r.getKey() + " refused: " + r.getValue());
            }
        }
        int distinct = orderKeys.values().stream().mapToInt(Set::size).sum();
        tally[0] = new Tally(ackCount, cases.size(), checked.size(), linked, orderRequests, distinct, applied, relayedCount);
        return problems;
    }

    /** One distinct ORDER key per http dispatch, every other channel's dispatch at its platform, the case settled. */
    private void dispatchProblems(Ledger.Case c, List<Ledger.DispatchRow> rows, Set<String> gotKeys,
                                  List<String> channelRequests, List<String> problems) {
        String caseId = c.caseId();
        Set<String> expectedKeys = rows.stream().filter(r -> "http".equals(r.channel()))
                .map(Ledger.DispatchRow::key).collect(Collectors.toCollection(TreeSet::new));
        if (!expectedKeys.equals(gotKeys)) {
            problems.add(caseId + ": dispatch orders " + rows + ", the departments received ORDER keys " + gotKeys);
        }
        rows.stream().filter(r -> !"http".equals(r.channel())).forEach(r -> {
            if (channelRequests.stream().noneMatch(body -> body.contains(caseId))) {
                problems.add(caseId + ": dispatch " + r + " never reached the " + r.channel() + " platform");
            }
        });
        String lastChannel = rows.get(rows.size() - 1).channel();
        if (!"zhengding".equals(lastChannel) && !SETTLED.contains(c.status())) {
            problems.add(caseId + " (" + c.system() + ", dispatched by " + lastChannel + ") not settled: " + c.status()
                    + ", department reported up to " + departments.lastAccepted(caseId));
        }
    }

    /** Consecutive repeats are one: a repeat reaches an origin when the hub died between sending and recording. */
    static List<String> collapse(List<String> statuses) {
        List<String> out = new ArrayList<>();
        for (String s : statuses) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
