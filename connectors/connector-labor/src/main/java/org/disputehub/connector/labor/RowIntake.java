package org.disputehub.connector.labor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * What the hub must hear about the rows past a batch's watermark, in crash-safe order, a chunk of rows at a time (up
 * to {@link #CHUNK}, and always before a bad row, a pause and the batch's end): first send (the chunk's envelopes in
 * one JMS transaction; the audit record of a bad row), then, in one database transaction, record each row's hash as
 * its complaint's version and move the watermark {@code labor:{batch}} to the chunk's last line. A complaint never seen
 * → NEW; seen with another hash → UPDATE; seen with this very hash → nothing is sent (unchanged: a re-export of the
 * same row). Only a stop between the send and that transaction repeats rows (once, the chunk's): a repeated NEW is a
 * duplicate the hub drops by (system, sourceId), a repeated UPDATE rewrites the same data.
 * One instance per batch run (it keeps a digest and the chunk): not thread-safe.
 */
final class RowIntake {

    enum Outcome { NEW, UPDATE, UNCHANGED, REJECTED }

    /** Rows sent and recorded together: one journal sync and one database commit per chunk instead of per row. */
    static final int CHUNK = 100;
    static final String HEADER_LINE = String.join(",", Labor.HEADER);
    private static final Logger log = LoggerFactory.getLogger(RowIntake.class);

    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final TransactionTemplate transaction;
    private final String batch;
    private final String watermark;
    private final OffsetDateTime exportedAt;
    private final MessageDigest sha256;
    private final List<CaseEnvelope> envelopes = new ArrayList<>();
    /** The versions of the chunk's rows, in row order (a complaint twice in one chunk: its last row's). */
    private final Map<String, String> versions = new LinkedHashMap<>();
    private long lastLine = -1;

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
        Optional<String> seen = Optional.ofNullable(versions.get(complaintNo))
                .or(() -> store.sourceVersion(Labor.SYSTEM, complaintNo));
        lastLine = row.line();
        if (seen.isPresent() && seen.get().equals(hash)) {
            log.debug("labor batch {} line {}: complaint {} unchanged, not sent again", batch, row.line(), complaintNo);
            flushIfFull();
            return Outcome.UNCHANGED;
        }
        EnvelopeType type = seen.isPresent() ? EnvelopeType.UPDATE : EnvelopeType.NEW;
        envelopes.add(new CaseEnvelope(UUID.randomUUID().toString(), type, Labor.SYSTEM, complaintNo, exportedAt,
                mapped, null, new RawMessage(Labor.ROW_CONTENT_TYPE, HEADER_LINE + "\r\n" + raw)));
        versions.put(complaintNo, hash);
        log.debug("labor batch {} line {}: complaint {} → {} on intake", batch, row.line(), complaintNo, type);
        flushIfFull();
        return type == EnvelopeType.NEW ? Outcome.NEW : Outcome.UPDATE;
    }

    Outcome reject(BatchRow row, String reason) {
        flush();
        publisher.audit(new AuditRecord(Labor.SYSTEM, AuditRecord.Direction.IN, batch + ":" + row.line(),
                Labor.ROW_CONTENT_TYPE, HEADER_LINE + "\r\n" + row.raw(), AuditRecord.Outcome.REJECTED,
                "line " + row.line() + ": " + reason, OffsetDateTime.now(Labor.OFFSET)));
        store.saveWatermark(watermark, Long.toString(row.line()));
        log.debug("labor batch {} line {} rejected", batch, row.line());
        return Outcome.REJECTED;
    }

    /** Sends the chunk's envelopes and records their versions and the watermark; throws if the send fails. */
    void flush() {
        if (lastLine < 0) {
            return;
        }
        publisher.envelopes(envelopes);
        long line = lastLine;
        transaction.executeWithoutResult(tx -> {
            versions.forEach((complaintNo, hash) -> store.saveSourceVersion(Labor.SYSTEM, complaintNo, hash));
            store.saveWatermark(watermark, Long.toString(line));
        });
        envelopes.clear();
        versions.clear();
        lastLine = -1;
    }

    private void flushIfFull() {
        if (envelopes.size() >= CHUNK) {
            flush();
        }
    }
}
