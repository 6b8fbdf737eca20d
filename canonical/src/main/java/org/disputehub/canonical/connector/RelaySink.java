package org.disputehub.canonical.connector;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.ConnectorMetrics.Direction;
import org.disputehub.canonical.connector.ConnectorMetrics.Outcome;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of every {@link RelayRoute}: {@link #prepare} reads the relay event and decides whether and what to
 * send (no code in the {@link StatusVocabulary}, already delivered, or a once-per-case code already sent → skipped;
 * one query for both keys); {@link #send} sends it and records the answer. A connector completes it with its own
 * {@link #map mapping} and {@link #deliver send}; the send throws {@link PermanentFailureException} (parked at once,
 * with an {@code ALERT} line) or {@link TemporaryFailureException} (retried with back-off by the hub error policy,
 * then parked), or {@link Dropped} when the origin refuses the message as outdated (recorded FAILED, not retried).
 * A malformed relay event is permanent.
 * <p>
 * Once the origin accepted, {@link ConnectorStore#recordRelay} commits in ONE database transaction the raw message
 * (OUT, SENT, the body exactly as sent) and the {@code relay_delivery} rows of the event and its once-key; no
 * {@code HUB.AUDIT} message. The JMS transaction of the relay message commits after it. Crash points:
 * <ul>
 *   <li>before or during the send, or after the origin accepted but before the database commit: the JMS transaction
 *       rolls back, the message comes again and is sent again (at least once, as the origin's idempotency expects);
 *       only the send that is committed is in the audit log;</li>
 *   <li>after the database commit, before the JMS commit: the message comes again, {@link #prepare} finds it
 *       delivered and skips it — not sent again, audited once, nothing lost;</li>
 *   <li>the database commit itself fails: a temporary failure; the hub error policy retries this step, which only
 *       records (the origin is not asked again), and parks the message if the database stays away.</li>
 * </ul>
 */
public abstract class RelaySink {

    /** Exchange property: true when the event is to be sent. */
    public static final String SEND = "hubRelaySend";
    static final String OUTGOING = "hubRelayOutgoing";
    private static final Logger log = LoggerFactory.getLogger(RelaySink.class);

    private final String system;
    private final String connector;
    private final ConnectorStore store;
    private final StatusVocabulary vocabulary;
    private final ConnectorMetrics metrics;
    private final Clock clock;

    protected RelaySink(String system, String connector, ConnectorStore store, StatusVocabulary vocabulary,
                        ConnectorMetrics metrics, Clock clock) {
        this.system = system;
        this.connector = connector;
        this.store = store;
        this.vocabulary = vocabulary;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The origin's message for one status change: {@code code} is the vocabulary's code for the event's status and
     * {@code note} the event's note or the vocabulary's default.
     */
    protected abstract Outgoing map(RelayEvent relay, String code, String note);

    /** Sends one message; returns normally only when the origin took it. */
    protected abstract void deliver(Outgoing outgoing, Exchange exchange);

    /** Called for every well-formed relay event, sent or not (a connector that remembers something of each). */
    protected void seen(RelayEvent relay) {
    }

    public final String system() {
        return system;
    }

    public final String connector() {
        return connector;
    }

    public final void prepare(Exchange exchange) {
        exchange.setProperty(SEND, false);
        RelayEvent relay = read(exchange.getMessage().getBody(String.class));
        StatusEvent event = relay.event();
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, event.caseId());
        seen(relay);
        Optional<String> code = vocabulary.code(event.status());
        if (code.isEmpty()) {
            skipped(false, "caseId={} status {} has no {} equivalent, not sent", event.caseId(), event.status(), system);
            return;
        }
        String onceKey = vocabulary.once(code.get()) ? onceKey(event.caseId(), code.get()) : null;
        Set<String> delivered = store.relayKeysDelivered(system, event.eventId(), onceKey);
        if (delivered.contains(event.eventId())) {
            skipped(true, "caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        if (!delivered.isEmpty()) {
            skipped(true, "caseId={} {} → {} already sent for this case, not sent again", event.caseId(), event.status(),
                    code.get());
            return;
        }
        String note = event.note() == null || event.note().isBlank() ? vocabulary.defaultNote(event.status()) : event.note();
        Outgoing outgoing = map(relay, code.get(), note)
                .sending(event.caseId(), event.eventId(), event.status() + " → " + code.get(), onceKey);
        exchange.setProperty(SEND, true);
        exchange.setProperty(OUTGOING, outgoing);
    }

    /**
     * Sends the prepared message, then records the origin's answer in one database transaction (see the class
     * comment). A retry of this step after the origin answered only records: the origin is not asked twice.
     */
    public final void send(Exchange exchange) {
        Outgoing out = exchange.getProperty(OUTGOING, Outgoing.class);
        String what = connector + " relay caseId=" + out.caseId + " " + out.transition + " to " + out.sourceId;
        if (out.outcome == null) {
            try {
                deliver(out, exchange);
                out.answered(AuditRecord.Outcome.SENT, out.transition);
            } catch (Dropped e) {
                metrics.message(Direction.OUT, Outcome.FAILED);
                log.warn("{} dropped: {}", Masking.text(what), Masking.text(e.getMessage()));
                out.answered(AuditRecord.Outcome.FAILED, e.getMessage());
            } catch (PermanentFailureException e) {
                metrics.message(Direction.OUT, Outcome.FAILED);
                log.error("ALERT {} refused for good, parked on the DLQ for review: {}", Masking.text(what),
                        Masking.text(e.getMessage()));
                throw new PermanentFailureException(what + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                metrics.message(Direction.OUT, Outcome.FAILED);
                throw new TemporaryFailureException(what + ": " + e.getMessage(), e);
            }
        }
        boolean sent = out.outcome == AuditRecord.Outcome.SENT;
        List<String> keys = !sent ? List.of() : out.onceKey == null ? List.of(out.eventId) : List.of(out.eventId, out.onceKey);
        try {
            store.recordRelay(new AuditRecord(system, AuditRecord.Direction.OUT, out.sourceId, out.contentType, out.body,
                    out.outcome, out.reason, OffsetDateTime.now(clock)), keys);
        } catch (RuntimeException e) {
            throw new TemporaryFailureException(what + ": answered by the origin, not recorded yet: " + e.getMessage(), e);
        }
        if (sent) {
            metrics.message(Direction.OUT, Outcome.SENT);
            log.info("{} relay caseId={} {} delivered to {}", connector, out.caseId, out.transition, Masking.text(out.sourceId));
        }
    }

    /** The origin's department for the event: the relay's, else the actor's. */
    protected static String deptCode(RelayEvent relay) {
        StatusEvent event = relay.event();
        return relay.deptCode() != null ? relay.deptCode() : event.actor() == null ? null : event.actor().deptCode();
    }

    static String onceKey(String caseId, String code) {
        return caseId + "#once:" + code;
    }

    private RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException(connector + " relay: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || blank(event.caseId()) || event.status() == null
                || event.occurredAt() == null || blank(relay.sourceId())) {
            throw new PermanentFailureException(connector + " relay: relay event lacks event.eventId, event.caseId, "
                    + "event.status, event.occurredAt or sourceId");
        }
        if (!system.equals(relay.system())) {
            throw new PermanentFailureException(connector + " relay: relay event for system " + relay.system()
                    + " on the " + system + " queue");
        }
        return relay;
    }

    private void skipped(boolean info, String format, Object... args) {
        metrics.message(Direction.OUT, Outcome.SKIPPED);
        if (info) {
            log.info(connector + " relay " + format, args);
        } else {
            log.debug(connector + " relay " + format, args);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** What goes to the origin: its own id of the case, the body exactly as sent and its content type. */
    public static final class Outgoing {

        private final String sourceId;
        private final String body;
        private final String contentType;
        private String caseId;
        private String eventId;
        private String transition;
        private String onceKey;
        private AuditRecord.Outcome outcome;
        private String reason;

        public Outgoing(String sourceId, String body, String contentType) {
            this.sourceId = sourceId;
            this.body = body;
            this.contentType = contentType;
        }

        Outgoing sending(String caseId, String eventId, String transition, String onceKey) {
            this.caseId = caseId;
            this.eventId = eventId;
            this.transition = transition;
            this.onceKey = onceKey;
            return this;
        }

        void answered(AuditRecord.Outcome outcome, String reason) {
            this.outcome = outcome;
            this.reason = reason;
        }

        public String sourceId() {
            return sourceId;
        }

        public String body() {
            return body;
        }
    }

    /** The origin refused the message as outdated: recorded FAILED with this reason, neither retried nor parked. */
    public static class Dropped extends RuntimeException {

        public Dropped(String reason) {
            super(reason);
        }
    }
}
