package org.disputehub.hub.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** taxonomy code × region code → department, with '*' wildcards and a mandatory (*,*) fallback. */
final class RoutingTable {

    private static final String ANY = "*";
    private final Map<String, String> rules;

    private RoutingTable(Map<String, String> rules) {
        this.rules = rules;
    }

    static RoutingTable load(Path file, Set<String> taxonomy, Set<String> departments) {
        Map<String, String> rules = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(file, "taxonomy_code", "region_code", "dept_code")) {
            String category = row.get("taxonomy_code");
            String region = row.get("region_code");
            if (!ANY.equals(category) && !taxonomy.contains(category)) {
                throw row.error("unknown taxonomy code " + category);
            }
            if (!ANY.equals(region) && !region.matches("\\d{6}")) {
                throw row.error("region code must be 6 digits or *, not " + region);
            }
            if (!departments.contains(row.get("dept_code"))) {
                throw row.error("department " + row.get("dept_code") + " is not declared in routes/");
            }
            if (rules.put(key(category, region), row.get("dept_code")) != null) {
                throw row.error("rule " + category + "," + region + " appears twice");
            }
        }
        if (!rules.containsKey(key(ANY, ANY))) {
            throw new MappingException(file + ": the fallback rule *,* (duty centre) is missing");
        }
        return new RoutingTable(Map.copyOf(rules));
    }

    String route(String category, String region) {
        return candidates(category, region).get(0);
    }

    /** The departments that may take the case, in precedence order, ending with the duty-centre fallback. */
    List<String> candidates(String category, String region) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String k : List.of(key(category, region), key(category, ANY), key(ANY, region), key(ANY, ANY))) {
            String dept = rules.get(k);
            if (dept != null) {
                out.add(dept);
            }
        }
        return List.copyOf(out);
    }

    String dutyCentre() {
        return rules.get(key(ANY, ANY));
    }

    private static String key(String category, String region) {
        return category + '|' + region;
    }
}
