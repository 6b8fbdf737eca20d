package org.disputehub.hub.mapping;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.disputehub.canonical.model.Assignment.Deadlines;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Risk;

/**
 * One immutable, validated snapshot of the tables in {@code mappings/}: taxonomy, per-system category
 * codes and routing (format: mappings/README.md).
 */
public final class MappingTables {

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    static final Set<String> MAJORS = Set.of("行政服务类", "求助纠纷类", "国计民生类", "咨询投诉类");

    public record TaxonomyEntry(String code, String name, String major) {
    }

    private final Map<String, TaxonomyEntry> taxonomy;
    private final Map<String, Map<String, String>> categoryCodes;
    private final RoutingTable routing;
    private final SlaTable sla;
    private final RiskRules risk;

    private MappingTables(Map<String, TaxonomyEntry> taxonomy, Map<String, Map<String, String>> categoryCodes,
                          RoutingTable routing, SlaTable sla, RiskRules risk) {
        this.risk = risk;
        this.taxonomy = taxonomy;
        this.categoryCodes = categoryCodes;
        this.routing = routing;
        this.sla = sla;
    }

    /** Loads and validates every table; departments named by the routing table must be in {@code knownDepartments}. */
    public static MappingTables load(Path dir, Set<String> knownDepartments) {
        Map<String, TaxonomyEntry> taxonomy = new HashMap<>();
        for (CsvTable.Row row : CsvTable.read(dir.resolve("taxonomy.csv"), "code", "name", "major")) {
            if (!MAJORS.contains(row.get("major"))) {
                throw row.error("major must be one of " + MAJORS + ", not " + row.get("major"));
            }
            if (taxonomy.put(row.get("code"), new TaxonomyEntry(row.get("code"), row.get("name"), row.get("major"))) != null) {
                throw row.error("taxonomy code " + row.get("code") + " appears twice");
            }
        }
        if (!taxonomy.containsKey(UNCLASSIFIED)) {
            throw new MappingException(dir.resolve("taxonomy.csv") + ": the code " + UNCLASSIFIED + " must exist");
        }
        Map<String, Map<String, String>> codes = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve("categories"), "*.csv")) {
            for (Path file : files) {
                String system = file.getFileName().toString().replaceFirst("\\.csv$", "");
                Map<String, String> table = new HashMap<>();
                for (CsvTable.Row row : CsvTable.read(file, "source_code", "source_name", "taxonomy_code")) {
                    if (!taxonomy.containsKey(row.get("taxonomy_code"))) {
                        throw row.error("unknown taxonomy code " + row.get("taxonomy_code"));
                    }
                    if (table.put(row.get("source_code"), row.get("taxonomy_code")) != null) {
                        throw row.error("source code " + row.get("source_code") + " appears twice");
                    }
                }
                codes.put(system, Map.copyOf(table));
            }
        } catch (IOException e) {
            throw new MappingException(dir.resolve("categories") + ": " + e.getMessage(), e);
        }
        RoutingTable routing = RoutingTable.load(dir.resolve("routing.csv"), taxonomy.keySet(), knownDepartments);
        SlaTable sla = SlaTable.load(dir.resolve("sla.csv"), taxonomy.keySet());
        RiskRules risk = RiskRules.load(dir.resolve("risk.csv"));
        return new MappingTables(Map.copyOf(taxonomy), Map.copyOf(codes), routing, sla, risk);
    }

    /** The canonical category for a source code; an unknown code is UNCLASSIFIED, the source pair always kept. */
    public Category classify(String system, Category fromSource) {
        String code = Optional.ofNullable(categoryCodes.get(system))
                .map(t -> t.get(fromSource.sourceCode())).orElse(UNCLASSIFIED);
        TaxonomyEntry entry = taxonomy.get(code);
        return fromSource.classifiedAs(entry.major(), entry.code(), entry.name());
    }

    public String route(String taxonomyCode, String regionCode) {
        return routing.candidates(taxonomyCode, regionCode, null).get(0);
    }

    /** Departments that may take a case, best first; the last is the duty centre. */
    public List<String> candidates(String taxonomyCode, String regionCode, String gridCode) {
        return routing.candidates(taxonomyCode, regionCode, gridCode);
    }

    public String dutyCentre() {
        return routing.dutyCentre();
    }

    public Deadlines deadlines(String taxonomyCode, String urgency, OffsetDateTime from) {
        return sla.deadlines(taxonomyCode, urgency, from);
    }

    /** Three-colour risk with its reasons (mappings/risk.csv). */
    public Risk risk(CanonicalCase c) {
        return risk.evaluate(c);
    }

    public int taxonomySize() {
        return taxonomy.size();
    }
}
