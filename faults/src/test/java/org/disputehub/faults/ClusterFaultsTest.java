package org.disputehub.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The production topology on one machine — two hub JVMs behind a load balancer ({@link Balancer}), the broker pair
 * (primary and backup on a shared store, the hubs on the failover URL), PostgreSQL (a schema of its own; never
 * restarted here) — under mixed traffic from all five origins at about 20 cases/s, while it kills (-9) the leading hub,
 * then the other hub, then the primary broker, restarting each. The books must balance as in {@link HubFaultsTest}
 * ({@link Reconciliation}) and every failover must take less than 15 s. Prints one line:
 * {@code cluster: inputs=N cases=N lost=0 duplicated=0 order-violations=0 leader-failover-max=S broker-failover=S}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 45, unit = TimeUnit.MINUTES)
class ClusterFaultsTest {

    private static final String PG = System.getProperty("faults.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("faults.pg-user", "postgres");
    private static final Duration MAX_FAILOVER = Duration.ofSeconds(15);
    /** Cases per second offered ({@code -Dfaults.cluster-rate}, default 20). */
    private static final double RATE = Double.parseDouble(System.getProperty("faults.cluster-rate", "22"));
    /**
     * At 20 inputs/s: 12345 5/s, 110 5/s, petitions 5/s, ODR 2/s, labor 3/s (a batch of three a second); scaled to
     * RATE. Some inputs are updates and withdrawals (every sixth 110 alarm, a labor update per batch): 20 inputs/s
     * make ~18 new cases/s, so the default 22 offers ~20.
     */
    private static final Origins.Traffic TRAFFIC = new Origins.Traffic(at(200), at(200), at(200), at(500), at(1000), at(2000));
    private static final int STEPS_BETWEEN_FAULTS = Integer.getInteger("faults.cluster-steps", 6000);
    private static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("faults.cluster-settle-s", 600));

    private static Duration at(long millisAtTwentyPerSecond) {
        return Duration.ofMillis(Math.round(millisAtTwentyPerSecond * 20 / RATE));
    }

    private final String schema = "hub_cluster_" + Long.toHexString(System.nanoTime());
    private final Path work = Path.of(Jvm.property("faults.work-dir")).toAbsolutePath();
    private final Path home = Path.of(Jvm.property("faults.hub-home")).toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Figures figures = new Figures();
    private final List<Duration> leaderFailovers = new ArrayList<>();
    private int primaryPort;
    private int backupPort;
    private String brokerUrl;
    private Jvm primary;
    private Jvm backup;
    private final List<Jvm> hubs = new ArrayList<>();
    private final List<Integer> hubPorts = new ArrayList<>();
    private Balancer balancer;
    private Departments departments;
    private Origins origins;
    private Reconciliation books;

    @BeforeAll
    void start() throws Exception {
        Path run = work.resolve(schema);
        Files.createDirectories(run);
        primaryPort = Jvm.freePort();
        backupPort = Jvm.freePort();
        brokerUrl = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort + ")?ha=true"
                + "&reconnectAttempts=-1&initialConnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5"
                + "&maxRetryInterval=1000&clientFailureCheckPeriod=2000&connectionTTL=6000";
        String clusterPassword = UUID.randomUUID().toString();
        Path jar = Path.of(Jvm.property("faults.broker-jar"));
        List<String> brokerJvm = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
        primary = new Jvm("broker-primary", run, brokerJvm, jar, List.of("--role=primary", "--port=" + primaryPort,
                "--peer=tcp://127.0.0.1:" + backupPort, "--data-dir=" + run.resolve("broker"), "--cluster-password=" + clusterPassword));
        backup = new Jvm("broker-backup", run, brokerJvm, jar, List.of("--role=backup", "--port=" + backupPort,
                "--peer=tcp://127.0.0.1:" + primaryPort, "--data-dir=" + run.resolve("broker"), "--cluster-password=" + clusterPassword));
        primary.start();
        await("primary broker").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> listening(primaryPort));
        backup.start();
        await("backup announced").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(backup.lastLog()).contains("AMQ221031"));

        hubPorts.addAll(List.of(Jvm.freePort(), Jvm.freePort()));
        balancer = new Balancer(hubPorts);
        departments = new Departments(balancer.url());
        origins = new Origins(balancer.url(), brokerUrl, run.resolve("labor").resolve("inbox"), TRAFFIC);
        Path app = HubFaultsTest.extracted(Path.of(Jvm.property("faults.hub-jar")), run.resolve("hub-app"));
        for (int i = 0; i < 2; i++) {
            String name = "hub-" + (char) ('a' + i);
            List<String> args = new ArrayList<>(HubFaultsTest.hubArguments(home, run.resolve(name), balancer.url(), brokerUrl,
                    PG + "?currentSchema=" + schema, PG_USER, schema, departments, origins));
            args.add("--server.port=" + hubPorts.get(i));
            args.add("--hub.cluster.instance-id=" + name);
            args.add("--logging.level.hub.cluster=INFO");
            hubs.add(new Jvm(name, run, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m",
                    "-Xss512k"), app, args));
        }
        for (Jvm hub : hubs) {
            startHub(hub);
        }
        books = new Reconciliation(new Ledger(PG + "?currentSchema=" + schema, PG_USER), origins, departments,
                home.resolve("mappings"));
    }

    @Test
    void losingAnyOneMachineLosesAndDuplicatesNothing() throws Exception {
        Instant begin = Instant.now();
        int atBegin = cases();
        await("traffic").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> progress() >= STEPS_BETWEEN_FAULTS);
        figures.put("offered", String.format("%.1f inputs/s from the five origins (updates and withdrawals among them:"
                + " the cases stored per second are under traffic)", RATE));
        figures.put("case rate before the faults (stored)", String.format("%.1f cases/s",
                (cases() - atBegin) / (Duration.between(begin, Instant.now()).toMillis() / 1000.0)));

        Instant firstFault = Instant.now();
        int casesAtFirstFault = cases();
        for (int round = 1; round <= 2; round++) {
            Jvm leader = leader();
            Jvm other = hubs.get(0) == leader ? hubs.get(1) : hubs.get(0);
            leader.kill();
            Instant killed = Instant.now();
            await(other.name() + " leads").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> leads(other));
            Duration failover = Duration.between(killed, Instant.now());
            leaderFailovers.add(failover);
            figures.put("leader " + leader.name() + " kill -9 (round " + round + ")",
                    String.format("%s leads %.1f s later", other.name(), failover.toMillis() / 1000.0));
            startHub(leader);
            waitForWork(STEPS_BETWEEN_FAULTS / 2);
        }

        int before = progress();
        primary.kill();
        Instant killed = Instant.now();
        await("the hubs work on the backup").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> listening(backupPort) && progress() > before + 5);
        Duration brokerFailover = Duration.between(killed, Instant.now());
        figures.put("primary broker kill -9", String.format("the hubs work on the backup %.1f s later",
                brokerFailover.toMillis() / 1000.0));
        primary.start();
        Instant restarted = Instant.now();
        await("the primary back (fail-back)").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> listening(primaryPort));
        int atFailback = progress();
        await("work after the fail-back").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> progress() > atFailback + 5);
        figures.put("primary broker restarted", String.format("active again %.1f s after its start",
                Duration.between(restarted, Instant.now()).toMillis() / 1000.0));
        waitForWork(STEPS_BETWEEN_FAULTS / 2);

        double faulted = Duration.between(firstFault, Instant.now()).toMillis() / 1000.0;
        figures.put("traffic", String.format("%.0f s from the hubs' start to the check; %.1f cases/s stored over it,"
                        + " %.1f cases/s over the %.0f s from the first kill to the check",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0,
                (cases() - atBegin) / (Duration.between(begin, Instant.now()).toMillis() / 1000.0),
                (cases() - casesAtFirstFault) / faulted, faulted));
        Reconciliation.Tally tally = reconcile();
        Duration leaderMax = leaderFailovers.stream().max(Duration::compareTo).orElseThrow();
        String line = String.format("cluster: inputs=%d cases=%d lost=0 duplicated=0 order-violations=0"
                        + " leader-failover-max=%.1f broker-failover=%.1f", tally.acknowledged(), tally.checked(),
                leaderMax.toMillis() / 1000.0, brokerFailover.toMillis() / 1000.0);
        System.out.println(line);
        figures.put("summary", line);
        assertThat(leaderMax).as("leader failover").isLessThan(MAX_FAILOVER);
        assertThat(brokerFailover).as("broker failover").isLessThan(MAX_FAILOVER);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            figures.write(work.resolve("cluster-figures.md"));
            System.out.println("cluster fault-test figures (" + schema + "):\n" + figures.table());
        } finally {
            Jvm.closeAll(hubs.isEmpty() ? null : hubs.get(0), hubs.size() < 2 ? null : hubs.get(1), origins, departments,
                    balancer, backup, primary, () -> {
                        try (Connection c = DriverManager.getConnection(PG, PG_USER, "")) {
                            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                        }
                    });
        }
    }

    /**
     * The books for everything acknowledged until now (at most {@code faults.cluster-settle-s}, 600 s, to settle); on
     * failure the discrepancies are
     * counted as lost (an input without a case, a dispatch that never arrived, a report not stored), duplicated (a
     * case sent under more ORDER keys than it has dispatches), order violations (statuses out of order at the origin,
     * or not yet there) and cases not settled yet (their department's reports still queued), with the queues' depths.
     */
    private Reconciliation.Tally reconcile() throws Exception {
        Map<String, Set<String>> acknowledged = origins.acknowledged();
        Instant cutoff = Instant.now();
        Reconciliation.Tally[] tally = new Reconciliation.Tally[1];
        List<String>[] last = new List[1];
        try {
            await("the books balance").atMost(SETTLE).pollInterval(Duration.ofSeconds(5))
                    .ignoreExceptions().until(() -> (last[0] = books.problems(acknowledged, cutoff, tally)).isEmpty());
        } catch (ConditionTimeoutException e) {
            List<String> problems = new ArrayList<>(last[0] == null ? List.of("no check completed") : last[0]);
            long duplicated = problems.stream().filter(p -> p.contains("dispatch orders")).count();
            long order = problems.stream().filter(p -> p.contains("): applied ")).count();
            long unsettled = problems.stream().filter(p -> p.contains(" not settled: ")).count();
            List<String> queued = DeadLetters.depths(brokerUrl);
            problems.addAll(queued.stream().map(q -> "queue " + q).toList());
            Path file = work.resolve(schema).resolve("problems-cluster.txt");
            Files.write(file, problems);
            for (Jvm hub : hubs) { // what the hubs' threads are doing while deliveries are held
                if (hub.isAlive()) {
                    Path dump = work.resolve(schema).resolve("threads-" + hub.name() + ".txt");
                    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
                    new ProcessBuilder(jcmd, String.valueOf(hub.pid()), "Thread.print").redirectErrorStream(true)
                            .redirectOutput(dump.toFile()).start().waitFor(60, TimeUnit.SECONDS);
                }
            }
            System.out.printf("cluster: inputs=%d cases=%d lost=%d duplicated=%d order-violations=%d (FAILED: %d cases"
                            + " not settled yet, see %s; queues not empty: %s)%n", tally[0] == null ? -1 : tally[0].acknowledged(),
                    tally[0] == null ? -1 : tally[0].checked(), problems.size() - queued.size() - duplicated - order - unsettled,
                    duplicated, order, unsettled, file, queued);
            throw new AssertionError(problems.size() + " discrepancies after " + SETTLE + ", the first ones:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(25, problems.size()))), e);
        }
        figures.put("inputs acknowledged / cases checked (linked reports)", tally[0].acknowledged() + " / "
                + tally[0].checked() + " (" + tally[0].linkedReports() + ")");
        figures.put("ORDER requests / distinct keys", tally[0].orderRequests() + " / " + tally[0].distinctOrderKeys());
        figures.put("statuses applied / relayed", tally[0].statusesApplied() + " / " + tally[0].statusesRelayed());
        List<DeadLetters.Parked> unexplained = DeadLetters.browse(brokerUrl).stream().filter(p -> !DeadLetters.expected(p)).toList();
        assertThat(unexplained).as("nothing unexplained parked on DLQ.*").isEmpty();
        return tally[0];
    }

    private void waitForWork(int steps) throws Exception {
        int target = progress() + steps;
        await("traffic").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> progress() >= target);
    }

    /** The hub that leads now (health component {@code leadership}). */
    private Jvm leader() {
        return await("a leader").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> hubs.stream().filter(this::leads).findFirst().orElse(null), h -> h != null);
    }

    private boolean leads(Jvm hub) {
        if (!hub.isAlive()) {
            return false;
        }
        try {
            int port = hubPorts.get(hubs.indexOf(hub));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health/leadership")).timeout(Duration.ofSeconds(2))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && json.readTree(r.body()).at("/details/leader").asBoolean(false);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void startHub(Jvm hub) throws Exception {
        figures.hubStarted(hub.startHealthy("http://127.0.0.1:" + hubPorts.get(hubs.indexOf(hub)), Duration.ofSeconds(400))
                .toMillis());
    }

    private int progress() throws Exception {
        return new Ledger(PG + "?currentSchema=" + schema, PG_USER).progress();
    }

    private int cases() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "?currentSchema=" + schema, PG_USER, "");
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM hub_case")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
