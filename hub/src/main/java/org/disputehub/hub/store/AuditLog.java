package org.disputehub.hub.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.RawMessageWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The raw-message audit log: every inbound and outbound message as received/sent, each record's SHA-256 hash
 * chained to the previous one, so editing or deleting a record is detectable. Writers only insert, in their own
 * transaction and in parallel, through the one {@link RawMessageWriter} (the hub for {@code HUB.AUDIT}, the
 * connectors' relays directly); {@link #chainPending} — run by {@link AuditChainer} every
 * {@code hub.audit.chain-interval-ms}, and before every verify and purge — appends the stored records to the
 * chain in id order under the lock of the single chain-head row, so the chain stays linear across threads and
 * instances while no writer waits for it.
 */
@Component
public class AuditLog {

    static final int CHAIN_BATCH = 500;
    private static final String COLUMNS = "id, system, direction, ref, content_type, body, outcome, reason, recorded_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Stores one record in the caller's transaction (or a new one) and returns its id; it is chained shortly after. */
    @Transactional(propagation = Propagation.REQUIRED)
    public long append(AuditRecord r) {
        return RawMessageWriter.append(jdbc, r);
    }

    /** Chains every committed record not chained yet, {@link #CHAIN_BATCH} per transaction; returns how many. */
    public int chainPending() {
        int total = 0;
        for (int n = CHAIN_BATCH; n == CHAIN_BATCH; total += n) {
            n = tx.execute(s -> chainBatch());
        }
        return total;
    }

    private int chainBatch() {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("last_id")).longValue();
        String prev = (String) head.get("last_hash");
        List<Object[]> updates = new ArrayList<>();
        String[] last = {prev};
        long[] position = {seq};
        jdbc.query("SELECT " + COLUMNS + " FROM raw_message WHERE chain_seq IS NULL ORDER BY id LIMIT " + CHAIN_BATCH,
                rs -> {
                    String hash = hash(last[0], rs.getString("system"), rs.getString("direction"), rs.getString("ref"),
                            rs.getString("content_type"), rs.getString("body"), rs.getString("outcome"),
                            rs.getString("reason"), rs.getObject("recorded_at", OffsetDateTime.class));
                    updates.add(new Object[] {last[0], hash, ++position[0], rs.getLong("id")});
                    last[0] = hash;
                });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE raw_message SET prev_hash = ?, hash = ?, chain_seq = ? WHERE id = ?", updates);
            jdbc.update("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", position[0], last[0]);
        }
        return updates.size();
    }

    /**
     * Chains what is pending, then recomputes the chain from its anchor (genesis, or the last purged record) to the
     * head; returns the id of the first record that does not match — edited, inserted, or the one after a deleted
     * record — if any ({@code -1} when records were removed from the end).
     */
    public Optional<Long> firstBrokenRecord() {
        chainPending();
        return tx.execute(s -> {
            // the head first: records chained while we read (beyond it) are not part of this check
            Map<String, Object> head = jdbc.queryForMap("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
            String[] expectedPrev = {jdbc.queryForObject("SELECT anchor_hash FROM audit_anchor WHERE id = 1", String.class)};
            Long[] broken = {null};
            jdbc.query("SELECT " + COLUMNS + ", prev_hash, hash FROM raw_message WHERE chain_seq <= ? ORDER BY chain_seq",
                    rs -> {
                        if (broken[0] != null) {
                            return;
                        }
                        String prev = rs.getString("prev_hash");
                        String recomputed = hash(prev, rs.getString("system"), rs.getString("direction"),
                                rs.getString("ref"), rs.getString("content_type"), rs.getString("body"),
                                rs.getString("outcome"), rs.getString("reason"),
                                rs.getObject("recorded_at", OffsetDateTime.class));
                        if (!expectedPrev[0].equals(prev) || !recomputed.equals(rs.getString("hash"))) {
                            broken[0] = rs.getLong("id");
                        }
                        expectedPrev[0] = rs.getString("hash");
                    }, ((Number) head.get("last_id")).longValue());
            if (broken[0] == null && !expectedPrev[0].equals(head.get("last_hash"))) {
                broken[0] = -1L;
            }
            return Optional.ofNullable(broken[0]);
        });
    }

    /**
     * Retention: chains what is pending, then removes the chained records recorded before {@code before} and moves
     * the chain's anchor to the last one removed, so what remains still verifies. Serialised with the chainer on the
     * chain head. Returns how many went.
     */
    public int purgeBefore(OffsetDateTime before) {
        chainPending();
        return tx.execute(s -> {
            jdbc.queryForMap("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE");
            Long last = jdbc.queryForObject("SELECT MAX(chain_seq) FROM raw_message WHERE recorded_at < ?", Long.class,
                    before);
            if (last == null) {
                return 0;
            }
            String anchor = jdbc.queryForObject("SELECT hash FROM raw_message WHERE chain_seq = ?", String.class, last);
            int removed = jdbc.update("DELETE FROM raw_message WHERE chain_seq <= ?", last);
            jdbc.update("UPDATE audit_anchor SET purged_to_id = ?, anchor_hash = ? WHERE id = 1", last, anchor);
            return removed;
        });
    }

    static String hash(String prev, String system, String direction, String ref, String contentType, String body,
                       String outcome, String reason, OffsetDateTime at) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, system, direction, ref, contentType, body, outcome, reason,
                    at.withOffsetSameInstant(ZoneOffset.UTC).toString()}) {
                byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
