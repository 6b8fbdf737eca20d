package org.disputehub.canonical.connector;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The little state a connector keeps in the hub's store: poller watermarks, the last version seen
 * of each source record, which relayed status events an origin has already received, and the raw message of each
 * relay (written here, with its delivery, instead of through {@code HUB.AUDIT}).
 * Tables come from the hub's Flyway migrations (db/migration in this module).
 */
public class ConnectorStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ConnectorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    public Optional<String> watermark(String name) {
        return jdbc.queryForList("SELECT wm_value FROM watermark WHERE name = ?", String.class, name)
                .stream().findFirst();
    }

    public void saveWatermark(String name, String value) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.update("UPDATE watermark SET wm_value = ?, updated_at = ? WHERE name = ?", value, now, name) == 0) {
            jdbc.update("INSERT INTO watermark (name, wm_value, updated_at) VALUES (?, ?, ?)", name, value, now);
        }
    }

    /** The last version (e.g. update time) seen of a source record, if the connector has seen it. */
    public Optional<String> sourceVersion(String system, String sourceId) {
        return jdbc.queryForList("SELECT version FROM source_record WHERE system = ? AND source_id = ?",
                String.class, system, sourceId).stream().findFirst();
    }

    /**
     * Records the version of a source record: inserted if the record is new (the common case: one statement), else
     * updated.
     */
    public void saveSourceVersion(String system, String sourceId, String version) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.update("INSERT INTO source_record (system, source_id, version, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", system, sourceId, version, now) == 0) {
            jdbc.update("UPDATE source_record SET version = ?, updated_at = ? WHERE system = ? AND source_id = ?",
                    version, now, system, sourceId);
        }
    }

    /**
     * The hub case id of a source record, allocated on first sight and the same ever after: a push connector
     * can answer the origin with it at once, and the hub's intake uses it for the case. Run it in a transaction
     * with the envelope send's outcome in mind: an allocated id that never reaches the hub only leaves a gap.
     */
    public String allocateCaseId(String system, String sourceId) {
        List<String> row = jdbc.query("SELECT case_id FROM source_record WHERE system = ? AND source_id = ?",
                (rs, i) -> rs.getString(1), system, sourceId);
        if (!row.isEmpty() && row.get(0) != null) {
            return row.get(0);
        }
        String caseId = CaseIds.next(jdbc);
        OffsetDateTime now = OffsetDateTime.now();
        if (row.isEmpty() && jdbc.update("INSERT INTO source_record (system, source_id, version, updated_at, case_id)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", system, sourceId, "-", now, caseId) == 1) {
            return caseId;
        }
        // the record exists (or another instance stored it meanwhile): it takes this id unless it has one
        if (jdbc.update("UPDATE source_record SET case_id = ?, updated_at = ? WHERE system = ? AND source_id = ?"
                + " AND case_id IS NULL", caseId, now, system, sourceId) == 1) {
            return caseId;
        }
        return jdbc.queryForObject("SELECT case_id FROM source_record WHERE system = ? AND source_id = ?",
                String.class, system, sourceId);
    }

    /** Remembers which hub case an external id belongs to (e.g. an ODR dispute the hub handed a case to). */
    public void saveCaseLink(String system, String externalId, String caseId) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.update("UPDATE source_record SET case_id = ?, updated_at = ? WHERE system = ? AND source_id = ?",
                caseId, now, system, externalId) == 0) {
            jdbc.update("INSERT INTO source_record (system, source_id, version, updated_at, case_id) VALUES (?, ?, ?, ?, ?)",
                    system, externalId, "-", now, caseId);
        }
    }

    /** The hub case an external id belongs to, if known (see {@link #allocateCaseId} and {@link #saveCaseLink}). */
    public Optional<String> caseIdOf(String system, String externalId) {
        return jdbc.queryForList("SELECT case_id FROM source_record WHERE system = ? AND source_id = ? AND case_id IS NOT NULL",
                String.class, system, externalId).stream().findFirst();
    }

    public boolean relayDelivered(String eventId, String system) {
        return !relayKeysDelivered(system, eventId, null).isEmpty();
    }

    /**
     * Which of a relay's keys — its event id and, for a code the origin takes once per case, its once-key — the
     * origin has already received: one statement for both.
     */
    public Set<String> relayKeysDelivered(String system, String eventId, String onceKey) {
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM relay_delivery WHERE system = ? AND event_id IN (?, ?)",
                String.class, system, eventId, onceKey == null ? eventId : onceKey));
    }

    /** Which of these events' relays the origin has already received: one statement for all of them. */
    public Set<String> relaysDelivered(String system, List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(eventIds.size() + 1);
        args.add(system);
        args.addAll(eventIds);
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM relay_delivery WHERE system = ? AND event_id IN ("
                + String.join(", ", Collections.nCopies(eventIds.size(), "?")) + ")", String.class, args.toArray()));
    }

    /** Records one delivery on its own (a department channel's call); a second record of the same key is ignored. */
    public void markRelayDelivered(String eventId, String system) {
        try {
            jdbc.update("INSERT INTO relay_delivery (event_id, system, delivered_at) VALUES (?, ?, ?)",
                    eventId, system, OffsetDateTime.now());
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivered message that was sent again: the first record stands
        }
    }

    /**
     * What became of a relay the origin answered, in ONE database transaction: its raw message in the audit log
     * ({@link RawMessageWriter}: SENT with the body exactly as sent, or FAILED when the origin dropped it) and, for a
     * message sent, the {@code relay_delivery} rows of {@code deliveredKeys} (event id, once-key) with plain inserts.
     * Should another consumer have recorded one of the keys meanwhile (two copies of one relay at the same moment),
     * the origin took both: this send is audited as well and the keys it lacks are added one by one.
     */
    public void recordRelay(AuditRecord sent, List<String> deliveredKeys) {
        try {
            tx.executeWithoutResult(s -> {
                RawMessageWriter.append(jdbc, sent);
                insertDeliveries(sent.system(), deliveredKeys);
            });
        } catch (DuplicateKeyException raced) {
            RawMessageWriter.append(jdbc, sent);
            deliveredKeys.forEach(key -> markRelayDelivered(key, sent.system()));
        }
    }

    private void insertDeliveries(String system, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Object> args = new ArrayList<>();
        for (String key : keys) {
            args.addAll(List.of(key, system, now));
        }
        jdbc.update("INSERT INTO relay_delivery (event_id, system, delivered_at) VALUES "
                + String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?)")), args.toArray());
    }
}
