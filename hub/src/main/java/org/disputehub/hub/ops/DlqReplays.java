package org.disputehub.hub.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.hub.store.AuditLog;
import org.disputehub.hub.support.LogTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Admin replay of parked messages (REST {@code /api/v1/admin/dlq} and the HubAdmin MBean): one by message id, or all
 * matching a {@link ReplayFilter}. Every message moved is logged and recorded in the audit log
 * (system {@code HUB-ADMIN}, ref {@code replay:{dlq}:{messageId}}) with who replayed it.
 */
@Service
public class DlqReplays {

    public static final String AUDIT_SYSTEM = "HUB-ADMIN";
    private static final Logger LOG = LoggerFactory.getLogger("hub.ops");

    private final Clock clock;
    private final ParkedMessages parked;
    private final BrokerQueues queues;
    private final AuditLog audit;

    public DlqReplays(ParkedMessages parked, BrokerQueues queues, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.parked = parked;
        this.queues = queues;
        this.audit = audit;
    }

    /** What a replay did: the messages moved back, and those that were gone or refused (with why). */
    public record Result(String queue, List<ParkedMessage> replayed, Map<String, String> skipped) {
        public String summary() {
            return "replayed " + replayed.size() + " message(s) from " + "DLQ." + queue + " to " + queue
                    + (skipped.isEmpty() ? "" : "; skipped " + skipped);
        }
    }

    /** The DLQs with their depths, one per stage queue. */
    public Map<String, Long> depths() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String q : queues.stageQueues()) {
            out.put(queues.dlq(q), queues.depth(queues.dlq(q)));
        }
        return out;
    }

    public Result replayOne(String queue, String messageId, String actor) {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<ParkedMessage> done = new ArrayList<>();
        move(queue, messageId, actor, done, skipped);
        return new Result(queue, done, skipped);
    }

    public Result replayMatching(String queue, ReplayFilter filter, String actor) {
        Map<String, String> skipped = new LinkedHashMap<>();
        List<ParkedMessage> done = new ArrayList<>();
        List<ParkedMessage> matching = parked.matching(queue, filter);
        LOG.info("replay of DLQ.{} by {} ({}): {} message(s) match", queue, actor, filter, matching.size());
        for (ParkedMessage m : matching) {
            move(queue, m.messageId(), actor, done, skipped);
        }
        return new Result(queue, done, skipped);
    }

    private void move(String queue, String messageId, String actor, List<ParkedMessage> done, Map<String, String> skipped) {
        Optional<ParkedMessage> moved;
        try {
            moved = parked.replay(queue, messageId);
        } catch (IllegalArgumentException e) {
            LOG.warn("replay of {} from DLQ.{} refused: {}", messageId, queue, e.getMessage());
            skipped.put(messageId, e.getMessage());
            return;
        }
        if (moved.isEmpty()) {
            skipped.put(messageId, "not parked on DLQ." + queue + " (already replayed or never there)");
            return;
        }
        ParkedMessage m = moved.get();
        done.add(m);
        LOG.info("replayed {} (caseId={}) from DLQ.{} to {} by {}; it was parked at {} for: {}", m.messageId(), m.caseId(),
                queue, queue, actor, LogTimes.of(m.parkedAt(), clock.getZone()), m.reason());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("dlq", queues.dlq(queue));
        record.put("to", queue);
        record.put("messageId", m.messageId());
        record.put("caseId", m.caseId());
        record.put("parkedAt", m.parkedAt());
        record.put("parkReason", m.reason());
        record.put("by", actor);
        audit.append(new AuditRecord(AUDIT_SYSTEM, AuditRecord.Direction.OUT, "replay:" + queues.dlq(queue) + ":" + m.messageId(),
                "application/json", Json.write(record), AuditRecord.Outcome.SENT, "replayed by " + actor, OffsetDateTime.now()));
    }
}
