package org.disputehub.connector.hotline12345;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code hotline12345-feedback}: {@link #prepare} reads the relay event and decides
 * whether and what to send; {@link #send} posts it, records it as delivered and leaves the audit record
 * as the body. Unknown work order (4004) and a malformed relay event are permanent (parked at once);
 * every other failure is temporary (retried with back-off by the hub error policy, then parked).
 */
public class Hotline12345Feedback {

    /** Exchange property: true when the event is to be sent. */
    public static final String SEND = "hotline12345Send";
    static final String ORDER_NO = "hotline12345OrderNo";
    static final String BODY = "hotline12345Body";
    static final String EVENT_ID = "hotline12345EventId";
    private static final Logger log = LoggerFactory.getLogger(Hotline12345Feedback.class);

    private final Hotline12345Client client;
    private final ConnectorStore store;
    private final StatusVocabulary vocabulary;
    private final Hotline12345Metrics metrics;
    private final Clock clock;

    public Hotline12345Feedback(Hotline12345Client client, ConnectorStore store, StatusVocabulary vocabulary,
                                Hotline12345Metrics metrics, Clock clock) {
        this.client = client;
        this.store = store;
        this.vocabulary = vocabulary;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void prepare(Exchange exchange) {
        exchange.setProperty(SEND, false);
        RelayEvent relay = read(exchange.getMessage().getBody(String.class));
        StatusEvent event = relay.event();
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, event.caseId());
        if (store.relayDelivered(event.eventId(), Hotline12345.SYSTEM)) {
            metrics.message(Hotline12345Metrics.Direction.OUT, Hotline12345Metrics.Outcome.SKIPPED);
            log.info("hotline12345 feedback caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        Optional<String> status = vocabulary.status(event.status());
        if (status.isEmpty()) {
            metrics.message(Hotline12345Metrics.Direction.OUT, Hotline12345Metrics.Outcome.SKIPPED);
            log.debug("hotline12345 feedback caseId={} status {} has no hotline equivalent, not sent", event.caseId(), event.status());
            return;
        }
        String deptCode = relay.deptCode() != null ? relay.deptCode() : event.actor() == null ? null : event.actor().deptCode();
        String note = event.note() == null || event.note().isBlank() ? vocabulary.defaultResult(event.status()) : event.note();
        FeedbackBody body = new FeedbackBody(status.get(), deptCode, relay.deptName(),
                Hotline12345.WIRE_TIME.format(event.occurredAt().atZoneSameInstant(Hotline12345.OFFSET)), note);
        exchange.setProperty(SEND, true);
        exchange.setProperty(ORDER_NO, relay.sourceId());
        exchange.setProperty(EVENT_ID, event.eventId());
        exchange.setProperty(BODY, Json.write(body));
        log.debug("hotline12345 feedback caseId={} event {} {} → {} for work order {}", event.caseId(), event.eventId(),
                event.status(), status.get(), relay.sourceId());
    }

    public void send(Exchange exchange) {
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String orderNo = exchange.getProperty(ORDER_NO, String.class);
        String body = exchange.getProperty(BODY, String.class);
        try {
            client.sendFeedback(orderNo, body);
        } catch (Hotline12345CallException e) {
            metrics.message(Hotline12345Metrics.Direction.OUT, Hotline12345Metrics.Outcome.FAILED);
            String reason = "hotline12345 feedback caseId=" + caseId + " work order " + orderNo + ": " + e.getMessage();
            if (e.failure() == Hotline12345CallException.Failure.UNKNOWN_ORDER) {
                throw new PermanentFailureException(reason, e);
            }
            throw new TemporaryFailureException(reason, e);
        }
        store.markRelayDelivered(exchange.getProperty(EVENT_ID, String.class), Hotline12345.SYSTEM);
        metrics.message(Hotline12345Metrics.Direction.OUT, Hotline12345Metrics.Outcome.SENT);
        log.info("hotline12345 feedback caseId={} work order {} delivered", caseId, orderNo);
        exchange.getMessage().setBody(Json.write(new AuditRecord(Hotline12345.SYSTEM, AuditRecord.Direction.OUT, orderNo,
                "application/json", body, AuditRecord.Outcome.SENT, null, OffsetDateTime.now(clock))));
    }

    static RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("hotline12345 feedback: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || event.status() == null || event.occurredAt() == null
                || blank(relay.sourceId())) {
            throw new PermanentFailureException("hotline12345 feedback: relay event lacks event.eventId, event.status, "
                    + "event.occurredAt or sourceId");
        }
        if (!Hotline12345.SYSTEM.equals(relay.system())) {
            throw new PermanentFailureException("hotline12345 feedback: relay event for system " + relay.system()
                    + " on the HOTLINE12345 queue");
        }
        return relay;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The feedback body of contracts/hotline-12345.md, in its field order. */
    record FeedbackBody(String status, String handleDeptCode, String handleDept, String handleTime, String handleResult) {
    }
}
