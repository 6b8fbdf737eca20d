package org.disputehub.canonical.connector;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The little state a connector keeps in the hub's store: poller watermarks, the last version seen
 * of each source record, and which relayed status events an origin has already received.
 * Tables come from the hub's Flyway migrations (db/migration in this module).
 */
public class ConnectorStore {

    private final JdbcTemplate jdbc;

    public ConnectorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    public void saveSourceVersion(String system, String sourceId, String version) {
        OffsetDateTime now = OffsetDateTime.now();
        if (jdbc.update("UPDATE source_record SET version = ?, updated_at = ? WHERE system = ? AND source_id = ?",
                version, now, system, sourceId) == 0) {
            jdbc.update("INSERT INTO source_record (system, source_id, version, updated_at) VALUES (?, ?, ?, ?)",
                    system, sourceId, version, now);
        }
    }

    /**
     * The hub case id of a source record, allocated on first sight and the same ever after: a push connector
     * can answer the origin with it at once, and the hub's intake uses it for the case. Run it in a transaction
     * with the envelope send's outcome in mind: an allocated id that never reaches the hub only leaves a gap.
     */
    public String allocateCaseId(String system, String sourceId) {
        Optional<String> known = jdbc.queryForList("SELECT case_id FROM source_record WHERE system = ? AND source_id = ?"
                + " AND case_id IS NOT NULL", String.class, system, sourceId).stream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        Long n = jdbc.queryForObject("SELECT nextval('case_seq')", Long.class);
        String caseId = "HUB-" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%06d", n);
        OffsetDateTime now = OffsetDateTime.now();
        try {
            if (jdbc.update("UPDATE source_record SET case_id = ?, updated_at = ? WHERE system = ? AND source_id = ?"
                    + " AND case_id IS NULL", caseId, now, system, sourceId) == 0) {
                jdbc.update("INSERT INTO source_record (system, source_id, version, updated_at, case_id) VALUES (?, ?, ?, ?, ?)",
                        system, sourceId, "-", now, caseId);
            }
        } catch (DuplicateKeyException raced) {
            // another instance allocated it at the same moment: theirs stands
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
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM relay_delivery WHERE event_id = ? AND system = ?",
                Integer.class, eventId, system);
        return n != null && n > 0;
    }

    public void markRelayDelivered(String eventId, String system) {
        try {
            jdbc.update("INSERT INTO relay_delivery (event_id, system, delivered_at) VALUES (?, ?, ?)",
                    eventId, system, OffsetDateTime.now());
        } catch (DuplicateKeyException alreadyRecorded) {
            // a redelivered relay message that was sent again: the first record stands
        }
    }
}
