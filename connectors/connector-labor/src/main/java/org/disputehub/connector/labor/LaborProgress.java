package org.disputehub.connector.labor;

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
 * The steps of route {@code labor-progress}: {@link #prepare} reads the relay event and decides whether and what
 * to send; {@link #send} posts it, records it as delivered and leaves the audit record as the body. An unknown
 * complaint (404), another refusal (4xx) and a malformed relay event are permanent (parked at once); 5xx, timeouts
 * and odd replies are temporary (retried with back-off by the hub error policy, then parked).
 */
public class LaborProgress {

    /** Exchange property: true when the event is to be sent. */
    public static final String SEND = "laborSend";
    static final String COMPLAINT_NO = "laborComplaintNo";
    static final String BODY = "laborBody";
    static final String EVENT_ID = "laborEventId";
    static final String STAGE = "laborStage";
    private static final Logger log = LoggerFactory.getLogger(LaborProgress.class);

    private final LaborClient client;
    private final ConnectorStore store;
    private final StageVocabulary vocabulary;
    private final LaborMetrics metrics;

    public LaborProgress(LaborClient client, ConnectorStore store, StageVocabulary vocabulary, LaborMetrics metrics) {
        this.client = client;
        this.store = store;
        this.vocabulary = vocabulary;
        this.metrics = metrics;
    }

    public void prepare(Exchange exchange) {
        exchange.setProperty(SEND, false);
        RelayEvent relay = read(exchange.getMessage().getBody(String.class));
        StatusEvent event = relay.event();
        exchange.getMessage().setHeader(HubHeaders.CASE_ID, event.caseId());
        if (store.relayDelivered(event.eventId(), Labor.SYSTEM)) {
            metrics.progress(LaborMetrics.Out.SKIPPED);
            log.info("labor progress caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        Optional<String> stage = vocabulary.stage(event.status());
        if (stage.isEmpty()) {
            metrics.progress(LaborMetrics.Out.SKIPPED);
            log.debug("labor progress caseId={} status {} has no labor stage, not sent", event.caseId(), event.status());
            return;
        }
        String deptCode = relay.deptCode() != null ? relay.deptCode() : event.actor() == null ? null : event.actor().deptCode();
        String remark = event.note() == null || event.note().isBlank() ? vocabulary.defaultRemark(event.status()) : event.note();
        ProgressBody body = new ProgressBody(stage.get(), relay.deptName(), deptCode,
                Labor.WIRE_TIME.format(event.occurredAt().atZoneSameInstant(Labor.OFFSET)), remark);
        exchange.setProperty(SEND, true);
        exchange.setProperty(COMPLAINT_NO, relay.sourceId());
        exchange.setProperty(EVENT_ID, event.eventId());
        exchange.setProperty(STAGE, body.stage());
        exchange.setProperty(BODY, Json.write(body));
    }

    public void send(Exchange exchange) {
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String complaintNo = exchange.getProperty(COMPLAINT_NO, String.class);
        String body = exchange.getProperty(BODY, String.class);
        try {
            client.postProgress(complaintNo, body);
        } catch (LaborCallException e) {
            metrics.progress(LaborMetrics.Out.FAILED);
            String reason = "labor progress caseId=" + caseId + " complaint " + complaintNo + ": " + e.getMessage();
            if (e.failure() == LaborCallException.Failure.REFUSED && (e.status() == 401 || e.status() == 403)) {
                log.error("ALERT labor: the labor system refused our API key ({}); check {}.api-key", e.status(),
                        LaborProperties.PREFIX);
            }
            throw e.failure().permanent() ? new PermanentFailureException(reason, e) : new TemporaryFailureException(reason, e);
        }
        store.markRelayDelivered(exchange.getProperty(EVENT_ID, String.class), Labor.SYSTEM);
        metrics.progress(LaborMetrics.Out.SENT);
        log.info("labor progress caseId={} complaint {} {} delivered", caseId, complaintNo,
                exchange.getProperty(STAGE, String.class));
        exchange.getMessage().setBody(Json.write(new AuditRecord(Labor.SYSTEM, AuditRecord.Direction.OUT, complaintNo,
                "application/json", body, AuditRecord.Outcome.SENT, null, OffsetDateTime.now(Labor.OFFSET))));
    }

    static RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("labor progress: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || event.status() == null || event.occurredAt() == null
                || blank(relay.sourceId())) {
            throw new PermanentFailureException("labor progress: relay event lacks event.eventId, event.status, "
                    + "event.occurredAt or sourceId");
        }
        if (!Labor.SYSTEM.equals(relay.system())) {
            throw new PermanentFailureException("labor progress: relay event for system " + relay.system()
                    + " on the LABOR queue");
        }
        return relay;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The progress body of contracts/labor.md, in its field order. */
    record ProgressBody(String stage, String dept, String deptCode, String time, String remark) {
    }
}
