package org.disputehub.hub.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.disputehub.canonical.model.CaseStatus;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The case search on PostgreSQL: with 6 000 cases over a year stored (origin systems skewed as in a district) (migrated schema of its own, bulk insert) and
 * the statistics up to date, every filter's page and count are read from an index (EXPLAIN shows no sequential scan),
 * and each filter returns exactly the cases that match it, newest first. Plans in target/case-search-plans.txt.
 */
class CaseSearchPlanTest {

    static final String URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hub.test.pg-user", "postgres");
    static final String SCHEMA = "hub_search_" + Long.toHexString(System.nanoTime());
    /** The origin systems, skewed as in a district: most reports by the hotline and 110, few by ODR. */
    static final String[] SYSTEMS = {"HOTLINE12345", "ALARM110", "PETITION", "LABOR", "ZHENGDING", "ODR"};
    static final int[] SHARE_UP_TO = {45, 75, 85, 92, 96, 100};
    static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
    static final int CASES = 6000;

    static SingleConnectionDataSource ds;
    static JdbcTemplate jdbc;
    static CaseSearch search;
    static final List<Row> rows = new ArrayList<>();

    record Row(String caseId, String system, String sourceId, String status, String dept, String risk,
               OffsetDateTime receivedAt) {
    }

    @BeforeAll
    static void fill() throws Exception {
        ds = new SingleConnectionDataSource(DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, USER, ""), true);
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("SET synchronous_commit = off");
        CaseStatus[] statuses = CaseStatus.values();
        List<Object[]> batch = new ArrayList<>();
        String padding = "“".repeat(300);
        for (int i = 0; i < CASES; i++) {
            OffsetDateTime at = START.plusMinutes(i * 87L);
            String risk = i % 20 == 0 ? "RED" : i % 5 == 0 ? "YELLOW" : "GREEN";
            Row r = new Row(String.format("HUB-%s-%06d", at.toLocalDate().toString().replace("-", ""), i),
                    system(i), "SRC-" + i, statuses[(i / 7) % statuses.length].name(),
                    "330108-D-" + (i % 25), risk, at);
            rows.add(r);
            String data = "{\"caseId\":\"" + r.caseId() + "\",\"title\":\"案件 " + i + "\",\"category\":{\"major\":\"求助纠纷类\","
                    + "\"code\":\"C0203\",\"name\":\"物业管理\"},\"risk\":{\"level\":\"" + risk + "\"},\"description\":\""
                    + padding + "\"}";
            batch.add(new Object[] {r.caseId(), r.system(), r.sourceId(), r.status(), r.dept(), at, at, at, data, risk, at});
        }
        jdbc.batchUpdate("INSERT INTO hub_case (case_id, source_system, source_id, status, dept_code, reported_at,"
                + " created_at, updated_at, data, risk_level, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        jdbc.execute("VACUUM ANALYZE hub_case");
    }

    @AfterAll
    static void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        ds.destroy();
    }

    static final OffsetDateTime WEEK_FROM = START.plusDays(200);
    static final OffsetDateTime WEEK_TO = START.plusDays(207);

    static final Map<String, Map<String, String[]>> FILTERS = Map.of(
            "source", Map.of("source", new String[] {"ODR"}),
            "sourceId", Map.of("sourceId", new String[] {"SRC-4242"}),
            "status", Map.of("status", new String[] {"ARRIVED"}),
            "deptCode", Map.of("deptCode", new String[] {"330108-D-7"}),
            "risk", Map.of("risk", new String[] {"RED"}),
            "from and to", Map.of("from", new String[] {WEEK_FROM.toString()}, "to", new String[] {WEEK_TO.toString()}),
            "status and deptCode", Map.of("status", new String[] {"SIGNED"}, "deptCode", new String[] {"330108-D-3"}),
            "source and a week", Map.of("source", new String[] {"PETITION"}, "from", new String[] {WEEK_FROM.toString()},
                    "to", new String[] {WEEK_TO.toString()}));

    static final Map<String, Predicate<Row>> EXPECTED = Map.of(
            "source", r -> r.system().equals("ODR"),
            "sourceId", r -> r.sourceId().equals("SRC-4242"),
            "status", r -> r.status().equals("ARRIVED"),
            "deptCode", r -> r.dept().equals("330108-D-7"),
            "risk", r -> r.risk().equals("RED"),
            "from and to", r -> inWeek(r),
            "status and deptCode", r -> r.status().equals("SIGNED") && r.dept().equals("330108-D-3"),
            "source and a week", r -> r.system().equals("PETITION") && inWeek(r));

    static String system(int i) {
        int percent = (i * 37) % 100;
        int k = 0;
        while (percent >= SHARE_UP_TO[k]) {
            k++;
        }
        return SYSTEMS[k];
    }

    static boolean inWeek(Row r) {
        return !r.receivedAt().isBefore(WEEK_FROM) && r.receivedAt().isBefore(WEEK_TO);
    }

    @Test
    void everyFilterIsReadFromAnIndex() throws Exception {
        List<String> plans = new ArrayList<>();
        for (var f : new java.util.TreeMap<>(FILTERS).entrySet()) {
            CaseCriteria c = CaseCriteria.parse(f.getValue());
            List<Object> args = new ArrayList<>();
            String where = CaseSearch.where(c, args);
            String page = plan(f.getKey() + ": page", "SELECT case_id FROM hub_case" + where + CaseSearch.ORDER
                    + " LIMIT 20 OFFSET 0", args);
            String count = plan(f.getKey() + ": total", "SELECT COUNT(*) FROM hub_case" + where, args);
            plans.add(page);
            plans.add(count);
        }
        Files.writeString(Path.of("target", "case-search-plans.txt"), CASES + " cases stored\n\n" + String.join("\n", plans));
        for (String p : plans) {
            assertThat(p).contains("Index").doesNotContain("Seq Scan");
        }
    }

    @Test
    void eachFilterFindsExactlyItsCasesNewestFirst() {
        search = new CaseSearch(jdbc);
        for (var f : FILTERS.entrySet()) {
            List<Row> expected = rows.stream().filter(EXPECTED.get(f.getKey()))
                    .sorted((a, b) -> b.receivedAt().compareTo(a.receivedAt())).toList();
            assertThat(expected).as(f.getKey()).isNotEmpty();
            CasePage page = search.search(CaseCriteria.parse(f.getValue()));
            assertThat(page.total()).as(f.getKey()).isEqualTo(expected.size());
            assertThat(page.items()).extracting(CaseSummary::caseId).as(f.getKey())
                    .containsExactlyElementsOf(expected.stream().limit(20).map(Row::caseId).toList());
        }
        CasePage second = search.search(CaseCriteria.parse(Map.of("risk", new String[] {"red"}, "page", new String[] {"2"},
                "size", new String[] {"50"})));
        List<Row> red = rows.stream().filter(r -> r.risk().equals("RED"))
                .sorted((a, b) -> b.receivedAt().compareTo(a.receivedAt())).toList();
        assertThat(second.items()).extracting(CaseSummary::caseId)
                .containsExactlyElementsOf(red.subList(100, 150).stream().map(Row::caseId).toList());
        CaseSummary first = second.items().get(0);
        assertThat(first.receivedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        assertThat(first.risk()).isEqualTo("RED");
        assertThat(first.category().name()).isEqualTo("物业管理");
        assertThat(first.title()).startsWith("案件 ");
    }

    private static String plan(String title, String sql, List<Object> args) {
        List<String> lines = jdbc.queryForList("EXPLAIN " + sql, String.class, args.toArray());
        return "-- " + title + "\n" + String.join("\n", lines) + "\n";
    }
}
