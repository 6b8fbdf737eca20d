import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * A probe for the next step of the per-case cost (FINDINGS, 2026-12-05): what one case's writes cost on the hub's two
 * databases when each case commits in its own transactions, as the hub does now, against N cases sharing one
 * transaction with batched statements, as a micro-batched intake would. Tables shaped like the hub's hot ones
 * (hub_case with 13 indexes, case_key, raw_message); per case: 1 case row, 3 keys, 2 raw messages, 2 status
 * updates, 1 read by key; "per case" runs them in 4 transactions, "batched" in one per N cases, "prepared per call"
 * in 4 transactions per case with each statement prepared anew and one of 80 texts (as JdbcTemplate prepares each
 * call, and the hub runs about a hundred distinct statements: more than H2's cache of 8 per connection). Not the hub, not a
 * target: an estimate of the share of a case's database work that is per transaction.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar:~/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar \
 *     bench/probes/CommitBatching.java [cases=20000] [batch=20] [threads=16]
 * </pre>
 */
public class CommitBatching {

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        String h2 = "jdbc:h2:file:/tmp/commit-batching-" + System.nanoTime()
                + "/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        String schema = "commit_batching_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
        }
        String pg = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        try {
            for (String[] db : new String[][] {{"H2 (embedded)", h2, "sa"}, {"PostgreSQL", pg, "postgres"}}) {
                for (int n : new int[] {1, batch, 0, 1, batch, 0}) { // twice each, the first round warms the JIT
                    try (Connection c = DriverManager.getConnection(db[1], db[2], "")) {
                        run(db[0], c, cases, n);
                    }
                }
                concurrent(db, cases, threads);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** "Prepared per call" again on fresh tables, the cases split over {@code threads} connections at once. */
    private static void concurrent(String[] db, int cases, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(db[1], db[2], "")) {
            run(db[0], c, 0, 0); // fresh tables
        }
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        java.util.List<Thread> all = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            Thread worker = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(db[1], db[2], "")) {
                    c.setAutoCommit(false);
                    for (int i = slice; i < cases; i += threads) {
                        oneCase(c, i);
                    }
                } catch (Exception e) {
                    failed.set(e);
                }
            });
            worker.start();
            all.add(worker);
        }
        for (Thread t : all) {
            t.join();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-14s %s: %6.0f cases/s, CPU of this JVM %.3f ms per case%n", db[0],
                "as above, " + threads + " connections at once", cases / seconds, (cpuNanos() - cpu0) / 1e6 / cases);
    }

    private static void preparedPerCall(String name, Connection c, int cases) throws Exception {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            oneCase(c, i);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-14s %s: %6.0f cases/s, CPU of this JVM %.3f ms per case%n", name,
                "4 per case, prepared per call", cases / seconds, (cpuNanos() - cpu0) / 1e6 / cases);
    }

    private static void oneCase(Connection c, int i) throws Exception {
        String body = "{\"case\":\"" + "x".repeat(1500) + "\"}";
        {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            String id = "C" + i;
            String text = " /* " + (i % 16) + " */";
            update(c, "INSERT INTO hub_case (case_id, source_system, source_id, status, dept_code, region_code,"
                    + " category_code, risk_level, reported_at, created_at, received_at, updated_at, data) VALUES"
                    + " (?, 'petition', ?, 'RECEIVED', ?, '330108', 'C01', 'LOW', ?, ?, ?, ?, ?)" + text,
                    id, "S" + i, "D" + (i % 40), now, now, now, now, body);
            for (int k = 0; k < 3; k++) {
                update(c, "INSERT INTO case_key VALUES (?, ?, ?, ?)" + text, "K" + k,
                        Integer.toHexString((i * 31 + k) * 0x9E3779B9), id, now);
            }
            update(c, "INSERT INTO raw_message (system, ref, body, recorded_at) VALUES ('petition', ?, ?, ?)" + text,
                    "S" + i, body, now);
            c.commit();
            for (String next : new String[] {"RECEIVED", "DISPATCHED"}) {
                update(c, "UPDATE hub_case SET status = ?, updated_at = ? WHERE case_id = ?" + text, next, now, id);
                c.commit();
            }
            try (PreparedStatement read = c.prepareStatement("SELECT status FROM hub_case WHERE case_id = ?" + text)) {
                read.setString(1, id);
                read.executeQuery().close();
            }
            update(c, "INSERT INTO raw_message (system, ref, body, recorded_at) VALUES ('petition', ?, ?, ?)" + text,
                    id + ":1", body, now);
            c.commit();
        }
    }

    private static void update(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static void addRaw(PreparedStatement raw, String ref, String body, Timestamp now) throws Exception {
        raw.setString(1, ref);
        raw.setString(2, body);
        raw.setTimestamp(3, now);
        raw.addBatch();
    }

    /** The JVM's CPU time: with H2, its background writer's too. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void run(String name, Connection c, int cases, int batch) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS hub_case");
            s.execute("DROP TABLE IF EXISTS case_key");
            s.execute("DROP TABLE IF EXISTS raw_message");
            s.execute("CREATE TABLE hub_case (case_id VARCHAR(32) PRIMARY KEY, source_system VARCHAR(32) NOT NULL,"
                    + " source_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL, dept_code VARCHAR(64),"
                    + " region_code VARCHAR(16), category_code VARCHAR(16), risk_level VARCHAR(8), linked_to VARCHAR(32),"
                    + " reported_at TIMESTAMP WITH TIME ZONE, created_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " received_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " data TEXT NOT NULL, UNIQUE (source_system, source_id))");
            for (String ix : new String[] {"source_id", "status, dept_code", "created_at", "linked_to",
                    "region_code, category_code, reported_at", "received_at", "source_system, received_at",
                    "status, received_at", "dept_code, received_at", "risk_level, received_at",
                    "risk_level, status, created_at"}) {
                s.execute("CREATE INDEX ON hub_case (" + ix + ")");
            }
            s.execute("CREATE TABLE case_key (kind VARCHAR(8), key_hash VARCHAR(64), case_id VARCHAR(32),"
                    + " reported_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (kind, key_hash, case_id))");
            s.execute("CREATE INDEX ON case_key (case_id)");
            s.execute("CREATE INDEX ON case_key (kind, key_hash, reported_at)");
            s.execute("CREATE TABLE raw_message (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " system VARCHAR(32) NOT NULL, ref VARCHAR(128), body TEXT NOT NULL,"
                    + " recorded_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("CREATE INDEX ON raw_message (system, ref)");
            s.execute("CREATE INDEX ON raw_message (ref)");
        }
        c.setAutoCommit(false);
        if (cases == 0) {
            return;
        }
        if (batch == 0) {
            preparedPerCall(name, c, cases);
            return;
        }
        String body = "{\"case\":\"" + "x".repeat(1500) + "\"}";
        try (PreparedStatement kase = c.prepareStatement("INSERT INTO hub_case (case_id, source_system, source_id,"
                + " status, dept_code, region_code, category_code, risk_level, reported_at, created_at, received_at,"
                + " updated_at, data) VALUES (?, 'petition', ?, 'RECEIVED', ?, '330108', 'C01', 'LOW', ?, ?, ?, ?, ?)");
             PreparedStatement key = c.prepareStatement("INSERT INTO case_key VALUES (?, ?, ?, ?)");
             PreparedStatement raw = c.prepareStatement("INSERT INTO raw_message (system, ref, body, recorded_at)"
                     + " VALUES ('petition', ?, ?, ?)");
             PreparedStatement status = c.prepareStatement("UPDATE hub_case SET status = ?, updated_at = ?"
                     + " WHERE case_id = ?");
             PreparedStatement read = c.prepareStatement("SELECT status FROM hub_case WHERE case_id = ?")) {
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            for (int from = 0; from < cases; from += batch) {
                int to = Math.min(cases, from + batch);
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (int i = from; i < to; i++) { // intake: the case, its keys, its raw message
                    String id = "C" + i;
                    kase.setString(1, id);
                    kase.setString(2, "S" + i);
                    kase.setString(3, "D" + (i % 40));
                    for (int p = 4; p <= 7; p++) {
                        kase.setTimestamp(p, now);
                    }
                    kase.setString(8, body);
                    for (int k = 0; k < 3; k++) {
                        key.setString(1, "K" + k);
                        key.setString(2, Integer.toHexString((i * 31 + k) * 0x9E3779B9));
                        key.setString(3, id);
                        key.setTimestamp(4, now);
                        key.addBatch();
                    }
                    addRaw(raw, "S" + i, body, now);
                    kase.addBatch();
                    if (batch == 1) {
                        kase.executeBatch();
                        key.executeBatch();
                        raw.executeBatch();
                        c.commit();
                    }
                }
                if (batch > 1) {
                    kase.executeBatch();
                    key.executeBatch();
                    raw.executeBatch();
                }
                for (String next : new String[] {"RECEIVED", "DISPATCHED"}) { // the statuses, each its own stage
                    for (int i = from; i < to; i++) {
                        status.setString(1, next);
                        status.setTimestamp(2, now);
                        status.setString(3, "C" + i);
                        status.addBatch();
                        if (batch == 1) {
                            status.executeBatch();
                            c.commit();
                        }
                    }
                    if (batch > 1) {
                        status.executeBatch();
                    }
                }
                for (int i = from; i < to; i++) { // the dispatch: a read by key and the outbound raw message
                    read.setString(1, "C" + i);
                    read.executeQuery().close();
                    addRaw(raw, "C" + i + ":1", body, now);
                    if (batch == 1) {
                        raw.executeBatch();
                        c.commit();
                    }
                }
                if (batch > 1) {
                    raw.executeBatch();
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (cpuNanos() - cpu0) / 1e6;
            System.out.printf("%-14s %s: %6.0f cases/s, CPU of this JVM %.3f ms per case%n", name,
                    batch == 1 ? "4 transactions per case  " : "1 transaction per " + batch + " cases",
                    cases / seconds, cpuMs / cases);
        }
    }
}
