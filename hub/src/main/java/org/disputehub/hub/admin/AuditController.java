package org.disputehub.hub.admin;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.disputehub.hub.cluster.Leadership;
import org.disputehub.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log's integrity and retention: {@code GET /api/v1/admin/audit/verify} recomputes the hash chain and
 * names the first broken record; {@code POST /api/v1/admin/audit/purge?before=} (ADMIN) and a daily job keep
 * {@code hub.audit.retention} (default 365 days) and leave the rest verifiable; the daily job runs on the leading
 * instance only (hub.cluster).
 */
@RestController
class AuditController {

    private static final Logger LOG = LoggerFactory.getLogger("hub.audit");

    private final AuditLog audit;
    private final Duration retention;
    private final Leadership leadership;

    AuditController(AuditLog audit, @Value("${hub.audit.retention:P365D}") Duration retention, Leadership leadership) {
        this.audit = audit;
        this.retention = retention;
        this.leadership = leadership;
    }

    @GetMapping("/api/v1/admin/audit/verify")
    Map<String, Object> verify() {
        Optional<Long> broken = audit.firstBrokenRecord();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intact", broken.isEmpty());
        broken.ifPresent(id -> out.put("firstBrokenRecord", id));
        return out;
    }

    @PostMapping("/api/v1/admin/audit/purge")
    Map<String, Object> purge(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime before) {
        int removed = audit.purgeBefore(before);
        LOG.info("audit records before {} purged: {}", before, removed);
        return Map.of("purged", removed);
    }

    @Scheduled(cron = "${hub.audit.purge-cron:0 30 3 * * *}")
    void purgeByRetention() {
        if (!leadership.isLeader()) {
            return; // the leader purges for every instance
        }
        OffsetDateTime before = OffsetDateTime.now().minus(retention);
        LOG.info("audit retention {}: {} records recorded before {} purged", retention, audit.purgeBefore(before), before);
    }
}
