package org.disputehub.connector.zhengding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics.Direction;
import org.disputehub.canonical.connector.ConnectorMetrics.Outcome;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.canonical.model.Notification;
import org.disputehub.connector.zhengding.ZhengdingCallException.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of route {@code zhengding-notify}: sends one {@link Notification} as action-card work notifications, at
 * most 100 user ids per call. Idempotent by {@code dedupeKey} (and, when split, by {@code dedupeKey#n} per call, so
 * a retry sends only the calls that had not gone out). Title and markdown are masked again before sending. A
 * rejected token is renewed once and the call retried once; rate limiting and I/O failures are temporary; an
 * invalid user id (33012), any other errcode and a malformed notification are permanent.
 */
public class ZhengdingNotifier {

    private static final Logger log = LoggerFactory.getLogger(ZhengdingNotifier.class);

    private final ZhengdingClient client;
    private final ZhengdingTokenCache tokens;
    private final ConnectorStore store;
    private final IntakePublisher publisher;
    private final ConnectorMetrics metrics;
    private final long agentId;
    private final Clock clock;

    public ZhengdingNotifier(ZhengdingClient client, ZhengdingTokenCache tokens, ConnectorStore store,
                             IntakePublisher publisher, ConnectorMetrics metrics, long agentId, Clock clock) {
        this.client = client;
        this.tokens = tokens;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
        this.agentId = agentId;
        this.clock = clock;
    }

    public void send(Exchange exchange) {
        Notification n = read(exchange.getMessage().getBody(String.class));
        if (n.caseId() != null) {
            exchange.getMessage().setHeader(HubHeaders.CASE_ID, n.caseId());
        }
        String key = storeKey(n.dedupeKey());
        if (store.relayDelivered(key, Zhengding.SYSTEM)) {
            metrics.message(Direction.OUT, Outcome.SKIPPED);
            log.info("zhengding notify caseId={} {} already sent, skipped", n.caseId(), n.dedupeKey());
            return;
        }
        List<List<String>> calls = chunks(n.userIds().stream().map(String::strip).distinct().toList());
        for (int i = 0; i < calls.size(); i++) {
            String callKey = calls.size() == 1 ? key : storeKey(n.dedupeKey() + "#" + (i + 1));
            if (calls.size() > 1 && store.relayDelivered(callKey, Zhengding.SYSTEM)) {
                continue; // went out before a retry
            }
            String body = body(n, calls.get(i));
            long taskId = call(n, body, i + 1, calls.size());
            publisher.audit(new AuditRecord(Zhengding.SYSTEM, AuditRecord.Direction.OUT, callKey, "application/json", body,
                    AuditRecord.Outcome.SENT, "task_id " + taskId, OffsetDateTime.now(clock)));
            if (calls.size() > 1) {
                store.markRelayDelivered(callKey, Zhengding.SYSTEM);
            }
            metrics.message(Direction.OUT, Outcome.SENT);
        }
        store.markRelayDelivered(key, Zhengding.SYSTEM);
        log.info("zhengding notify caseId={} {} sent to {} user(s) in {} call(s)", n.caseId(), n.dedupeKey(),
                n.userIds().size(), calls.size());
    }

    private long call(Notification n, String body, int part, int parts) {
        String what = "zhengding notify caseId=" + n.caseId() + " " + n.dedupeKey() + " (call " + part + " of " + parts + ")";
        try {
            String token = tokens.token();
            try {
                return client.sendWorkNotification(token, body);
            } catch (ZhengdingCallException e) {
                if (e.failure() != Failure.TOKEN_REJECTED) {
                    throw e;
                }
                tokens.rejected(token);
                return client.sendWorkNotification(tokens.token(), body);
            }
        } catch (ZhengdingCallException e) {
            metrics.message(Direction.OUT, Outcome.FAILED);
            String reason = what + ": " + e.getMessage();
            if (e.failure() == Failure.INVALID_USER) {
                log.error("ALERT {}: an invalid user id among {} — fix the department's userIds; the notification is parked",
                        what, String.join(",", n.userIds()));
            }
            if (e.failure().temporary()) {
                throw new TemporaryFailureException(reason, e);
            }
            throw new PermanentFailureException(reason, e);
        }
    }

    String body(Notification n, List<String> userIds) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("agent_id", agentId);
        root.put("userid_list", String.join(",", userIds));
        ObjectNode msg = root.putObject("msg").put("msgtype", "action_card");
        msg.putObject("action_card")
                .put("title", Masking.text(n.title()))
                .put("markdown", Masking.text(n.markdown()))
                .put("single_title", n.actionTitle() == null || n.actionTitle().isBlank() ? "查看详情" : n.actionTitle())
                .put("single_url", n.actionUrl());
        return root.toString();
    }

    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += Zhengding.MAX_USERS_PER_CALL) {
            out.add(List.copyOf(ids.subList(from, Math.min(from + Zhengding.MAX_USERS_PER_CALL, ids.size()))));
        }
        return out;
    }

    /** The delivery record's key: the key itself, or a SHA-1 of it when longer than the store's 64 characters. */
    static String storeKey(String key) {
        if (key.length() <= 64) {
            return key;
        }
        try {
            return "sha1:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Notification read(String json) {
        Notification n;
        try {
            n = Json.read(json == null ? "" : json, Notification.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("zhengding notify: " + e.getMessage(), e);
        }
        if (n == null || blank(n.dedupeKey()) || blank(n.title()) || blank(n.markdown()) || blank(n.actionUrl())
                || n.userIds() == null || n.userIds().isEmpty() || n.userIds().stream().anyMatch(ZhengdingNotifier::blank)) {
            throw new PermanentFailureException("zhengding notify: notification lacks dedupeKey, userIds, title, markdown "
                    + "or actionUrl");
        }
        return n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
