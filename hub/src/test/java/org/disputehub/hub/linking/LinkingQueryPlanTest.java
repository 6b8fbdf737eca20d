package org.disputehub.hub.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The linking lookups are served by indexes on PostgreSQL, not by scanning all cases: with a few thousand cases
 * stored and the statistics up to date, EXPLAIN of each lookup shows index scans only. The plans are written to
 * target/linking-query-plans.txt.
 */
class LinkingQueryPlanTest {

    static final String URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hub.test.pg-user", "postgres");
    static final String SCHEMA = "hub_plan_" + Long.toHexString(System.nanoTime());

    static SingleConnectionDataSource ds;
    static JdbcTemplate jdbc;
    static List<LabelledReports.Report> reports;

    @BeforeAll
    static void fill() throws Exception {
        Connection connection = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, USER, "");
        ds = new SingleConnectionDataSource(connection, true);
        jdbc = LinkingTestSupport.migrated(ds, SCHEMA);
        jdbc.execute("SET synchronous_commit = off");
        reports = LinkingTestSupport.storeReports(jdbc, 1500);
        jdbc.execute("ANALYZE hub_case");
        jdbc.execute("ANALYZE case_key");
    }

    @AfterAll
    static void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        ds.destroy();
    }

    @Test
    void everyLookupIsAnIndexScan() throws Exception {
        CanonicalCase probe = reports.get(reports.size() / 2).data();
        MatchKeys.Of keys = new MatchKeys("plan-test").of(probe);
        MatchKeys.Key person = keys.people().iterator().next();
        OffsetDateTime since = probe.reportedAt().minusDays(3);
        List<String> plans = new ArrayList<>();
        MatchKeys matchKeys = new MatchKeys("plan-test");
        MatchKeys.Key near = reports.stream().map(r -> matchKeys.of(r.data())).filter(MatchKeys.Of::hasHouse)
                .map(MatchKeys.Of::near).findFirst()
                .orElseThrow(() -> new AssertionError("no labelled report names a house number"));
        plans.add(plan("people, address and the neighbours at a house number (a NEAR key): LinkStore.sharingKeys",
                LinkStore.sharingKeysSql(2), LinkStore.keyArgs(List.of(person, near), since, 50)));
        plans.add(plan("neighbours: LinkStore.neighbours",
                "SELECT case_id, linked_to, source_system, category_code, category_major, region_code, link_address"
                        + " FROM hub_case WHERE region_code = ? AND category_code = ? AND reported_at >= ? AND "
                        + LinkStore.OPEN + " ORDER BY region_code, category_code, reported_at DESC LIMIT 50",
                probe.location().regionCode(), probe.category().code(), since));
        OffsetDateTime repeatSince = probe.reportedAt().minusDays(30);
        plans.add(plan("repeat counts, two keys for the reporter and one for the address: LinkStore.countEarlier",
                LinkStore.countEarlierSql(2, true), LinkStore.keyArgs(List.of(person, near, near), repeatSince)));
        plans.add(plan("reports linked to a case: LinkStore.linkedTo",
                "SELECT case_id FROM hub_case WHERE linked_to = ? ORDER BY created_at, case_id", probe.caseId()));
        Path out = Path.of("target", "linking-query-plans.txt");
        Files.writeString(out, reports.size() + " cases stored\n\n" + String.join("\n", plans));
        for (String p : plans) {
            assertThat(p).contains("Index").doesNotContain("Seq Scan");
        }
    }

    private static String plan(String title, String sql, Object... args) {
        List<String> lines = jdbc.queryForList("EXPLAIN " + sql, String.class, args);
        return "-- " + title + "\n" + String.join("\n", lines) + "\n";
    }
}
