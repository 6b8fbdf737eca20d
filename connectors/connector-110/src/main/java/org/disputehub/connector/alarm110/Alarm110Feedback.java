package org.disputehub.connector.alarm110;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
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
 * The steps of route {@code alarm110-feedback}: {@link #prepare} reads the relay event and decides whether
 * and what to send; {@link #send} posts the {@code <FKXX>}, records it as delivered and leaves the audit
 * record as the body. CODE 1001/1002, an HTTP 4xx (other than 408/429) and a malformed relay event are
 * permanent (parked at once, with an {@code ALERT} log line); every other failure is temporary (retried
 * with back-off by the hub error policy, then parked). FKZT 05 goes out at most once per case: the
 * marker {@code {caseId}/FKZT05} in the store's relay deliveries says it went.
 */
public class Alarm110Feedback {

    /** Exchange property: true when the event is to be sent. */
    public static final String SEND = "alarm110Send";
    static final String JQBH = "alarm110Jqbh";
    static final String BODY = "alarm110Body";
    static final String EVENT_ID = "alarm110EventId";
    static final String FKZT = "alarm110Fkzt";
    private static final Logger log = LoggerFactory.getLogger(Alarm110Feedback.class);

    private final Alarm110Client client;
    private final ConnectorStore store;
    private final FeedbackVocabulary vocabulary;
    private final Alarm110Metrics metrics;
    private final Clock clock;

    public Alarm110Feedback(Alarm110Client client, ConnectorStore store, FeedbackVocabulary vocabulary,
                            Alarm110Metrics metrics, Clock clock) {
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
        if (store.relayDelivered(event.eventId(), Alarm110.SYSTEM)) {
            skipped("caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        Optional<String> fkzt = vocabulary.code(event.status());
        if (fkzt.isEmpty()) {
            skipped("caseId={} status {} has no 110 equivalent, not sent", event.caseId(), event.status());
            return;
        }
        if (FeedbackVocabulary.CLOSED.equals(fkzt.get()) && store.relayDelivered(closedMarker(event.caseId()), Alarm110.SYSTEM)) {
            skipped("caseId={} status {}: FKZT 05 already sent for this case, not sent again", event.caseId(), event.status());
            return;
        }
        String deptCode = relay.deptCode() != null ? relay.deptCode() : event.actor() == null ? null : event.actor().deptCode();
        String note = event.note() == null || event.note().isBlank() ? vocabulary.defaultNote(event.status()) : event.note();
        String fksj = Alarm110.WIRE_TIME.format(event.occurredAt().atZoneSameInstant(Alarm110.OFFSET));
        exchange.setProperty(SEND, true);
        exchange.setProperty(JQBH, relay.sourceId());
        exchange.setProperty(EVENT_ID, event.eventId());
        exchange.setProperty(FKZT, fkzt.get());
        exchange.setProperty(BODY, FeedbackXml.fkxx(relay.sourceId(), fksj, fkzt.get(), deptCode, relay.deptName(), note));
        log.debug("alarm110 feedback caseId={} event {} {} → FKZT {} for JQBH {}", event.caseId(), event.eventId(),
                event.status(), fkzt.get(), relay.sourceId());
    }

    public void send(Exchange exchange) {
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String jqbh = exchange.getProperty(JQBH, String.class);
        String fkzt = exchange.getProperty(FKZT, String.class);
        String body = exchange.getProperty(BODY, String.class);
        try {
            client.sendFeedback(body);
        } catch (Alarm110CallException e) {
            metrics.message(Alarm110Metrics.Direction.OUT, Alarm110Metrics.Outcome.FAILED);
            String reason = "alarm110 feedback caseId=" + caseId + " JQBH " + jqbh + " FKZT " + fkzt + ": " + e.getMessage();
            if (e.failure().permanent()) {
                log.error("ALERT alarm110 feedback refused for good, parked on the DLQ for review: {}", Masking.text(reason));
                throw new PermanentFailureException(reason, e);
            }
            throw new TemporaryFailureException(reason, e);
        }
        store.markRelayDelivered(exchange.getProperty(EVENT_ID, String.class), Alarm110.SYSTEM);
        if (FeedbackVocabulary.CLOSED.equals(fkzt)) {
            store.markRelayDelivered(closedMarker(caseId), Alarm110.SYSTEM);
        }
        metrics.message(Alarm110Metrics.Direction.OUT, Alarm110Metrics.Outcome.SENT);
        log.info("alarm110 feedback caseId={} JQBH {} FKZT {} delivered", caseId, Masking.text(jqbh), fkzt);
        exchange.getMessage().setBody(Json.write(new AuditRecord(Alarm110.SYSTEM, AuditRecord.Direction.OUT, jqbh,
                Alarm110Client.CONTENT_TYPE, body, AuditRecord.Outcome.SENT, "FKZT " + fkzt, OffsetDateTime.now(clock))));
    }

    static String closedMarker(String caseId) {
        return caseId + "/FKZT05";
    }

    static RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("alarm110 feedback: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || blank(event.caseId()) || event.status() == null
                || event.occurredAt() == null || blank(relay.sourceId())) {
            throw new PermanentFailureException("alarm110 feedback: relay event lacks event.eventId, event.caseId, "
                    + "event.status, event.occurredAt or sourceId");
        }
        if (!Alarm110.SYSTEM.equals(relay.system())) {
            throw new PermanentFailureException("alarm110 feedback: relay event for system " + relay.system()
                    + " on the ALARM110 queue");
        }
        return relay;
    }

    private void skipped(String format, Object... args) {
        metrics.message(Alarm110Metrics.Direction.OUT, Alarm110Metrics.Outcome.SKIPPED);
        log.debug("alarm110 feedback " + format, args);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
