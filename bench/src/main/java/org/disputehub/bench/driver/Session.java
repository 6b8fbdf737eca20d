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

    static final String ZD_APP_KEY = "demo-hub-app";
    static final String ZD_APP_SECRET = "demo-zhengding-secret";
    static final String ZD_TOKEN = "demo-zhengding-token";
    static final String ZD_AES = "E9FPK1QGFuI09MZWYSv3jwqKQzoMie32XTF4pAH1PTs";
    static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Ledger ledger = new Ledger();
    private final Hotline12345Platform hotline;
    private final Departments departments;
    private final Traffic traffic;
    private final List<AutoCloseable> closers = new ArrayList<>();
    private final Jvm target;
    private final String schema;

    Session(BenchOptions o, String config, String target, Path work) throws Exception {
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
            Jvm broker = Jvm.start("broker", List.of("-Xms256m", "-Xmx768m"),
                    List.of("-jar", o.home().resolve("broker/target/broker-exec.jar").toString(), "--port=" + brokerPort,
                            "--data-dir=" + data.resolve("broker"), "--journal-sync=true"),
                    Map.of(), data.resolve("broker.log"));
            closers.add(0, broker);
            broker.awaitPort(brokerPort, Duration.ofSeconds(60));
        }
        schema = prod && target.equals("hub") ? "bench_" + run : null;
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
        }
        OdrSimulator odr = OdrSimulator.start(0, hubUrl + "/api/inbound/odr", Traffic.ODR_SECRET, "demo-hub",
                "demo-odr-client-secret", null, Duration.ofSeconds(6));
        closers.add(odr);
        ZhengdingSimulator zd = ZhengdingSimulator.start(0, new ZhengdingSimulator.App(ZD_APP_KEY, ZD_APP_SECRET,
                ZD_TOKEN, ZD_AES), hubUrl + "/api/inbound/zhengding/callback", Duration.ofSeconds(2));
        closers.add(zd::stop);
        String d = departments.baseUrl();
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC"));
        List<String> args = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        if (target.equals("hub")) {
            args.addAll(List.of("-jar", o.hubJar().toString(),
                    "--server.port=" + httpPort, "--hub.home=" + o.home().toAbsolutePath(),
                    "--hub.data-dir=" + data.resolve("hub"),
                    "--hub.sla.check-interval-ms=3600000"));
            Map<String, String> c = new HashMap<>();
            c.put("HOTLINE12345_BASE_URL", d);
            c.put("HOTLINE12345_APP_KEY", "demo-hub");
            c.put("HOTLINE12345_APP_SECRET", "demo-hotline-secret");
            args.add("--hub.connectors.hotline12345.poll-interval=" + "200ms");
            args.add("--hub.connectors.hotline12345.page-size=" + "100");
            c.put("ALARM110_BASE_URL", d);
            c.put("ALARM110_API_KEY", "demo-alarm110-key");
            c.put("PETITION_BASE_URL", d);
            c.put("PETITION_SHARED_SECRET", Traffic.PETITION_SECRET);
            c.put("ODR_BASE_URL", odr.baseUrl());
            c.put("ODR_CLIENT_ID", "demo-hub");
            c.put("ODR_CLIENT_SECRET", "demo-odr-client-secret");
            c.put("ODR_WEBHOOK_SECRETS", Traffic.ODR_SECRET);
            c.put("ODR_WEBHOOK_SECRET", Traffic.ODR_SECRET);
            c.put("LABOR_BASE_URL", d);
            c.put("LABOR_API_KEY", "demo-labor-key");
            c.put("LABOR_INBOX", inbox.toString());
            args.add("--hub.connectors.labor.inbox=" + inbox.toString());
            args.add("--hub.connectors.labor.poll-interval=" + "250ms");
            c.put("ZHENGDING_BASE_URL", zd.baseUrl());
            c.put("ZHENGDING_APP_KEY", ZD_APP_KEY);
            c.put("ZHENGDING_APP_SECRET", ZD_APP_SECRET);
            c.put("ZHENGDING_CALLBACK_TOKEN", ZD_TOKEN);
            c.put("ZHENGDING_CALLBACK_AES_KEY", ZD_AES);
            c.put("HUB_DUTY_LEADER_USER_IDS", "duty-leader01");
            for (String[] dept : new String[][] {{"zf001", "330108-ZF-001"}, {"wy001", "330108-WY-001"},
                {"lb002", "330108-LB-002"}, {"tj003", "330108-TJ-003"}, {"zx000", "330108-ZX-000"}}) {
                args.add("--hub.departments." + dept[0] + ".base-url=" + d + "/depts/" + dept[1]);
            }
            if (prod) {
                c.put("SPRING_PROFILES_ACTIVE", "prod");
                c.put("ARTEMIS_URL", "tcp://127.0.0.1:" + brokerPort);
                c.put("HUB_DB_URL", PG_URL + "?currentSchema=" + schema);
                c.put("SPRING_FLYWAY_SCHEMAS", schema);
                c.put("HUB_SECURITY_USERS_0_NAME", "bench");
                c.put("HUB_SECURITY_USERS_0_PASSWORD", "{noop}bench-" + run);
                c.put("HUB_SECURITY_USERS_0_ROLES_0", "ADMIN");
            } else {
                args.add("--hub.connectors.hotline12345.base-url=" + d);
                args.add("--hub.connectors.alarm110.base-url=" + d);
                args.add("--hub.connectors.petition.base-url=" + d);
                args.add("--hub.connectors.labor.base-url=" + d);
                args.add("--hub.connectors.odr.base-url=" + odr.baseUrl());
                args.add("--hub.connectors.zhengding.base-url=" + zd.baseUrl());
                args.add("--hub.broker.tcp-port=" + brokerPort);
            }
            env.putAll(c);
            env.putAll(o.hubEnv());
        } else {
            jvm.add("-Dloader.main=org.disputehub.bench.relay.BareRelayApplication");
            args.addAll(List.of("-jar", o.home().resolve("bench/target/bench.jar").toString(),
                    "--server.port=" + httpPort, "--bench.relay.department-url=" + d + "/depts/BARE-000/dispatch",
                    "--bench.relay.hotline-url=" + d + "/api/v2/workorders",
                    "--bench.relay.labor-inbox=" + inbox, "--bench.relay.broker-port=" + brokerPort,
                    "--spring.artemis.embedded.data-directory=" + data.resolve("artemis")));
            env.putAll(o.relayEnv());
            if (prod) {
                args.addAll(List.of("--spring.artemis.mode=native",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort));
            }
        }
        this.target = Jvm.start(target, jvm, args, env, data.resolve(target + ".log"));
        closers.add(0, this.target);
        try {
            this.target.awaitHttp(hubUrl + (target.equals("hub") ? "/actuator/health" : "/bench/ready"),
                    Duration.ofMinutes(10));
            traffic = new Traffic(ledger, hotline, routing, "tcp://127.0.0.1:" + brokerPort, hubUrl, inbox, run);
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
            try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "")) {
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
