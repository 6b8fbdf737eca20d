package org.disputehub.connector.labor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.RawMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the hub must hear about one row past a batch's watermark, in crash-safe order: first send (the envelope, or
 * the audit record of a bad row), then, in one database transaction, record the row's hash as the complaint's
 * version and move the watermark {@code labor:{batch}} to the row's line. A complaint never seen → NEW; seen with
 * another hash → UPDATE; seen with this very hash → nothing is sent (unchanged: a re-export of the same row).
 * Only a stop between the send and that transaction repeats a row (once): a repeated NEW is a duplicate the hub
 * drops by (system, sourceId), a repeated UPDATE rewrites the same data.
 * One instance per batch run (it keeps a digest): not thread-safe.
 */
final class RowIntake {

    enum Outcome { NEW, UPDATE, UNCHANGED, REJECTED }

    static final String HEADER_LINE = String.join(",", Labor.HEADER);
    private static final Logger log = LoggerFactory.getLogger(RowIntake.class);

    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final TransactionTemplate transaction;
    private final String batch;
    private final String watermark;
    private final OffsetDateTime exportedAt;
    private final MessageDigest sha256;

    RowIntake(ConnectorStore store, IntakePublisher publisher, TransactionTemplate transaction, String batch,
              OffsetDateTime exportedAt) {
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
        this.batch = batch;
        this.watermark = Labor.watermarkName(batch);
        this.exportedAt = exportedAt;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Outcome accept(BatchRow row, CanonicalCase mapped) {
        String complaintNo = mapped.source().sourceId();
        String raw = row.raw();
        String hash = HexFormat.of().formatHex(sha256.digest(raw.getBytes(StandardCharsets.UTF_8)));
        Optional<String> seen = store.sourceVersion(Labor.SYSTEM, complaintNo);
        if (seen.isPresent() && seen.get().equals(hash)) {
            store.saveWatermark(watermark, Long.toString(row.line()));
            log.debug("labor batch {} line {}: complaint {} unchanged, not sent again", batch, row.line(), complaintNo);
            return Outcome.UNCHANGED;
        }
        EnvelopeType type = seen.isPresent() ? EnvelopeType.UPDATE : EnvelopeType.NEW;
        publisher.envelope(new CaseEnvelope(UUID.randomUUID().toString(), type, Labor.SYSTEM, complaintNo, exportedAt,
                mapped, null, new RawMessage(Labor.ROW_CONTENT_TYPE, HEADER_LINE + "\r\n" + raw)));
        transaction.executeWithoutResult(tx -> {
            store.saveSourceVersion(Labor.SYSTEM, complaintNo, hash);
            store.saveWatermark(watermark, Long.toString(row.line()));
        });
        log.debug("labor batch {} line {}: complaint {} → {} on intake", batch, row.line(), complaintNo, type);
        return type == EnvelopeType.NEW ? Outcome.NEW : Outcome.UPDATE;
    }

    Outcome reject(BatchRow row, String reason) {
        publisher.audit(new AuditRecord(Labor.SYSTEM, AuditRecord.Direction.IN, batch + ":" + row.line(),
                Labor.ROW_CONTENT_TYPE, HEADER_LINE + "\r\n" + row.raw(), AuditRecord.Outcome.REJECTED,
                "line " + row.line() + ": " + reason, OffsetDateTime.now(Labor.OFFSET)));
        store.saveWatermark(watermark, Long.toString(row.line()));
        log.debug("labor batch {} line {} rejected", batch, row.line());
        return Outcome.REJECTED;
    }
}
