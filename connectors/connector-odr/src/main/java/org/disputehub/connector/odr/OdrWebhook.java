package org.disputehub.connector.odr;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.connector.InboundRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code odr-webhook}: {@link #receive} bounds the body (413) and keeps the raw bytes for the
 * record; {@link #verify} checks the signature (401) before anything is parsed; {@link #handle} parses (400),
 * answers a retried event id as the first time, and otherwise lets {@link OdrEventIntake} have its effect.
 * Every refusal is an {@link InboundRejectedException}, so the policy answers it and records it REJECTED.
 */
public class OdrWebhook {

    private static final Logger log = LoggerFactory.getLogger(OdrWebhook.class);

    private final OdrSignatureVerifier verifier;
    private final OdrEventIntake intake;
    private final ConnectorMetrics metrics;
    private final int maxBodyBytes;

    public OdrWebhook(OdrSignatureVerifier verifier, OdrEventIntake intake, ConnectorMetrics metrics, int maxBodyBytes) {
        this.verifier = verifier;
        this.intake = intake;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    public void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        exchange.setProperty(InboundErrorPolicy.RAW, new byte[0]);
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodyBytes) {
            throw refused(413, null, "?", "Content-Length " + declared + " is over the limit of " + maxBodyBytes + " bytes");
        }
        byte[] raw = in.getBody(byte[].class);
        raw = raw == null ? new byte[0] : raw;
        exchange.setProperty(InboundErrorPolicy.RAW, raw);
        if (raw.length > maxBodyBytes) {
            throw refused(413, null, "?", "body is over the limit of " + maxBodyBytes + " bytes");
        }
    }

    public void verify(Exchange exchange) {
        byte[] raw = exchange.getProperty(InboundErrorPolicy.RAW, byte[].class);
        Optional<String> problem = verifier.problem(exchange.getMessage().getHeader(Odr.SIGNATURE_HEADER, String.class), raw);
        if (problem.isPresent()) {
            throw refused(401, null, "?", "signature: " + problem.get());
        }
    }

    public void handle(Exchange exchange) {
        OdrEvent event;
        try {
            event = OdrEvent.parse(exchange.getProperty(InboundErrorPolicy.RAW, byte[].class));
        } catch (EventRefusedException e) {
            throw refused(e.status(), e.field(), "?", e.problem());
        }
        String caseId;
        Optional<Optional<String>> before = intake.handledBefore(event);
        if (before.isPresent()) {
            caseId = before.get().orElse(null);
            intake.audit(event, AuditRecord.Outcome.DUPLICATE, "event " + event.id() + " already handled");
            metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.DUPLICATE);
            log.info("odr event {} ({}) received again: answered as before, caseId={}", event.id(), event.type(), caseId);
        } else {
            try {
                caseId = intake.accept(event);
            } catch (EventRefusedException e) {
                throw refused(e.status(), e.field(), event.id(), e.problem());
            }
            metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.ACCEPTED);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        out.setHeader(Exchange.CONTENT_TYPE, Odr.JSON);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        if (caseId != null) {
            answer.put("caseId", caseId);
        }
        out.setBody(Json.write(answer));
    }

    private InboundRejectedException refused(int status, String field, String ref, String problem) {
        metrics.message(ConnectorMetrics.Direction.IN, ConnectorMetrics.Outcome.REJECTED);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem);
        if (field != null) {
            body.put("field", field);
        }
        return new InboundRejectedException(Odr.SYSTEM, ref, status, Odr.JSON, Json.write(body),
                field == null ? problem : field + ": " + problem);
    }
}
