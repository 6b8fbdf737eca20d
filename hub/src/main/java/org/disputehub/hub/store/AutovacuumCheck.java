package org.disputehub.hub.store;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the hub's PostgreSQL runs without autovacuum. Its statements are prepared once per
 * connection and their plans kept; without autovacuum's analyze the tables' statistics stay those of the day they
 * were last analyzed (for a new database: none), and a plan made for a small table is kept as it grows — measured
 * on the benchmark's production-like set-up: the linking lookup 4.5 ms instead of 0.07 ms, the audit chaining 19 ms
 * instead of 0.5 ms, PostgreSQL's CPU the limit of the whole hub. Nothing is refused: the hub works, slower by the
 * day.
 */
@Component
class AutovacuumCheck {

    private static final Logger LOG = LoggerFactory.getLogger("hub.store");

    private final JdbcTemplate jdbc;

    AutovacuumCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        warning().ifPresent(LOG::warn);
    }

    /** The warning to log, if the database is PostgreSQL with {@code autovacuum} off. */
    Optional<String> warning() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(product)) {
            return Optional.empty();
        }
        String autovacuum = jdbc.queryForObject("SHOW autovacuum", String.class);
        if (!"off".equals(autovacuum)) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL runs with autovacuum off: the hub's tables are not analyzed as they grow, and"
                + " the plans of its statements go stale (linking and the audit chaining slow down by the day). Turn it"
                + " on (autovacuum = on, PostgreSQL's default), or run ANALYZE on the hub's schema regularly.");
    }
}
