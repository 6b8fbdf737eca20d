package org.disputehub.connector.odr;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a {@code dispatch-odr} department route. {@link #send} hands the dispatched case to online mediation
 * ({@code POST /api/v1/mediations}, {@code externalRef} = case id), remembers the dispute ODR created (per dispatch,
 * so a redelivered order is not posted twice, and as the case's mediation link with its department) and leaves the
 * audit record of the body sent; {@link #confirm} turns the message into the case's DISPATCHED event, from which
 * the hub's status stage marks the dispatch SENT. Errors: {@link OdrReplies}.
 */
public class OdrMediationChannel {

    public static final String DEPT_CODE = "odrDeptCode";
    public static final String DEPT_NAME = "odrDeptName";
    /** Exchange property: true when the message was an order that ODR accepted (a DISPATCHED event follows). */
    public static final String CONFIRM = "odrConfirm";
    static final String DISPUTE_ID = "odrMediationDisputeId";
    static final String DISPATCH_NO = "dispatchNo";
    /** The hub's header on a department message that is a notice (UPDATE, WITHDRAW) about a case, not an order. */
    static final String NOTICE = "hubNotice";
    private static final Logger log = LoggerFactory.getLogger(OdrMediationChannel.class);

    private final OdrClient client;
    private final OdrReplies replies;
    private final MediationMapper mapper;
    private final ConnectorStore store;
    private final OdrLinks links;
    private final ConnectorMetrics metrics;
    private final Clock clock;

    public OdrMediationChannel(OdrClient client, OdrReplies replies, MediationMapper mapper, ConnectorStore store,
                               OdrLinks links, ConnectorMetrics metrics, Clock clock) {
        this.client = client;
        this.replies = replies;
        this.mapper = mapper;
        this.store = store;
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void send(Exchange exchange) {
        OdrReplies.clearDelay(exchange);
        Message m = exchange.getMessage();
        String caseId = m.getHeader(HubHeaders.CASE_ID, String.class);
        Integer dispatchNo = m.getHeader(DISPATCH_NO, Integer.class);
        String deptCode = exchange.getProperty(DEPT_CODE, String.class);
        exchange.setProperty(CONFIRM, false);
        if (caseId == null || dispatchNo == null) {
            throw new PermanentFailureException("odr mediation: dispatch order without caseId or dispatchNo header");
        }
        String notice = m.getHeader(NOTICE, String.class);
        if (notice != null) {
            notice(exchange, caseId, dispatchNo, deptCode, notice);
            return;
        }
        CanonicalCase c;
        try {
            c = Json.read(m.getBody(String.class), CanonicalCase.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("odr mediation caseId=" + caseId + ": " + e.getMessage(), e);
        }
        String key = caseId + ":" + dispatchNo;
        String request = Json.write(mapper.map(c.withCaseId(caseId)));
        Optional<String> known = store.sourceVersion(Odr.DISPATCHES, key);
        String disputeId;
        if (known.isPresent()) {
            disputeId = known.get();
            log.info("odr mediation caseId={} dispatch {} was already accepted as dispute {}", caseId, dispatchNo, disputeId);
        } else {
            HttpResponse<String> reply = client.postMediation(request, key);
            if (reply.statusCode() / 100 != 2) {
                metrics.message(ConnectorMetrics.Direction.OUT, ConnectorMetrics.Outcome.FAILED);
                throw replies.failure(reply, "odr mediation caseId=" + caseId + " dispatch " + dispatchNo, exchange);
            }
            disputeId = disputeId(reply, caseId);
            store.saveSourceVersion(Odr.DISPATCHES, key, disputeId);
        }
        links.linkMediation(disputeId, caseId, deptCode);
        metrics.message(ConnectorMetrics.Direction.OUT, ConnectorMetrics.Outcome.SENT);
        log.info("case {} handed to ODR online mediation as dispute {} for {} (dispatch {})", caseId, disputeId, deptCode,
                dispatchNo);
        exchange.setProperty(DISPUTE_ID, disputeId);
        exchange.setProperty(CONFIRM, true);
        m.setBody(Json.write(new AuditRecord("DEPT:" + deptCode, AuditRecord.Direction.OUT, key, Odr.JSON, request,
                AuditRecord.Outcome.SENT, "ODR dispute " + disputeId, now())));
    }

    /**
     * ODR's mediation API has no way to take new information on, or the withdrawal of, a mediation it runs
     * (docs/interfaces/odr.md): the notice is recorded as not delivered and logged, and the mediation carries on.
     */
    private void notice(Exchange exchange, String caseId, int dispatchNo, String deptCode, String notice) {
        metrics.message(ConnectorMetrics.Direction.OUT, ConnectorMetrics.Outcome.SKIPPED);
        String reason = notice + " notice not delivered: ODR's mediation API has no endpoint for it";
        log.warn("case {} (dispatch {} to {}): {}", caseId, dispatchNo, deptCode, reason);
        exchange.getMessage().setBody(Json.write(new AuditRecord("DEPT:" + deptCode, AuditRecord.Direction.OUT,
                caseId + ":" + dispatchNo + ":" + notice, Odr.JSON, exchange.getMessage().getBody(String.class),
                AuditRecord.Outcome.FAILED, reason, now())));
    }

    public void confirm(Exchange exchange) {
        Message m = exchange.getMessage();
        String caseId = m.getHeader(HubHeaders.CASE_ID, String.class);
        int dispatchNo = m.getHeader(DISPATCH_NO, Integer.class);
        StatusEvent event = new StatusEvent(StatusEvent.dispatchedId(caseId, dispatchNo), caseId, CaseStatus.DISPATCHED, now(),
                new StatusEvent.Actor(exchange.getProperty(DEPT_CODE, String.class), exchange.getProperty(DEPT_NAME, String.class)),
                "已提交ODR在线调解（调解案号 " + exchange.getProperty(DISPUTE_ID, String.class) + "）", "HUB");
        m.setBody(Json.write(event));
        m.setHeader(HubHeaders.GROUP_ID, caseId);
    }

    private static String disputeId(HttpResponse<String> reply, String caseId) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(reply.body());
        } catch (IOException e) {
            body = null;
        }
        String id = body == null ? "" : body.path("disputeId").asText("");
        if (id.isBlank() || id.length() > DisputeMapper.DISPUTE_ID_MAX) {
            throw new PermanentFailureException("odr mediation caseId=" + caseId + ": HTTP " + reply.statusCode()
                    + " without a usable disputeId");
        }
        return id;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(Odr.OFFSET);
    }
}
