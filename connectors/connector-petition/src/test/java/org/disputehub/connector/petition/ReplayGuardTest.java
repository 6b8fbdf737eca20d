package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two hub instances share the replay record: a push replayed to the other instance is still a replay. */
class ReplayGuardTest {

    @Test
    void aReplayToAnotherInstanceIsKnownThere() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:replay-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        ReplayGuard first = new ReplayGuard(Duration.ofMinutes(5), clock, jdbc);
        ReplayGuard second = new ReplayGuard(Duration.ofMinutes(5), clock, jdbc);

        assertThat(first.replayed("sig-1")).isFalse();
        assertThat(first.replayed("sig-1")).as("again on the same instance").isTrue();
        assertThat(second.replayed("sig-1")).as("sent to the other instance").isTrue();
        assertThat(second.replayed("sig-2")).isFalse();
        assertThat(first.replayed("sig-2")).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_replay", Integer.class)).isEqualTo(2);
        assertThat(new ReplayGuard(Duration.ofMinutes(5), clock).replayed("sig-1"))
                .as("without a database: per instance, as before").isFalse();
    }
}
