package org.disputehub.connector.petition;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
 * The steps of route {@code petition-status}: {@link #prepare} reads the relay event and decides whether and
 * what to send (already delivered, no ZT for the status, or 办结 already sent for the case → skipped);
 * {@link #send} posts the {@code <BLZT>}, records it as delivered and leaves the audit record as the body.
 * Unknown XFJBH (404), an unacceptable message and a malformed relay event are permanent (parked at once);
 * every other failure is temporary (retried with back-off by the hub error policy, then parked).
 */
public class PetitionStatus {

    /** Exchange property: true when the event is to be sent. */
    public static final String SEND = "petitionSend";
    static final String XFJBH = "petitionXfjbh";
    static final String BODY = "petitionBody";
    static final String EVENT_ID = "petitionEventId";
    static final String ONCE_KEY = "petitionOnceKey";
    private static final Logger log = LoggerFactory.getLogger(PetitionStatus.class);

    private final PetitionClient client;
    private final ConnectorStore store;
    private final StatusVocabulary vocabulary;
    private final PetitionMetrics metrics;
    private final Clock clock;

    public PetitionStatus(PetitionClient client, ConnectorStore store, StatusVocabulary vocabulary,
                          PetitionMetrics metrics, Clock clock) {
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
        if (store.relayDelivered(event.eventId(), Petition.SYSTEM)) {
            skipped("caseId={} event {} already delivered, skipped", event.caseId(), event.eventId());
            return;
        }
        Optional<String> zt = vocabulary.zt(event.status());
        if (zt.isEmpty()) {
            metrics.message(PetitionMetrics.Direction.OUT, PetitionMetrics.Outcome.SKIPPED);
            log.debug("petition status caseId={} {} has no ZT, not sent", event.caseId(), event.status());
            return;
        }
        String onceKey = vocabulary.once(zt.get()) ? event.caseId() + "#once:" + zt.get() : null;
        if (onceKey != null && store.relayDelivered(onceKey, Petition.SYSTEM)) {
            skipped("caseId={} already had {}, {} not sent again", event.caseId(), zt.get(), event.status());
            return;
        }
        String deptCode = relay.deptCode() != null ? relay.deptCode() : event.actor() == null ? null : event.actor().deptCode();
        String note = event.note() == null || event.note().isBlank() ? vocabulary.defaultNote(event.status()) : event.note();
        exchange.setProperty(SEND, true);
        exchange.setProperty(XFJBH, relay.sourceId());
        exchange.setProperty(EVENT_ID, event.eventId());
        exchange.setProperty(ONCE_KEY, onceKey);
        exchange.setProperty(BODY, blzt(relay.sourceId(), zt.get(), deptCode, relay.deptName(), event.occurredAt(), note));
        log.debug("petition status caseId={} event {} {} → {} for {}", event.caseId(), event.eventId(), event.status(),
                zt.get(), relay.sourceId());
    }

    public void send(Exchange exchange) {
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        String xfjbh = exchange.getProperty(XFJBH, String.class);
        String body = exchange.getProperty(BODY, String.class);
        try {
            client.postStatus(body);
        } catch (PetitionCallException e) {
            metrics.message(PetitionMetrics.Direction.OUT, PetitionMetrics.Outcome.FAILED);
            String reason = "petition status caseId=" + caseId + " XFJBH " + xfjbh + ": " + e.getMessage();
            if (e.permanent()) {
                throw new PermanentFailureException(reason, e);
            }
            throw new TemporaryFailureException(reason, e);
        }
        store.markRelayDelivered(exchange.getProperty(EVENT_ID, String.class), Petition.SYSTEM);
        String onceKey = exchange.getProperty(ONCE_KEY, String.class);
        if (onceKey != null) {
            store.markRelayDelivered(onceKey, Petition.SYSTEM);
        }
        metrics.message(PetitionMetrics.Direction.OUT, PetitionMetrics.Outcome.SENT);
        log.info("petition status caseId={} XFJBH {} delivered", caseId, xfjbh);
        exchange.getMessage().setBody(Json.write(new AuditRecord(Petition.SYSTEM, AuditRecord.Direction.OUT, xfjbh,
                Petition.XML, body, AuditRecord.Outcome.SENT, null, OffsetDateTime.now(clock))));
    }

    /** The {@code <BLZT>} of contracts/petition.md, in its element order; absent values are left out. */
    static String blzt(String xfjbh, String zt, String deptCode, String deptName, OffsetDateTime at, String note) {
        return XmlText.root("BLZT")
                .element("XFJBH", xfjbh)
                .element("ZT", zt)
                .element("BLDWDM", deptCode)
                .element("BLDW", deptName)
                .element("BLSJ", Petition.WIRE_TIME.format(at.atZoneSameInstant(Petition.OFFSET)
                        .toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)))
                .element("BLYJ", note)
                .close("BLZT");
    }

    static RelayEvent read(String json) {
        RelayEvent relay;
        try {
            relay = Json.read(json == null ? "" : json, RelayEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("petition status: " + e.getMessage(), e);
        }
        StatusEvent event = relay == null ? null : relay.event();
        if (event == null || blank(event.eventId()) || blank(event.caseId()) || event.status() == null
                || event.occurredAt() == null || blank(relay.sourceId())) {
            throw new PermanentFailureException("petition status: relay event lacks event.eventId, event.caseId, "
                    + "event.status, event.occurredAt or sourceId");
        }
        if (!Petition.SYSTEM.equals(relay.system())) {
            throw new PermanentFailureException("petition status: relay event for system " + relay.system()
                    + " on the PETITION queue");
        }
        return relay;
    }

    private void skipped(String format, Object... args) {
        metrics.message(PetitionMetrics.Direction.OUT, PetitionMetrics.Outcome.SKIPPED);
        log.info("petition status " + format, args);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
