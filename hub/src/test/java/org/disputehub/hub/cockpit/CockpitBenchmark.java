package org.disputehub.hub.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.disputehub.hub.kpi.KpiService;
import org.disputehub.hub.linking.LinkingProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The cockpit's store queries with a year of cases in PostgreSQL — not part of the default build:
 * {@code ./mvnw -B -o -pl hub -am verify -Pcockpit-bench -Dtest=CockpitBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dcockpit.bench.cases=1000000} by default). Loads the cases with {@code generate_series} into a schema of its
 * own (dispatches, SLA clocks, status events, linking keys alike), runs each cockpit query uncached, reports p50 and
 * max in {@code target/cockpit-bench.md} with the plans, and drops the schema.
 */
class CockpitBenchmark {

    static final String URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getProperty("hub.test.pg-user", "postgres");
    static final long CASES = Long.getLong("cockpit.bench.cases", 1_000_000);
    static final int ROUNDS = Integer.getInteger("cockpit.bench.rounds", 20);
    static final String SCHEMA = "hub_cockpit_bench_" + Long.toHexString(System.nanoTime());

    static SingleConnectionDataSource ds;
    static JdbcTemplate jdbc;
    static final StringBuilder REPORT = new StringBuilder();

    @BeforeAll
    static void load() throws Exception {
        ds = new SingleConnectionDataSource(DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA, USER, ""), true);
        Flyway.configure().dataSource(ds).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("SET synchronous_commit = off");
        long started = System.nanoTime();
        CockpitBenchData.load(jdbc, CASES);
        for (String table : List.of("hub_case", "dispatch", "sla_clock", "status_event", "case_key")) {
            jdbc.execute("VACUUM ANALYZE " + table);
        }
        REPORT.append("Loaded in ").append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append(" s: ");
        for (String table : List.of("hub_case", "dispatch", "sla_clock", "status_event", "case_key")) {
            REPORT.append(table).append(' ').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                    .append(", ");
        }
        REPORT.setLength(REPORT.length() - 2);
        REPORT.append("\n\n");
    }

    @AfterAll
    static void drop() throws Exception {
        if (jdbc != null) {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        if (ds != null) {
            ds.destroy();
        }
        Files.writeString(Path.of("target", "cockpit-bench.md"), REPORT.toString());
        System.out.println(REPORT);
    }

    @Test
    void everyCockpitQueryWithAYearOfCases() {
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        CockpitDays days = new CockpitDays(clock);
        CockpitProperties props = new CockpitProperties(Duration.ZERO, Duration.ZERO, 7, 30, 50, 10);
        DepartmentNames names = new DepartmentNames(null) {
            @Override
            String name(String code) {
                return code;
            }
        };
        LinkingProperties linking = new LinkingProperties(true, Duration.ofDays(3), 0.5, 0.4, 0.4, 0.15, 0.05, 0.5, 50,
                Duration.ofDays(30), 2, "bench");
        KpiTrend kpis = new KpiTrend(new KpiService(jdbc, clock), names, days, new CockpitCache(), props);
        Map<String, Supplier<?>> queries = new LinkedHashMap<>();
        IntakeFlow intake = new IntakeFlow(jdbc, days);
        queries.put("intake (today by source and status)", intake::today);
        queries.put("kpis (7 days × KpiService, per department)", kpis::week);
        KpiService kpiService = new KpiService(jdbc, clock);
        queries.put("kpis: today alone (KpiService, one day)",
                () -> kpiService.compute(days.start(days.today()), days.start(days.today().plusDays(1)), null));
        WaitingCases waiting = new WaitingCases(jdbc, days, names, props);
        queries.put("waiting (sign-off / arrival, SLA)", waiting::now);
        RedCaseList red = new RedCaseList(jdbc, days, names, props);
        queries.put("red (open RED cases)", red::now);
        HotspotCounter hotspots = new HotspotCounter(jdbc, days, props, linking);
        queries.put("hotspots (30 days)", hotspots::now);

        REPORT.append("| query | p50 ms | max ms | rounds |\n|---|---:|---:|---:|\n");
        List<Double> page = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            page.add(0.0);
        }
        queries.forEach((name, query) -> {
            for (int i = 0; i < 3; i++) {
                query.get();
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                assertThat(query.get()).isNotNull();
                ms.add((System.nanoTime() - t) / 1e6);
                if (!name.startsWith("kpis: today")) {
                    page.set(i, page.get(i) + ms.get(i));
                }
            }
            REPORT.append(row(name, ms));
        });
        REPORT.append(row("**one page refresh, uncached** (every part but `kpis: today alone`)", page));
        CockpitCache cache = new CockpitCache();
        List<Double> served = new ArrayList<>();
        for (int i = 0; i < ROUNDS + 1; i++) {
            long t = System.nanoTime();
            queries.forEach((name, query) -> cache.get(name, Duration.ofSeconds(5), query));
            if (i > 0) {
                served.add((System.nanoTime() - t) / 1e6);
            }
        }
        cache.destroy();
        REPORT.append(row("**one page refresh as served** (`hub.cockpit.cache-ttl` 5 s, stale while refreshing)", served))
                .append('\n');
        REPORT.append("Figures (last round): intake ").append(intake.today().total()).append(" today; waiting ")
                .append(waiting.now().total()).append("; open RED ").append(red.now().open()).append("; top address ")
                .append(hotspots.now().addresses().stream().findFirst().map(Hotspots.Spot::reports).orElse(0L))
                .append(" reports\n\n");
        REPORT.append(CockpitBenchData.plans(jdbc, days));
    }

    private static String row(String name, List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        return String.format("| %s | %.1f | %.1f | %d |%n", name, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1), sorted.size());
    }
}
