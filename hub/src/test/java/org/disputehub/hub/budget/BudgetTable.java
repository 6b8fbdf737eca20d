package org.disputehub.hub.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The cost budget as Markdown: a summary per source and stage, then every counted item per source. */
final class BudgetTable {

    /** The 110 platform's own send of the incident: the input, not a hop of the hub's. */
    static final String INPUT_QUEUE = "jms|JCJ.LDJQ.OUT";

    record Stage(String source, String stage, Map<String, Long> counts) {

        long sum(String kind) {
            return counts.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(kind + "|") && !e.getKey().equals(INPUT_QUEUE))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        long statements(String verb) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(CostCounters.SQL + "|"))
                    .filter(e -> {
                        String v = CostInstruments.verb(e.getKey().substring(CostCounters.SQL.length() + 1));
                        return verb.equals("other") ? !List.of("select", "insert", "update").contains(v) : v.equals(verb);
                    }).mapToLong(Map.Entry::getValue).sum();
        }
    }

    private BudgetTable() {
    }

    static String render(List<Stage> stages) {
        StringBuilder out = new StringBuilder();
        out.append("| source | stage | JMS sends | transactions | statements (select / insert / update / other) "
                + "| JSON reads / writes | log lines |\n|---|---|---|---|---|---|---|\n");
        Map<String, List<Stage>> bySource = new LinkedHashMap<>();
        stages.forEach(s -> bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s));
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        bySource.forEach((source, list) -> {
            Map<String, Long> total = new TreeMap<>();
            for (Stage s : list) {
                row(out, source, s.stage(), s);
                s.counts().forEach((k, v) -> total.merge(k, v, Long::sum));
            }
            row(out, "**" + source + "**", "**whole loop**", new Stage(source, "total", total));
            totals.put(source, total);
        });
        out.append("\nEvery counted item over the whole loop, per source (`background`: the hub's timers, not the case's):\n\n");
        out.append("| item |");
        totals.keySet().forEach(s -> out.append(' ').append(s).append(" |"));
        out.append("\n|---|").append("---|".repeat(totals.size())).append('\n');
        TreeSet<String> keys = new TreeSet<>();
        totals.values().forEach(t -> keys.addAll(t.keySet()));
        for (String key : keys) {
            out.append("| ").append(key.replace("|", ": ")).append(" |");
            totals.values().forEach(t -> out.append(' ').append(t.getOrDefault(key, 0L)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String source, String stage, Stage s) {
        out.append("| ").append(source).append(" | ").append(stage).append(" | ")
                .append(s.sum(CostCounters.JMS)).append(" | ").append(s.sum(CostCounters.TX)).append(" | ")
                .append(s.sum(CostCounters.SQL)).append(" (").append(s.statements("select")).append(" / ")
                .append(s.statements("insert")).append(" / ").append(s.statements("update")).append(" / ")
                .append(s.statements("other")).append(") | ")
                .append(s.sum(CostCounters.JSON_READ)).append(" / ").append(s.sum(CostCounters.JSON_WRITE)).append(" | ")
                .append(s.sum(CostCounters.LOG)).append(" |\n");
    }
}
