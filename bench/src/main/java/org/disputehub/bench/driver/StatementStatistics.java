package org.disputehub.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded hub's statements one by one ({@code --h2-statistics}): the hub's H2 URL with H2's own statistics
 * ({@code QUERY_STATISTICS}) and its auto-server, so that the driver can reset them after the warm-up and read them
 * at the end — count, execution time as H2 measures it (wall, waits included, parsing not), per dispatched case.
 */
final class StatementStatistics {

    private final String url;
    private long casesAtReset;

    /** The hub's embedded URL (application.yml) with the statistics and the auto-server added. */
    StatementStatistics(Path hubDataDir) {
        this.url = "jdbc:h2:file:" + hubDataDir.toAbsolutePath().resolve("hub")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"
                + ";QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=1000";
    }

    /** The argument that gives the hub this URL. */
    String hubArgument() {
        return "--spring.datasource.url=" + url;
    }

    /** Forgets what was counted so far (the warm-up's); {@code cases}: the cases dispatched until now. */
    void reset(long cases) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS TRUE");
        }
        casesAtReset = cases;
    }

    private record Row(String sql, long count, double totalMs, double avgMs) {
    }

    /** Writes the statements since the reset, the most expensive first; {@code cases}: dispatched until now. */
    void write(Path file, long cases) throws SQLException, IOException {
        long n = Math.max(1, cases - casesAtReset);
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME,"
                     + " AVERAGE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                     + " WHERE SQL_STATEMENT NOT LIKE 'SET QUERY_STATISTICS%'"
                     + " ORDER BY CUMULATIVE_EXECUTION_TIME DESC")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1).replaceAll("\\s+", " ").replace("|", "\\|"), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4)));
            }
        }
        double total = rows.stream().mapToDouble(Row::totalMs).sum();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Statements of the embedded hub%n%n"
                + "%d cases dispatched while counted; execution time as H2 measures it (wall, waits included, parsing"
                + " not): %.3f ms per case.%n%n| per case | avg ms | total ms | share | statement |%n|---|---|---|---|---|%n",
                n, total / n));
        for (Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.0f | %.1f %% | `%s` |%n", r.count() / (double) n,
                    r.avgMs(), r.totalMs(), total == 0 ? 0 : 100 * r.totalMs() / total,
                    r.sql().length() > 160 ? r.sql().substring(0, 160) + "…" : r.sql()));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, md);
        System.out.printf(Locale.ROOT, "  statements: %.3f ms of execution per case over %d cases, %s%n", total / n, n, file);
    }
}
