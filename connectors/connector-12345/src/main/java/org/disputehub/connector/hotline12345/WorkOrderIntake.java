package org.disputehub.connector.hotline12345;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.RawMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one record of a listing page into what the hub must hear about it, in crash-safe order:
 * send the envelope (or the rejection audit), then record the version seen, then advance the watermark.
 * A crash between the steps repeats the record at most once and never skips it.
 * <ul>
 *   <li>order never seen → NEW (and a WITHDRAW right after it when it is already 已撤销);</li>
 *   <li>seen, and this {@code updateTime} is newer → UPDATE, or WITHDRAW when it is 已撤销;</li>
 *   <li>seen at this version or a newer one → skipped;</li>
 *   <li>malformed → an audit record REJECTED on HUB.AUDIT, and the watermark moves past it.</li>
 * </ul>
 * Records at or before the watermark are skipped unless the store has never seen their version: one
 * that turns up late within the watermark's second is still taken in.
 */
public class WorkOrderIntake {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderIntake.class);
    private static final String JSON = "application/json";
    private static final int REJECTS_REMEMBERED = 1000;
    /** The largest record taken in (its raw JSON travels whole in the envelope); a full record is under 16 KiB. */
    static final int MAX_RECORD_BYTES = 64 * 1024;
    /** How far an updateTime may be ahead of the hub's clock (clock skew) before it is refused. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final WorkOrderMapper mapper;
    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final ConnectorMetrics metrics;
    private final Clock clock;
    /**
     * Rejected records (raw JSON) already audited: one without a usable position or behind the watermark is audited
     * once per JVM, not once per cycle.
     */
    private final Set<String> rejectsKept = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REJECTS_REMEMBERED;
                }
            }));

    public WorkOrderIntake(WorkOrderMapper mapper, ConnectorStore store, IntakePublisher publisher,
                           ConnectorMetrics metrics, Clock clock) {
        this.mapper = mapper;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Handles one record; returns the watermark after it (already saved). */
    public Watermark accept(JsonNode record, Watermark watermark) {
        String raw = record.toString();
        Watermark position;
        try {
            position = new Watermark(WorkOrderMapper.time(record, "updateTime"), WorkOrderMapper.orderNo(record));
        } catch (MalformedWorkOrderException e) {
            return reject(record, raw, e, null, watermark);
        }
        if (position.time().isAfter(now().plus(FUTURE_TOLERANCE))) {
            // refused without moving the watermark: a forged far-future time would make every later record "old"
            MalformedWorkOrderException future = new MalformedWorkOrderException("updateTime", "in the future ("
                    + position.time() + ", more than " + FUTURE_TOLERANCE.toHours() + " h ahead of the hub's clock)");
            return reject(record, raw, future, null, watermark);
        }
        int size = raw.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_RECORD_BYTES) {
            return reject(record, raw.substring(0, Math.min(raw.length(), MAX_RECORD_BYTES)),
                    new MalformedWorkOrderException("record", "over " + MAX_RECORD_BYTES + " bytes (" + size
                            + "; recorded: the first " + MAX_RECORD_BYTES + " characters)"), position, watermark);
        }
        Optional<OffsetDateTime> seen = store.sourceVersion(Hotline12345.SYSTEM, position.orderNo()).map(WorkOrderIntake::version);
        if (seen.isPresent() && !position.time().isAfter(seen.get())) {
            metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.SKIPPED);
            log.debug("hotline12345 work order {} at {} already seen, skipped", position.orderNo(), position.time());
            return advance(watermark, position);
        }
        boolean withdrawn = Hotline12345.WITHDRAWN.equals(record.path("orderStatus").asText());
        EnvelopeType type = seen.isEmpty() ? EnvelopeType.NEW : withdrawn ? EnvelopeType.WITHDRAW : EnvelopeType.UPDATE;
        CanonicalCase mapped = null;
        if (type != EnvelopeType.WITHDRAW) {
            try {
                mapped = mapper.map(record, now());
            } catch (MalformedWorkOrderException e) {
                if (position.compareTo(watermark) <= 0) {
                    // re-served (recorded already, unless this JVM restarted) or out of the contract's order: recorded
                    // once per JVM, the watermark stays
                    return reject(record, raw, e, null, watermark);
                }
                return reject(record, raw, e, position, watermark);
            }
        }
        RawMessage rawMessage = new RawMessage(JSON, raw);
        publisher.envelope(envelope(type, position, mapped, rawMessage));
        if (type == EnvelopeType.NEW && withdrawn) {
            publisher.envelope(envelope(EnvelopeType.WITHDRAW, position, null, rawMessage));
        }
        store.saveSourceVersion(Hotline12345.SYSTEM, position.orderNo(),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(position.time()));
        metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.ACCEPTED);
        log.info("hotline12345 work order {} updated {} → {}{} on intake", position.orderNo(), position.time(), type,
                type == EnvelopeType.NEW && withdrawn ? "+WITHDRAW" : "");
        return advance(watermark, position);
    }

    private CaseEnvelope envelope(EnvelopeType type, Watermark position, CanonicalCase mapped, RawMessage raw) {
        return new CaseEnvelope(UUID.randomUUID().toString(), type, Hotline12345.SYSTEM, position.orderNo(),
                position.time(), mapped, type == EnvelopeType.WITHDRAW ? Hotline12345.WITHDRAW_REASON : null, raw);
    }

    private Watermark reject(JsonNode record, String raw, MalformedWorkOrderException e, Watermark position,
                             Watermark watermark) {
        if (!rejectsKept.add(raw) && position == null) {
            log.debug("hotline12345 rejected record seen again, already audited");
            return watermark;
        }
        JsonNode orderNo = record.path("orderNo");
        String ref = orderNo.isTextual() && !orderNo.asText().isBlank() ? clip(orderNo.asText()) : "?";
        publisher.audit(new AuditRecord(Hotline12345.SYSTEM, AuditRecord.Direction.IN, ref, JSON, raw,
                AuditRecord.Outcome.REJECTED, e.getMessage(), now()));
        metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.REJECTED);
        log.warn("hotline12345 rejected work order {}: {}", Masking.text(ref), Masking.text(e.getMessage()));
        return position == null ? watermark : advance(watermark, position);
    }

    private Watermark advance(Watermark watermark, Watermark position) {
        Watermark next = watermark.max(position);
        if (!next.equals(watermark)) {
            store.saveWatermark(Hotline12345Poller.WATERMARK, next.format());
        }
        return next;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(Hotline12345.OFFSET);
    }

    private static OffsetDateTime version(String stored) {
        try {
            return OffsetDateTime.parse(stored);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.MIN; // written by something else: anything from the platform is newer
        }
    }

    /** A reference fit for a log line and the audit record: at most 128 characters, no control characters. */
    private static String clip(String ref) {
        return (ref.length() > 128 ? ref.substring(0, 128) : ref).replaceAll("\\p{Cntrl}", "?");
    }
}
