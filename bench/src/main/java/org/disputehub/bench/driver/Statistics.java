package org.disputehub.bench.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the planner statistics of the session's throw-away schema current where the server's autovacuum does not.
 * A production PostgreSQL runs autovacuum (the default), which analyzes a table once enough of it changed, and its
 * tables hold days of rows with statistics; the session's schema starts empty. Without statistics the plans the
 * hub's connections cache in their first seconds (made for empty tables) stay as the tables grow — a plan for ten
 * pages run against tens of thousands of rows — and the benchmark would measure that instead of the hub. So where
 * {@code autovacuum} is off, the driver applies autovacuum's own rule to the schema: every {@link #EVERY_SECONDS} s
 * it analyzes each table with more than 50 + 10 % of its rows changed since its last analyze (PostgreSQL's defaults
 * {@code autovacuum_analyze_threshold} and {@code autovacuum_analyze_scale_factor}), at most once a minute per table
 * (the default {@code autovacuum_naptime}); an analyze invalidates the plans made before it. Where autovacuum is on,
 * nothing is done.
 */
final class Statistics implements AutoCloseable {

    static final int EVERY_SECONDS = 15;
    /** A table is analyzed at most once in this time, as autovacuum visits a database once per its naptime. */
    static final int NAPTIME_SECONDS = 60;

    private final ScheduledExecutorService timer;

    private Statistics(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts analyzing {@code schema} if the server does not, or returns a no-op. */
    static Statistics keep(String url, String user, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement show = c.createStatement();
             ResultSet rs = show.executeQuery("SHOW autovacuum")) {
            rs.next();
            if (!"off".equals(rs.getString(1))) {
                return new Statistics(null);
            }
        }
        System.out.println("  PostgreSQL runs without autovacuum here: the driver applies autovacuum's analyze rule to schema "
                + schema + " (checked every " + EVERY_SECONDS + " s, each table at most once in " + NAPTIME_SECONDS
                + " s), as a production server keeps its statistics current");
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-analyze");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> analyze(url, user, schema), EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
        return new Statistics(timer);
    }

    private static void analyze(String url, String user, String schema) {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            List<String> tables = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT relname FROM pg_stat_user_tables WHERE schemaname = ?"
                    + " AND n_mod_since_analyze > 50 + 0.1 * n_live_tup"
                    + " AND (last_analyze IS NULL OR last_analyze < now() - interval '" + NAPTIME_SECONDS + " seconds')")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (Statement analyze = c.createStatement()) {
                for (String table : tables) {
                    analyze.execute("ANALYZE " + schema + ".\"" + table + "\"");
                }
            }
        } catch (SQLException e) {
            System.err.println("  analyze " + schema + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
