package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disputehub.fixtures.odr.OdrSimulator;
import org.disputehub.fixtures.zhengding.ZhengdingSimulator;

/**
 * One target under load in one configuration: the driver's departments and platforms, the target JVM (the hub or
 * the bare relay) and, for {@code prod}, the broker JVM (durable journal) and a throw-away PostgreSQL schema.
 */
final class Session implements AutoCloseable {

    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String PG_USER = "postgres";

    private final Ledger ledger = new Ledger();
    private final Hotline12345Platform hotline;
    private final Departments departments;
    private final Traffic traffic;
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final Jvm target;
    private final String schema;
    private final HubSettings settings;
    private final String jvmDescription;
    private final StatementStatistics statements;
    private long readyNanos;
    private double startCpuSeconds;

    /**
     * {@code launch}: how the target's JVM starts; {@code aotJvmOpts}: its AOT cache option, to train a cache or run
     * with one (empty: neither).
     */
    Session(BenchOptions o, String config, String target, Path work, Launch launch, List<String> aotJvmOpts)
            throws Exception {
        long run = System.currentTimeMillis() / 1000;
        Routing routing = new Routing(o.home());
        hotline = new Hotline12345Platform(ledger, routing, run);
        departments = new Departments(ledger, hotline);
        closers.add(departments);
        Path data = work.resolve(config + "-" + target);
        deleteTree(data);
        Path inbox = Files.createDirectories(data.resolve("labor/inbox"));
        int brokerPort = Jvm.freePort();
        int httpPort = Jvm.freePort();
        String hubUrl = "http://127.0.0.1:" + httpPort;
        boolean prod = config.equals("prod");
        if (prod) {
            Jvm broker = Jvm.start("broker", null, List.of("-Xms256m", "-Xmx768m"),
                    List.of("-jar", o.home().resolve("broker/target/broker-exec.jar").toString(), "--port=" + brokerPort,
                            "--data-dir=" + data.resolve("broker"), "--journal-sync=true"),
                    Map.of(), data.resolve("broker.log"));
            closers.add(0, broker);
            broker.awaitPort(brokerPort, Duration.ofSeconds(60));
        }
        schema = prod && target.equals("hub") ? "bench_" + run : null;
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            closers.add(Statistics.keep(PG_URL, PG_USER, schema));
        }
        settings = new HubSettings();
        OdrSimulator odr = OdrSimulator.start(0, hubUrl + "/api/inbound/odr", settings.odrWebhookSecret, "demo-hub",
                settings.odrClientSecret, null, Duration.ofSeconds(6));
        closers.add(odr);
        ZhengdingSimulator zd = ZhengdingSimulator.start(0, new ZhengdingSimulator.App(settings.zhengdingAppKey,
                settings.zhengdingAppSecret, settings.zhengdingToken, settings.zhengdingAesKey),
                hubUrl + "/api/inbound/zhengding/callback", Duration.ofSeconds(2));
        closers.add(zd::stop);
        String d = departments.baseUrl();
        List<String> extraOpts = target.equals("hub") ? o.hubJvmOpts() : o.relayJvmOpts();
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g"));
        if (extraOpts.stream().noneMatch(opt -> opt.matches("-XX:\\+Use\\w+GC"))) {
            jvm.add("-XX:+UseG1GC");
        }
        List<String> args = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        statements = !prod && target.equals("hub") && o.h2Statistics()
                ? new StatementStatistics(data.resolve("hub")) : null;
        if (target.equals("hub")) {
            settings.systems(o.home(), d, odr.baseUrl(), zd.baseUrl(), inbox);
            jvm.addAll(o.hubJvmOpts());
            args.addAll(launch.command());
            args.addAll(List.of("--server.port=" + httpPort, "--hub.home=" + o.home().toAbsolutePath(),
                    "--hub.data-dir=" + data.resolve("hub"),
                    "--hub.sla.check-interval-ms=3600000"));
            if (prod) {
                settings.prod(brokerPort, PG_URL, PG_USER, schema);
            } else {
                settings.embedded(brokerPort);
            }
            if (statements != null) {
                args.add(statements.hubArgument());
            }
            args.addAll(settings.args());
            env.putAll(settings.env());
            env.putAll(o.hubEnv());
        } else {
            jvm.addAll(o.relayJvmOpts());
            args.addAll(launch.command());
            args.addAll(List.of("--server.port=" + httpPort, "--bench.relay.department-url=" + d + "/depts/BARE-000/dispatch",
                    "--bench.relay.hotline-url=" + d + "/api/v2/workorders",
                    "--bench.relay.labor-inbox=" + inbox, "--bench.relay.broker-port=" + brokerPort,
                    "--spring.artemis.embedded.data-directory=" + data.resolve("artemis")));
            env.putAll(o.relayEnv());
            if (prod) {
                args.addAll(List.of("--spring.artemis.mode=native",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort));
            }
        }
        jvm.addAll(aotJvmOpts);
        List<String> extra = new ArrayList<>(extraOpts);
        extra.addAll(aotJvmOpts);
        jvmDescription = (o.java() != null ? o.java() + " " : "") + String.join(" ", extra)
                + (launch.extracted() ? " (extracted jar)" : "");
        this.target = Jvm.start(target, o.java(), jvm, args, env, data.resolve(target + ".log"));
        closers.add(0, this.target);
        try {
            this.target.awaitHttp(hubUrl + (target.equals("hub") ? "/actuator/health" : "/bench/ready"),
                    Duration.ofMinutes(10));
            readyNanos = System.nanoTime();
            startCpuSeconds = ProcStats.cpuSeconds(this.target.pid());
            traffic = new Traffic(ledger, hotline, routing, "tcp://127.0.0.1:" + brokerPort, hubUrl, inbox, run,
                    settings.petitionSecret, settings.odrWebhookSecret);
        } catch (Exception e) {
            close();
            throw e;
        }
        closers.add(0, traffic);
    }

    Ledger ledger() {
        return ledger;
    }

    Traffic traffic() {
        return traffic;
    }

    Departments departments() {
        return departments;
    }

    long targetPid() {
        return target.pid();
    }

    /** When the target's process was started (System.nanoTime). */
    long targetStartedNanos() {
        return target.startedNanos();
    }

    /** Seconds from the target's process start until it answered ready. */
    double readySeconds() {
        return (readyNanos - target.startedNanos()) / 1e9;
    }

    /** CPU seconds the target used until it answered ready. */
    double startCpuSeconds() {
        return startCpuSeconds;
    }

    /** The target's runtime and extra JVM options ("" for the driver's runtime and none). */
    String jvmDescription() {
        return jvmDescription;
    }

    /** Stops the target first, waiting up to {@code grace}: a training JVM writes its AOT cache as it stops. */
    void stopTarget(Duration grace) throws InterruptedException {
        target.close(grace);
    }

    /** The embedded hub's statement statistics ({@code --h2-statistics}), null when not kept. */
    StatementStatistics statements() {
        return statements;
    }

    /** Starts a JFR recording (profile settings) in the target JVM, written to {@code file} when the session ends. */
    void startRecording(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file);
        closers.add(0, () -> jcmd("JFR.stop", "name=bench"));
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(target.pid())));
        cmd.addAll(List.of(command));
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("  closing: " + e);
            }
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("  could not drop schema " + schema + ": " + e);
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
