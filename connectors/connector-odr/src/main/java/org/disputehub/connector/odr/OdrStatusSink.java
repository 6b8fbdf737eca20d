package org.disputehub.connector.odr;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code odr-status}: {@link #prepare} reads the relay event, remembers the case's department
 * and decides whether and what to send; {@link #send} PUTs it and leaves the audit record as the body.
 * 2xx: delivered. 409 (older than the platform's status): dropped with a log line and recorded FAILED, not parked.
 * Other replies: {@link OdrReplies}. A malformed relay event is permanent.
 */
public class OdrStatusSink {

    public static final String SEND = "odrSend";
    static final String DISPUTE_ID = "odrDisputeId";
    static final String BODY = "odrBody";
    static final String EVENT_ID = "odrEventId";
    static final String STATUS = "odrStatus";
    private static final Logger log = LoggerFactory.getLogger(OdrStatusSink.class);

    private final OdrClient client;
    private final OdrReplies replies;
    private final ConnectorStore store;
    private final OdrLinks links;
    private final StatusVocabulary vocabulary;
    private final OdrMetrics metrics;
    private final Clock clock;

    public OdrStatusSink(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links,
                         StatusVocabulary vocabulary, OdrMetrics metrics, Clock clock) {
        this.client = client;
        this.replies = replies;
        this.store = store;
        this.links = links;
        this.vocabulary = vocabulary;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void prepare(Exchange exchange) {
        exchange.setProperty(SEND, false);
        RelayEvent relay = read(exchange.getMessage().getBody(String.class));
        StatusEvent event = relay.event();
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, event.caseId());
        links.assigneeSeen(event.caseId(), relay.deptCode());
        if (store.relayDelivered(event.eventId(), Odr.SYSTEM)) {
            metrics.message(OdrMetrics.Direction.OUT, OdrMetrics.Outcome.SKIPPED);
            log.info("odr status caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        Optional<String> status = vocabulary.status(event.status());
        if (status.isEmpty()) {
            metrics.message(OdrMetrics.Direction.OUT, OdrMetrics.Outcome.SKIPPED);
            log.debug("odr status caseId={} status {} has no ODR equivalent, not sent", event.caseId(), event.status());
            return;
        }
        String note = event.note() == null || event.note().isBlank() ? vocabulary.defaultNote(event.status()) : event.note();
        StatusBody body = new StatusBody(status.get(), relay.deptName(), relay.deptCode(), note,
                Odr.WIRE_TIME.format(event.occurredAt().withOffsetSameInstant(Odr.OFFSET)));
        exchange.setProperty(SEND, true);
        exchange.setProperty(DISPUTE_ID, relay.sourceId());
        exchange.setProperty(EVENT_ID, event.eventId());
        exchange.setProperty(STATUS, event.status() + "→" + status.get());
        exchange.setProperty(BODY, Json.write(body));
    }

    public void send(Exchange exchange) {
        OdrReplies.clearDelay(exchange);
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String disputeId = exchange.getProperty(DISPUTE_ID, String.class);
        String body = exchange.getProperty(BODY, String.class);
        HttpResponse<String> reply = client.putStatus(disputeId, body);
        int code = reply.statusCode();
        String what = "odr status caseId=" + caseId + " dispute " + disputeId;
        AuditRecord.Outcome outcome;
        String reason = null;
        if (code / 100 == 2) {
            store.markRelayDelivered(exchange.getProperty(EVENT_ID, String.class), Odr.SYSTEM);
            metrics.message(OdrMetrics.Direction.OUT, OdrMetrics.Outcome.SENT);
            log.info("{} delivered ({})", what, exchange.getProperty(STATUS));
            outcome = AuditRecord.Outcome.SENT;
        } else if (code == 409) {
            metrics.message(OdrMetrics.Direction.OUT, OdrMetrics.Outcome.FAILED);
            reason = "HTTP 409: the platform holds a newer status; dropped";
            log.warn("{} dropped: {}", what, reason);
            outcome = AuditRecord.Outcome.FAILED;
        } else {
            metrics.message(OdrMetrics.Direction.OUT, OdrMetrics.Outcome.FAILED);
            throw replies.failure(reply, what, exchange);
        }
        exchange.getMessage().setBody(Json.write(new AuditRecord(Odr.SYSTEM, AuditRecord.Direction.OUT, disputeId, Odr.JSON,
                body, outcome, reason, OffsetDateTime.now(clock))));
    }

    static RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("odr status: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || blank(event.caseId()) || event.status() == null
                || event.occurredAt() == null || blank(relay.sourceId())) {
            throw new PermanentFailureException("odr status: relay event lacks event.eventId, event.caseId, event.status, "
                    + "event.occurredAt or sourceId");
        }
        if (!Odr.SYSTEM.equals(relay.system())) {
            throw new PermanentFailureException("odr status: relay event for system " + relay.system() + " on the ODR queue");
        }
        return relay;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The status body of contracts/odr.md, in its field order. */
    record StatusBody(String status, String assignee, String assigneeCode, String note, String updatedAt) {
    }
}
