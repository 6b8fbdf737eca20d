package org.disputehub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The hub as it runs in production — its own JVM ({@code hub/target/hub.jar}), the standalone broker
 * ({@code broker/target/broker-exec.jar}, durable journal) and the machine's PostgreSQL (a schema of its own) —
 * under mixed traffic from every origin system, disturbed one way after another: killed with SIGKILL at random
 * moments, a department endpoint gone, the broker killed and started again on its journal, PostgreSQL restarted.
 * After each scenario the books must balance (see {@link Reconciliation}) and nothing may be parked unexplained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class HubFaultsTest {

    private static final int KILLS = Integer.getInteger("faults.kills", 10);
    private static final String PG = System.getProperty("faults.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("faults.pg-user", "postgres");

    private final String schema = "hub_faults_" + Long.toHexString(System.nanoTime());
    private final Path work = Path.of(Jvm.property("faults.work-dir")).toAbsolutePath();
    private final Path home = Path.of(Jvm.property("faults.hub-home")).toAbsolutePath().normalize();
    private final Figures figures = new Figures();
    private int brokerPort;
    private String brokerUrl;
    private String hubUrl;
    private Jvm broker;
    private Jvm hub;
    private Departments departments;
    private Origins origins;
    private Reconciliation books;
    private int kills;

    @BeforeAll
    void start() throws Exception {
        Path run = work.resolve(schema);
        Files.createDirectories(run);
        brokerPort = Jvm.freePort();
        brokerUrl = "tcp://127.0.0.1:" + brokerPort;
        int hubPort = Jvm.freePort();
        hubUrl = "http://127.0.0.1:" + hubPort;

        broker = new Jvm("broker", run, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"),
                Path.of(Jvm.property("faults.broker-jar")),
                List.of("--port=" + brokerPort, "--data-dir=" + run.resolve("broker"), "--journal-sync=true"));
        startBroker();

        departments = new Departments(hubUrl);
        origins = new Origins(hubUrl, brokerUrl, run.resolve("labor").resolve("inbox"));

        List<String> args = new ArrayList<>(hubArguments(home, run.resolve("hub"), hubUrl, brokerUrl,
                PG + "?currentSchema=" + schema, PG_USER, schema, departments, origins));
        args.add("--server.port=" + hubPort);
        hub = new Jvm("hub", run, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m",
                "-Xss512k"), extracted(Path.of(Jvm.property("faults.hub-jar")), run.resolve("hub-app")), args);
        startHub();

        books = new Reconciliation(new Ledger(PG + "?currentSchema=" + schema, PG_USER), origins, departments,
                home.resolve("mappings"));
    }

    @Test
    @Order(1)
    void hubKilledAtRandomMomentsLosesAndDuplicatesNothing() throws Exception {
        for (int i = 0; i < KILLS; i++) {
            // a random moment: after 1 to 6 more steps of work (cases received, statuses applied) since the last start
            int target = progress() + ThreadLocalRandom.current().nextInt(1, 7);
            await("traffic after hub start " + hub.starts()).atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> progress() >= target);
            hub.kill();
            kills++;
            startHub();
        }
        figures.put("hub kills (SIGKILL)", kills);
        reconcile("after " + KILLS + " hub kills");
    }

    @Test
    @Order(2)
    void departmentEndpointDownThenBack() throws Exception {
        ensureHubRunning();
        int before = departments.received().size();
        departments.endpointDown();
        Instant down = Instant.now();
        // the hub keeps taking cases while the department is away: wait for a few dispatches it cannot deliver
        int pendingTarget = 3;
        await("dispatches piling up for the absent department").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> pendingHttpDispatches(down) >= pendingTarget);
        departments.endpointUp();
        Instant up = Instant.now();
        await("every waiting order delivered").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> pendingHttpDispatches(down) == 0);
        figures.put("department endpoint down", String.format("%.1f s; orders waiting when it came back: %d; all delivered %.1f s later",
                Duration.between(down, up).toMillis() / 1000.0, pendingTarget, Duration.between(up, Instant.now()).toMillis() / 1000.0));
        assertThat(departments.received().size()).isGreaterThan(before);
        reconcile("after the department outage");
    }

    @Test
    @Order(3)
    void brokerKilledAndRestartedOnItsJournal() throws Exception {
        ensureHubRunning();
        broker.kill();
        Instant killed = Instant.now();
        startBroker();
        long brokerUp = Duration.between(killed, Instant.now()).toMillis();
        int received = departments.received().size();
        await("a new dispatch after the broker restart").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> departments.received().size() > received);
        figures.put("broker kill -9 + restart", String.format("broker accepting again after %.1f s; first dispatch after %.1f s",
                brokerUp / 1000.0, Duration.between(killed, Instant.now()).toMillis() / 1000.0));
        reconcile("after the broker restart");
    }

    @Test
    @Order(4)
    void postgresRestarted() throws Exception {
        ensureHubRunning();
        Instant restart = Instant.now();
        String cluster;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            cluster = versions.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
        Process pg = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart")
                .redirectErrorStream(true).start();
        assertThat(pg.waitFor(60, TimeUnit.SECONDS)).as("pg_ctlcluster restart within 60 s").isTrue();
        String out = new String(pg.getInputStream().readAllBytes());
        assertThat(pg.exitValue()).as("pg_ctlcluster: " + out).isZero();
        long pgBack = Duration.between(restart, Instant.now()).toMillis();
        int received = departments.received().size();
        await("a new dispatch after the PostgreSQL restart").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                .until(() -> departments.received().size() > received);
        figures.put("PostgreSQL restart", String.format("restart took %.1f s; first dispatch %.1f s after it began",
                pgBack / 1000.0, Duration.between(restart, Instant.now()).toMillis() / 1000.0));
        assertThat(hub.isAlive()).as("the hub rides out a database restart without dying").isTrue();
        reconcile("after the PostgreSQL restart");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            figures.write(work.resolve("figures.md"));
            System.out.println("fault-test figures (" + schema + "):\n" + figures.table());
        } finally {
            Jvm.closeAll(hub, origins, departments, broker, () -> {
                try (Connection c = DriverManager.getConnection(PG, PG_USER, "")) {
                    c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            });
        }
    }

    /** Balances the books for everything acknowledged until now, then the dead-letter queues. */
    private void reconcile(String scenario) throws Exception {
        Map<String, Set<String>> acknowledged = origins.acknowledged();
        Instant cutoff = Instant.now();
        Reconciliation.Tally[] tally = new Reconciliation.Tally[1];
        List<String>[] last = new List[1];
        Instant from = Instant.now();
        try {
            await(scenario + ": the books balance").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> (last[0] = books.problems(acknowledged, cutoff, tally)).isEmpty());
        } catch (ConditionTimeoutException e) {
            List<String> problems = new ArrayList<>(last[0] == null ? List.of("no check completed: " + e.getMessage()) : last[0]);
            DeadLetters.depths(brokerUrl).forEach(q -> problems.add("queue " + q));
            DeadLetters.browse(brokerUrl).stream().filter(p -> !DeadLetters.expected(p))
                    .forEach(p -> problems.add("parked: " + p));
            Path file = work.resolve(schema).resolve("problems-" + scenario.replaceAll("\\W+", "-") + ".txt");
            Files.write(file, problems);
            record(scenario, tally[0]);
            figures.put(scenario + ": discrepancies", problems.size() + " (" + file.getFileName() + ")");
            throw new AssertionError(scenario + ": " + problems.size() + " discrepancies after 180 s (all in " + file
                    + "), the first ones:\n  " + String.join("\n  ", problems.subList(0, Math.min(25, problems.size()))), e);
        }
        figures.put(scenario + ": settled in", String.format("%.1f s", Duration.between(from, Instant.now()).toMillis() / 1000.0));
        record(scenario, tally[0]);
        List<DeadLetters.Parked> parked = DeadLetters.browse(brokerUrl);
        List<DeadLetters.Parked> unexplained = parked.stream().filter(p -> !DeadLetters.expected(p)).toList();
        figures.put(scenario + ": parked on DLQ.*", parked.isEmpty() ? "none" : parked.size() + " ("
                + (parked.size() - unexplained.size()) + " expected: late reports on withdrawn or closed cases)");
        assertThat(unexplained).as(scenario + ": nothing unexplained parked on DLQ.*").isEmpty();
    }

    /**
     * A hub JVM's command line as in production but for the demo secrets the simulators share: the external broker,
     * PostgreSQL in the run's schema, short retry delays, every connector and department pointed at the simulators.
     */
    static List<String> hubArguments(Path home, Path dataDir, String publicUrl, String brokerUrl, String dbUrl, String dbUser,
                                     String schema, Departments departments, Origins origins) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.home=" + home,
                "--hub.data-dir=" + dataDir,
                "--hub.public-url=" + publicUrl,
                "--hub.demo.enabled=false",
                "--hub.broker.tcp-port=0",
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + dbUser,
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--hub.dispatch.redelivery-delay=200",
                "--hub.dispatch.maximum-redelivery-delay=2000",
                "--hub.errors.redelivery-delay=200",
                "--hub.errors.maximum-redelivery-delay=2000",
                "--hub.connectors.hotline12345.poll-interval=1s",
                "--hub.connectors.labor.poll-interval=1s",
                "--camel.main.jmx-enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.hub=INFO"));
        for (String dept : List.of("330108-ZF-001", "330108-WY-001", "330108-LB-002", "330108-TJ-003", "330108-ZX-000")) {
            String key = Departments.apiKey(dept).substring("demo-key-".length());
            args.add("--hub.departments." + key + ".base-url=" + departments.baseUrl(dept));
        }
        args.addAll(origins.hubArguments());
        return args;
    }

    /** The hub jar unpacked once (Spring Boot's jarmode tools): plain jars start faster than nested ones. */
    static Path extracted(Path jar, Path dir) throws Exception {
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling("hub-extract.log").toFile()).start();
        try {
            assertThat(extract.waitFor(120, TimeUnit.SECONDS)).as("hub.jar extracted within 120 s").isTrue();
        } finally {
            extract.destroyForcibly();
        }
        assertThat(extract.exitValue()).as("extracting " + jar).isZero();
        return dir.resolve(jar.getFileName());
    }

    private void record(String scenario, Reconciliation.Tally tally) {
        if (tally == null) {
            return;
        }
        figures.put(scenario + ": inputs acknowledged / cases checked (of them linked reports)", tally.acknowledged() + " / "
                + tally.checked() + " (" + tally.linkedReports() + ")");
        figures.put(scenario + ": ORDER requests / distinct keys", tally.orderRequests() + " / " + tally.distinctOrderKeys());
        figures.put(scenario + ": statuses applied / relayed to origins", tally.statusesApplied() + " / " + tally.statusesRelayed());
    }

    /** A scenario that failed half-way may leave the hub down: each scenario starts from a running hub. */
    private void ensureHubRunning() throws Exception {
        if (!hub.isAlive()) {
            startHub();
        }
    }

    private void startBroker() throws Exception {
        broker.start();
        await("broker on :" + brokerPort).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!broker.isAlive()) {
                        throw new IllegalStateException("the broker died, see " + broker.lastLog());
                    }
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", brokerPort), 500);
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private void startHub() throws Exception {
        figures.hubStarted(hub.startHealthy(hubUrl, Duration.ofSeconds(300)).toMillis());
    }

    /** Work the hub has done: cases stored plus status events applied. */
    private int progress() throws Exception {
        return new Ledger(PG + "?currentSchema=" + schema, PG_USER).progress();
    }

    /** http dispatches the hub recorded since {@code since} whose order the department has not received. */
    private int pendingHttpDispatches(Instant since) throws Exception {
        Set<String> got = new HashSet<>();
        departments.received().stream().filter(d -> d.status() == 202).forEach(d -> got.add(d.key()));
        int pending = 0;
        try (Connection c = DriverManager.getConnection(PG + "?currentSchema=" + schema, PG_USER, "");
             var ps = c.prepareStatement("SELECT case_id, dispatch_no FROM dispatch WHERE channel = 'http' AND created_at > ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            var rs = ps.executeQuery();
            while (rs.next()) {
                if (!got.contains(rs.getString(1) + ":" + rs.getInt(2))) {
                    pending++;
                }
            }
        }
        return pending;
    }
}
