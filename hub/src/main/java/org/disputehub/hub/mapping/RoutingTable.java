package org.disputehub.hub.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * taxonomy code × region code (× grid code) → department, with '*' wildcards and a mandatory (*,*) fallback.
 * The grid column is optional: {@code taxonomy_code,region_code,dept_code} or
 * {@code taxonomy_code,region_code,grid_code,dept_code}.
 */
final class RoutingTable {

    private static final String ANY = "*";
    private final Map<String, String> rules;

    private RoutingTable(Map<String, String> rules) {
        this.rules = rules;
    }

    static RoutingTable load(Path file, Set<String> taxonomy, Set<String> departments) {
        boolean grids = hasGridColumn(file);
        String[] columns = grids ? new String[] {"taxonomy_code", "region_code", "grid_code", "dept_code"}
                : new String[] {"taxonomy_code", "region_code", "dept_code"};
        Map<String, String> rules = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(file, columns)) {
            String category = row.get("taxonomy_code");
            String region = row.get("region_code");
            String grid = grids ? row.get("grid_code") : ANY;
            if (!ANY.equals(category) && !taxonomy.contains(category)) {
                throw row.error("unknown taxonomy code " + category);
            }
            if (!ANY.equals(region) && !region.matches("\\d{6}")) {
                throw row.error("region code must be 6 digits or *, not " + region);
            }
            if (!ANY.equals(grid) && ANY.equals(region)) {
                throw row.error("a grid code needs its region code");
            }
            if (!departments.contains(row.get("dept_code"))) {
                throw row.error("department " + row.get("dept_code") + " is not declared in routes/");
            }
            if (rules.put(key(category, region, grid), row.get("dept_code")) != null) {
                throw row.error("rule " + category + "," + region + "," + grid + " appears twice");
            }
        }
        if (!rules.containsKey(key(ANY, ANY, ANY))) {
            throw new MappingException(file + ": the fallback rule *,* (duty centre) is missing");
        }
        return new RoutingTable(Map.copyOf(rules));
    }

    /** The departments that may take the case, in precedence order, ending with the duty-centre fallback. */
    List<String> candidates(String category, String region, String grid) {
        String g = grid == null || grid.isBlank() ? ANY : grid;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String k : List.of(key(category, region, g), key(category, region, ANY), key(category, ANY, ANY),
                key(ANY, region, g), key(ANY, region, ANY), key(ANY, ANY, ANY))) {
            String dept = rules.get(k);
            if (dept != null) {
                out.add(dept);
            }
        }
        return List.copyOf(out);
    }

    String dutyCentre() {
        return rules.get(key(ANY, ANY, ANY));
    }

    private static boolean hasGridColumn(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst()
                    .map(h -> h.contains("grid_code")).orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false; // CsvTable.read reports the problem with the file and line
        }
    }

    private static String key(String category, String region, String grid) {
        return category + '|' + region + '|' + grid;
    }
}
