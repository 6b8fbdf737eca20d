package org.disputehub.hub.store;

import org.disputehub.hub.cluster.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Appends the stored raw messages to the audit chain every {@code hub.audit.chain-interval-ms} (default 100 ms).
 * A failure (database unavailable) is logged and the records are chained on a later run: nothing is skipped,
 * because the chainer always takes the oldest unchained records first. Runs on the leading instance only (hub.cluster).
 */
@Component
class AuditChainer {

    private static final Logger LOG = LoggerFactory.getLogger("hub.audit");

    private final AuditLog audit;
    private final Leadership leadership;

    AuditChainer(AuditLog audit, Leadership leadership) {
        this.audit = audit;
        this.leadership = leadership;
    }

    @Scheduled(fixedDelayString = "${hub.audit.chain-interval-ms:100}")
    void chain() {
        if (!leadership.isLeader()) {
            return; // the leader chains for every instance
        }
        try {
            audit.chainPending();
        } catch (RuntimeException e) {
            LOG.warn("audit chaining failed, retried in the next run: {}", e.toString());
        }
    }
}
