package org.disputehub.hub.ops;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parked messages over REST (role ADMIN): {@code GET /api/v1/admin/dlq} (each stage's DLQ and its depth),
 * {@code GET /api/v1/admin/dlq/{queue}} (the parked messages, without bodies), {@code POST
 * /api/v1/admin/dlq/{queue}/replay?messageId=} or {@code ?reason=&before=&after=} (or {@code ?all=true}).
 * {@code {queue}} is the stage queue (HUB.DISPATCH.330108-WY-001) or its DLQ's name.
 */
@RestController
class DlqController {

    private final DlqReplays replays;
    private final ParkedMessages parked;

    DlqController(DlqReplays replays, ParkedMessages parked) {
        this.replays = replays;
        this.parked = parked;
    }

    @GetMapping("/api/v1/admin/dlq")
    Map<String, Long> depths() {
        return replays.depths();
    }

    @GetMapping("/api/v1/admin/dlq/{queue}")
    ResponseEntity<?> list(@PathVariable String queue, @RequestParam(defaultValue = "100") int limit) {
        return parked.stageQueue(queue)
                .<ResponseEntity<?>>map(q -> ResponseEntity.ok(Map.of("queue", q, "dlq", "DLQ." + q,
                        "messages", parked.list(q, Math.max(1, Math.min(limit, 1000))))))
                .orElseGet(() -> unknown(queue));
    }

    @PostMapping("/api/v1/admin/dlq/{queue}/replay")
    ResponseEntity<?> replay(@PathVariable String queue, @RequestParam(required = false) String messageId,
                             @RequestParam(required = false) String reason,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime before,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime after,
                             @RequestParam(defaultValue = "false") boolean all, Principal who) {
        var stage = parked.stageQueue(queue);
        if (stage.isEmpty()) {
            return unknown(queue);
        }
        String actor = who == null ? "unknown" : who.getName();
        ReplayFilter filter = new ReplayFilter(reason, before, after);
        DlqReplays.Result r;
        if (messageId != null && !messageId.isBlank()) {
            r = replays.replayOne(stage.get(), messageId, actor);
            if (r.replayed().isEmpty()) {
                return ResponseEntity.status(404).body(body(r));
            }
        } else if (!filter.isEmpty() || all) {
            r = replays.replayMatching(stage.get(), filter, actor);
        } else {
            return ResponseEntity.badRequest().body(Map.of("error",
                    "say what to replay: messageId, or a filter (reason, before, after), or all=true"));
        }
        return ResponseEntity.ok(body(r));
    }

    private static Map<String, Object> body(DlqReplays.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queue", r.queue());
        out.put("replayed", r.replayed().size());
        out.put("messages", r.replayed().stream().map(ParkedMessage::messageId).toList());
        out.put("skipped", r.skipped());
        return out;
    }

    private static ResponseEntity<?> unknown(String queue) {
        return ResponseEntity.status(404).body(Map.of("error", "no hub route consumes the queue " + queue
                + "; the stage queues are listed by GET /api/v1/admin/dlq", "queue", queue));
    }
}
