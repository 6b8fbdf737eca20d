package org.disputehub.connector.labor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.connector.labor.BatchResult.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One batch file, start to end. First the whole file is read once without sending anything, so a file that is
 * not GBK, has the wrong header or broken quoting goes to error/ whole, audited. Then rows
 * are streamed: a bad row goes to {batch}.rejected.csv and the audit log, the good rows to the hub a chunk at a time;
 * after each chunk and each bad row the watermark {@code labor:{batch}} records its line ({@link RowIntake}). After a restart the rows up to the watermark are only
 * re-checked (to rebuild the rejected list), never sent again. Finally the file and its marker move to done/.
 */
public class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private final ComplaintMapper mapper;
    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final BatchFiles files;
    private final ConnectorMetrics metrics;
    private final TransactionTemplate transaction;

    public BatchProcessor(ComplaintMapper mapper, ConnectorStore store, IntakePublisher publisher, BatchFiles files,
                          ConnectorMetrics metrics, TransactionTemplate transaction) {
        this.mapper = mapper;
        this.store = store;
        this.publisher = publisher;
        this.files = files;
        this.metrics = metrics;
        this.transaction = transaction;
    }

    /** Processes one batch (its marker present); throws when a send or the disk fails (retry on the next scan). */
    public BatchResult process(Path csv, BooleanSupplier stop) {
        String batch = BatchFiles.batchName(csv);
        String watermark = Labor.watermarkName(batch);
        long resumeAfter = store.watermark(watermark).map(Long::parseLong).orElse(0L);
        log.info("labor batch {} started ({} bytes{})", batch, files.size(csv),
                resumeAfter > 0 ? ", resuming after line " + resumeAfter : "");
        OffsetDateTime exportedAt;
        long readAhead;
        try {
            exportedAt = exportedAt(csv);
            readAhead = check(csv);
        } catch (UnreadableBatchException e) {
            return refuse(csv, batch, e, resumeAfter);
        }
        RowIntake intake = new RowIntake(store, publisher, transaction, batch, exportedAt);
        Tally tally = new Tally();
        try (BatchReader reader = BatchReader.open(csv); RejectedRows rejected = new RejectedRows(files.errorDir(), batch)) {
            for (BatchRow row = reader.next(); row != null; row = reader.next()) {
                if (stop.getAsBoolean()) {
                    intake.flush();
                    log.info("labor batch {} paused after line {}: the connector is stopping; it resumes there",
                            batch, store.watermark(watermark).orElse("0"));
                    return tally.result(batch, Outcome.PAUSED, resumeAfter, Math.max(readAhead, reader.maxReadAhead()));
                }
                tally.add(handle(row, rejected, intake, resumeAfter));
            }
            intake.flush();
            readAhead = Math.max(readAhead, reader.maxReadAhead());
            rejected.publish();
        } catch (UnreadableBatchException e) {
            throw new UncheckedIOException(new IOException(batch + " changed while it was being read: " + e.getMessage()));
        }
        files.complete(csv);
        Labor.batch(metrics, "done");
        BatchResult r = tally.result(batch, Outcome.DONE, resumeAfter, readAhead);
        log.info("labor batch {} done, moved to done/: {} rows read, {} accepted ({} new, {} updates), {} rejected{}, "
                + "{} unchanged{}", batch, r.rows(), r.accepted(), r.created(), r.updated(), r.rejected(),
                r.rejected() > 0 ? " (listed in " + batch + RejectedRows.SUFFIX + ")" : "", r.unchanged(),
                resumeAfter > 0 ? "; " + r.earlier() + " rows up to line " + resumeAfter + " were taken in before a restart" : "");
        return r;
    }

    /** Null: the row was taken in before a restart. */
    private RowIntake.Outcome handle(BatchRow row, RejectedRows rejected, RowIntake intake, long resumeAfter) {
        CanonicalCase mapped = null;
        String problem = null;
        try {
            mapped = mapper.map(row, OffsetDateTime.now(Labor.OFFSET));
        } catch (MalformedRowException e) {
            problem = e.getMessage();
            rejected.add(row.line(), problem, row.raw());
        }
        if (row.line() <= resumeAfter) {
            return problem != null ? RowIntake.Outcome.REJECTED : null;
        }
        Labor.row(metrics, "read");
        RowIntake.Outcome outcome = problem != null ? intake.reject(row, problem) : intake.accept(row, mapped);
        Labor.row(metrics, switch (outcome) {
            case NEW, UPDATE -> "accepted";
            case UNCHANGED -> "unchanged";
            case REJECTED -> "rejected";
        });
        return outcome;
    }

    private BatchResult refuse(Path csv, String batch, UnreadableBatchException e, long resumeAfter) {
        String reason = e.reason();
        long size = files.size(csv);
        String note = size > BatchFiles.AUDIT_HEAD
                ? " (recorded: the first " + BatchFiles.AUDIT_HEAD + " of " + size + " bytes; the file is kept in error/)" : "";
        publisher.audit(new AuditRecord(Labor.SYSTEM, AuditRecord.Direction.IN, csv.getFileName().toString(),
                "text/csv; charset=GBK", files.head(csv), AuditRecord.Outcome.REJECTED, "batch refused: " + reason + note,
                OffsetDateTime.now(Labor.OFFSET)));
        files.refuse(csv, batch, reason);
        Labor.batch(metrics, "error");
        log.warn("labor batch {} refused, moved to error/ with {}.error.txt: {}", batch, batch, Masking.text(e.getMessage()));
        return new Tally().result(batch, Outcome.ERROR, resumeAfter, 0).withReason(reason);
    }

    /** Refuses a marker whose batch file is nowhere: audited, moved to error/ beside {batch}.error.txt. */
    public BatchResult refuseMarker(Path marker) {
        String name = marker.getFileName().toString();
        String batch = BatchFiles.batchName(Path.of(name.substring(0, name.length() - Labor.MARKER_SUFFIX.length())));
        String reason = "a marker without its batch file (" + batch + ".csv is not in the inbox)";
        publisher.audit(new AuditRecord(Labor.SYSTEM, AuditRecord.Direction.IN, name, "text/plain", "",
                AuditRecord.Outcome.REJECTED, "marker refused: " + reason, OffsetDateTime.now(Labor.OFFSET)));
        files.refuseMarker(marker, reason);
        Labor.batch(metrics, "error");
        log.warn("labor marker {} refused, moved to error/ with {}.error.txt: {}", name, batch, reason);
        return new Tally().result(batch, Outcome.ERROR, 0, 0).withReason(reason);
    }

    /** Reads the whole file once, sending nothing: the batch is readable, or it is refused whole. */
    private static long check(Path csv) {
        try (BatchReader reader = BatchReader.open(csv)) {
            while (reader.next() != null) {
                // the reader checks encoding, header, quoting and row length as it goes
            }
            return reader.maxReadAhead();
        }
    }

    private static OffsetDateTime exportedAt(Path csv) {
        Matcher m = Labor.BATCH_FILE.matcher(csv.getFileName().toString());
        try {
            if (m.matches()) {
                return LocalDateTime.parse(m.group(1), Labor.BATCH_TIME).atOffset(Labor.OFFSET);
            }
        } catch (DateTimeParseException e) {
            // falls through
        }
        throw new UnreadableBatchException("the file name is not LDJC_{yyyyMMddHHmmss}.csv with a valid time");
    }

    /** Row outcomes of one run over a batch. */
    private static final class Tally {
        private final long[] n = new long[RowIntake.Outcome.values().length];
        private long rows;
        private long earlier;

        void add(RowIntake.Outcome outcome) {
            rows++;
            if (outcome == null) {
                earlier++;
            } else {
                n[outcome.ordinal()]++;
            }
        }

        BatchResult result(String batch, Outcome outcome, long resumeAfter, long readAhead) {
            return new BatchResult(batch, outcome, rows, n[RowIntake.Outcome.NEW.ordinal()],
                    n[RowIntake.Outcome.UPDATE.ordinal()], n[RowIntake.Outcome.UNCHANGED.ordinal()],
                    n[RowIntake.Outcome.REJECTED.ordinal()], earlier, resumeAfter, readAhead, null);
        }
    }
}
