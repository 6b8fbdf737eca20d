package org.disputehub.hub.mapping;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.disputehub.canonical.model.Assignment.Deadlines;

/** taxonomy code × urgency → sign, arrive, handle and close deadlines (minutes from dispatch); '*' wildcards. */
final class SlaTable {

    private static final String ANY = "*";
    private static final Set<String> URGENCIES = Set.of("NORMAL", "URGENT", ANY);

    private record Minutes(long sign, long arrive, long handle, long close) {
    }

    private final Map<String, Minutes> rules;

    private SlaTable(Map<String, Minutes> rules) {
        this.rules = rules;
    }

    static SlaTable load(Path file, Set<String> taxonomy) {
        Map<String, Minutes> rules = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(file, "taxonomy_code", "urgency", "sign_minutes", "arrive_minutes",
                "handle_minutes", "close_minutes")) {
            String code = row.get("taxonomy_code");
            if (!ANY.equals(code) && !taxonomy.contains(code)) {
                throw row.error("unknown taxonomy code " + code);
            }
            if (!URGENCIES.contains(row.get("urgency"))) {
                throw row.error("urgency must be NORMAL, URGENT or *, not " + row.get("urgency"));
            }
            Minutes m = new Minutes(minutes(row, "sign_minutes"), minutes(row, "arrive_minutes"),
                    minutes(row, "handle_minutes"), minutes(row, "close_minutes"));
            if (!(m.sign <= m.arrive && m.arrive <= m.handle && m.handle <= m.close)) {
                throw row.error("deadlines must not decrease: sign <= arrive <= handle <= close");
            }
            if (rules.put(code + '|' + row.get("urgency"), m) != null) {
                throw row.error("rule " + code + "," + row.get("urgency") + " appears twice");
            }
        }
        if (!rules.containsKey(ANY + '|' + ANY)) {
            throw new MappingException(file + ": the default rule *,* is missing");
        }
        return new SlaTable(Map.copyOf(rules));
    }

    Deadlines deadlines(String code, String urgency, OffsetDateTime from) {
        String u = urgency == null ? "NORMAL" : urgency;
        Minutes m = rules.get(code + '|' + u);
        if (m == null) {
            m = rules.get(code + '|' + ANY);
        }
        if (m == null) {
            m = rules.get(ANY + '|' + u);
        }
        if (m == null) {
            m = rules.get(ANY + '|' + ANY);
        }
        return new Deadlines(from.plusMinutes(m.sign), from.plusMinutes(m.arrive), from.plusMinutes(m.handle),
                from.plusMinutes(m.close));
    }

    private static long minutes(CsvTable.Row row, String column) {
        try {
            long v = Long.parseLong(row.get(column));
            if (v < 0) {
                throw row.error(column + " must not be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw row.error(column + " must be a whole number of minutes, not " + row.get(column));
        }
    }
}
