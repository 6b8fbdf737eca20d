package org.disputehub.hub.mapping;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Parts.RiskLevel;
import org.disputehub.canonical.model.Risk;

/** Explainable three-colour risk: rules kept as data in {@code mappings/risk.csv}; every level comes with its reasons. */
final class RiskRules {

    private static final Set<String> FIELDS = Set.of("headcount", "amount", "repeatCount", "text", "urgency");

    private record Rule(String id, String system, String field, String op, String value, RiskLevel level,
                        String reason, List<String> words) {
    }

    private final List<Rule> rules;

    private RiskRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RiskRules load(Path file) {
        List<Rule> rules = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.read(file, "id", "system", "field", "op", "value", "level", "reason")) {
            String field = row.get("field");
            String op = row.get("op");
            if (!FIELDS.contains(field)) {
                throw row.error("field must be one of " + FIELDS + ", not " + field);
            }
            boolean numeric = field.equals("headcount") || field.equals("amount") || field.equals("repeatCount");
            String expected = numeric ? ">=" : field.equals("text") ? "contains_any" : "=";
            if (!op.equals(expected)) {
                throw row.error("field " + field + " takes op " + expected + ", not " + op);
            }
            if (numeric) {
                try {
                    new BigDecimal(row.get("value"));
                } catch (NumberFormatException e) {
                    throw row.error("value must be a number, not " + row.get("value"));
                }
            }
            RiskLevel level;
            try {
                level = RiskLevel.valueOf(row.get("level"));
            } catch (IllegalArgumentException e) {
                throw row.error("level must be RED, YELLOW or GREEN, not " + row.get("level"));
            }
            rules.add(new Rule(row.get("id"), row.get("system"), field, op, row.get("value"), level, row.get("reason"),
                    List.of(row.get("value").split("\\|"))));
        }
        return new RiskRules(List.copyOf(rules));
    }

    /** The level and reasons for a case; reasons a connector already gave (e.g. group wage arrears) are kept. */
    Risk evaluate(CanonicalCase c) {
        RiskLevel level = RiskLevel.GREEN;
        Set<String> reasons = new LinkedHashSet<>();
        if (c.risk() != null && c.risk().level() != null) {
            level = c.risk().level();
            if (c.risk().reasons() != null) {
                reasons.addAll(c.risk().reasons());
            }
        }
        String text = (c.title() == null ? "" : c.title()) + " " + (c.description() == null ? "" : c.description());
        for (Rule r : rules) {
            if (!"*".equals(r.system) && !r.system.equals(c.source().system())) {
                continue;
            }
            if (matches(r, c, text)) {
                reasons.add(r.id + " " + r.reason);
                if (r.level.ordinal() < level.ordinal()) {
                    level = r.level;
                }
            }
        }
        return new Risk(level, List.copyOf(reasons));
    }

    private static boolean matches(Rule r, CanonicalCase c, String text) {
        return switch (r.field) {
            case "headcount" -> c.headcount() != null && c.headcount() >= Integer.parseInt(r.value);
            case "amount" -> c.amount() != null && c.amount().compareTo(new BigDecimal(r.value)) >= 0;
            case "repeatCount" -> c.related() != null && c.related().repeatCount() >= Integer.parseInt(r.value);
            case "urgency" -> r.value.equals(c.urgency());
            default -> r.words.stream().anyMatch(text::contains);
        };
    }
}
