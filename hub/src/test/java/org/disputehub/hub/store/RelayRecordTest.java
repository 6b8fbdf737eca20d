package org.disputehub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A relay's record in the store's own schema, on H2 and on the machine's PostgreSQL (a schema of its own, dropped
 * afterwards): the raw message and the delivery rows of the event and its once-key commit together or not at all,
 * one query finds either key, a key another consumer recorded meanwhile keeps this send audited, and the audit
 * chainer chains the row like any other.
 */
class RelayRecordTest {

    static final String PG_URL = System.getProperty("hub.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("hub.test.pg-user", "postgres");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theRawMessageAndBothKeysCommitTogetherAndAreChained(String database) {
        onStore(database, (jdbc) -> {
            ConnectorStore store = new ConnectorStore(jdbc);
            assertThat(store.relayKeysDelivered("ALARM110", "E1", "HUB-1#once:05")).isEmpty();

            store.recordRelay(sent("<FKXX>05</FKXX>"), List.of("E1", "HUB-1#once:05"));

            assertThat(store.relayKeysDelivered("ALARM110", "E1", "HUB-1#once:05")).containsExactlyInAnyOrder("E1", "HUB-1#once:05");
            assertThat(store.relayKeysDelivered("ALARM110", "E2", "HUB-1#once:05")).as("a later event, the same once-code")
                    .containsExactly("HUB-1#once:05");
            assertThat(store.relayKeysDelivered("PETITION", "E1", null)).as("per system").isEmpty();
            Map<String, Object> row = jdbc.queryForMap("SELECT system, direction, ref, content_type, body, outcome, reason"
                    + " FROM raw_message");
            assertThat(row).containsEntry("system", "ALARM110").containsEntry("direction", "OUT")
                    .containsEntry("ref", "330108202611220001").containsEntry("body", "<FKXX>05</FKXX>")
                    .containsEntry("outcome", "SENT").containsEntry("reason", "RESOLVED → 05");
            AuditLog audit = new AuditLog(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
            assertThat(audit.chainPending()).isEqualTo(1);
            assertThat(audit.firstBrokenRecord()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeliveryThatCannotBeStoredTakesTheRawMessageBackWithIt(String database) {
        onStore(database, (jdbc) -> {
            ConnectorStore store = new ConnectorStore(jdbc);

            assertThatThrownBy(() -> store.recordRelay(sent("<FKXX/>"), List.of("E1", "x".repeat(200))))
                    .isInstanceOf(DataIntegrityViolationException.class);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message", Integer.class)).isZero();
            assertThat(store.relayKeysDelivered("ALARM110", "E1", null)).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aKeyRecordedMeanwhileByAnotherConsumerStillLeavesThisSendAudited(String database) {
        onStore(database, (jdbc) -> {
            ConnectorStore store = new ConnectorStore(jdbc);
            store.markRelayDelivered("HUB-1#once:05", "ALARM110");

            store.recordRelay(sent("<FKXX>05</FKXX>"), List.of("E1", "HUB-1#once:05"));

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE outcome = 'SENT'", Integer.class)).isOne();
            assertThat(store.relayKeysDelivered("ALARM110", "E1", "HUB-1#once:05")).containsExactlyInAnyOrder("E1", "HUB-1#once:05");
        });
    }

    private static AuditRecord sent(String body) {
        return new AuditRecord("ALARM110", AuditRecord.Direction.OUT, "330108202611220001", "application/xml", body,
                AuditRecord.Outcome.SENT, "RESOLVED → 05", OffsetDateTime.parse("2026-11-22T10:05:00+08:00"));
    }

    /** Runs the check on a fresh store: an H2 in memory, or a PostgreSQL schema dropped afterwards. */
    private static void onStore(String database, Consumer<JdbcTemplate> check) {
        if (database.equals("h2")) {
            DriverManagerDataSource ds = H2Store.migrated("relay");
            check.accept(new JdbcTemplate(ds));
            return;
        }
        String schema = "hub_relay_" + Long.toHexString(System.nanoTime());
        try {
            Flyway.configure().dataSource(PG_URL, PG_USER, "").schemas(schema).locations("classpath:db/migration").load()
                    .migrate();
            check.accept(new JdbcTemplate(new DriverManagerDataSource(PG_URL + "?currentSchema=" + schema, PG_USER, "")));
        } finally {
            new JdbcTemplate(new DriverManagerDataSource(PG_URL, PG_USER, "")).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
