package org.disputehub.connector.zhengding;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics.Direction;
import org.disputehub.canonical.connector.ConnectorMetrics.Outcome;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.connector.InboundRejectedException;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.connector.zhengding.ZhengdingCrypto.DecryptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of route {@code zhengding-callback}. {@link #verify}: size, query, timestamp window, signature and
 * replay (the same timestamp, nonce and signature taken before, see {@link CallbackNonces}) — 401 before anything
 * is decrypted. {@link #decrypt}: 400 for a ciphertext that is not one under this key, 401 for
 * one carrying another app key. {@link #event}: check_url is only answered; case_action becomes a status event on
 * HUB.STATUS.IN (once per eventId); other event types are recorded as not processed; a malformed event is 400; an
 * unexpected failure (500) forgets the nonce, so the platform's identical retry is taken.
 * JSON is read strictly, outside and inside: one value, each key once.
 * {@link CallbackReply} then answers 200 with the encrypted, signed {@code success}.
 */
public class ZhengdingCallback {

    public static final int MAX_BODY = 64 * 1024;
    static final String ENCRYPT = "zhengdingEncrypt";
    static final String MESSAGE = "zhengdingMessage";
    static final String REF = "zhengdingRef";
    static final String QUERY = "zhengdingQuery";
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Logger log = LoggerFactory.getLogger(ZhengdingCallback.class);

    private final ZhengdingCrypto crypto;
    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final ConnectorMetrics metrics;
    private final CallbackNonces nonces;
    private final Duration window;
    private final Clock clock;

    public ZhengdingCallback(ZhengdingCrypto crypto, ConnectorStore store, IntakePublisher publisher,
                             ConnectorMetrics metrics, CallbackNonces nonces, Duration window, Clock clock) {
        this.crypto = crypto;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.nonces = nonces;
        this.window = window;
        this.clock = clock;
    }

    public void verify(Exchange exchange) {
        Long declared = exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        exchange.setProperty(REF, "?");
        if (declared != null && declared > MAX_BODY) {
            throw refuse(exchange, 413, "body of " + declared + " bytes exceeds " + MAX_BODY);
        }
        byte[] raw = exchange.getMessage().getBody(byte[].class);
        exchange.setProperty(InboundErrorPolicy.RAW, raw == null ? new byte[0] : raw);
        if (raw != null && raw.length > MAX_BODY) {
            throw refuse(exchange, 413, "body of " + raw.length + " bytes exceeds " + MAX_BODY);
        }
        Map<String, String> query = QueryString.parse(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class));
        String signature = query.get("signature");
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        exchange.setProperty(REF, clip("ts=" + timestamp + " nonce=" + nonce));
        if (signature == null || timestamp == null || nonce == null) {
            throw refuse(exchange, 401, "signature, timestamp and nonce are required in the query");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw refuse(exchange, 401, "timestamp is not epoch milliseconds");
        }
        long now = clock.millis();
        if (ts < now - window.toMillis() || ts > now + window.toMillis()) { // no subtraction that could overflow
            throw refuse(exchange, 401, "timestamp " + timestamp + " is more than " + window + " from now");
        }
        String encrypt;
        try {
            JsonNode body = STRICT.readTree(raw == null ? new byte[0] : raw);
            encrypt = body == null ? null : body.path("encrypt").isTextual() ? body.path("encrypt").asText() : null;
        } catch (IOException e) {
            throw refuse(exchange, 400, "body is not JSON");
        }
        if (encrypt == null || encrypt.isEmpty()) {
            throw refuse(exchange, 400, "body lacks \"encrypt\"");
        }
        if (!crypto.verify(signature, timestamp, nonce, encrypt)) {
            throw refuse(exchange, 401, "signature mismatch");
        }
        if (!nonces.firstUse(ts, nonce, signature)) {
            throw refuse(exchange, 401, "replayed callback: timestamp " + timestamp + " and nonce " + clip(nonce)
                    + " were already used");
        }
        exchange.setProperty(QUERY, new String[] {timestamp, nonce, signature});
        exchange.setProperty(ENCRYPT, encrypt);
    }

    public void decrypt(Exchange exchange) {
        String msg;
        try {
            msg = crypto.decrypt(exchange.getProperty(ENCRYPT, String.class));
        } catch (DecryptException e) {
            throw refuse(exchange, e.reason() == DecryptException.Reason.WRONG_APP_KEY ? 401 : 400, e.getMessage());
        }
        // from here on the record of a refusal keeps the decrypted, authenticated event message
        exchange.setProperty(InboundErrorPolicy.RAW, msg.getBytes(StandardCharsets.UTF_8));
        exchange.setProperty(MESSAGE, msg);
    }

    public void event(Exchange exchange) {
        try {
            takeEvent(exchange);
        } catch (InboundRejectedException refused) {
            throw refused;
        } catch (RuntimeException unexpected) {
            String[] q = exchange.getProperty(QUERY, String[].class);
            nonces.release(Long.parseLong(q[0]), q[1], q[2]);
            throw unexpected;
        }
    }

    private void takeEvent(Exchange exchange) {
        String msg = exchange.getProperty(MESSAGE, String.class);
        JsonNode m;
        try {
            m = STRICT.readTree(msg);
        } catch (IOException e) {
            throw refuse(exchange, 400, "decrypted message is not JSON");
        }
        String type = m != null && m.path("EventType").isTextual() ? m.path("EventType").asText() : null;
        if (type == null) {
            throw refuse(exchange, 400, "decrypted message lacks EventType");
        }
        switch (type) {
            case "check_url" -> metrics.message(Direction.IN, Outcome.ACCEPTED);
            case "case_action" -> caseAction(exchange, m, msg);
            default -> {
                publisher.audit(record(clip("EventType " + type), msg, AuditRecord.Outcome.ACCEPTED, "not processed"));
                metrics.message(Direction.IN, Outcome.ACCEPTED);
            }
        }
    }

    private void caseAction(Exchange exchange, JsonNode m, String msg) {
        StatusEvent event = mapOrRefuse(exchange, m);
        exchange.setProperty(REF, event.eventId());
        if (store.sourceVersion(Zhengding.SYSTEM, event.eventId()).isPresent()) {
            publisher.audit(record(event.eventId(), msg, AuditRecord.Outcome.DUPLICATE, "event already received"));
            metrics.message(Direction.IN, Outcome.DUPLICATE);
            log.info("zhengding callback caseId={} event {} already received, not sent again", event.caseId(), event.eventId());
            return;
        }
        publisher.status(event);
        store.saveSourceVersion(Zhengding.SYSTEM, event.eventId(), "status-in");
        metrics.message(Direction.IN, Outcome.ACCEPTED);
        log.info("zhengding callback caseId={} event {} {} by {} → {}",
                event.caseId(), event.eventId(), m.path("action").asText(), event.actor().deptCode(), event.status());
    }

    private StatusEvent mapOrRefuse(Exchange exchange, JsonNode m) {
        try {
            return CaseActionMapper.map(m);
        } catch (CaseActionMapper.MalformedEventException e) {
            throw refuse(exchange, 400, "case_action: " + e.getMessage());
        }
    }

    private AuditRecord record(String ref, String body, AuditRecord.Outcome outcome, String reason) {
        return new AuditRecord(Zhengding.SYSTEM, AuditRecord.Direction.IN, ref, "application/json", body, outcome, reason,
                OffsetDateTime.now(clock));
    }

    private InboundRejectedException refuse(Exchange exchange, int status, String reason) {
        metrics.message(Direction.IN, Outcome.REJECTED);
        return new InboundRejectedException(Zhengding.SYSTEM, exchange.getProperty(REF, String.class), status,
                "application/json", Json.write(Map.of("error", reason)), reason);
    }

    private static String clip(String s) {
        return s.length() <= 128 ? s : s.substring(0, 128);
    }
}
