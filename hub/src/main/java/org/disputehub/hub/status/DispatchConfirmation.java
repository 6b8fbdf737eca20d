package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.camel.Exchange;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.dispatch.DispatchRecorder;
import org.disputehub.hub.store.AuditLog;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DISPATCHED event of every department channel ({@code dispatch-http}, {@code dispatch-jms},
 * {@code dispatch-odr}, {@code dispatch-zhengding}), applied in the dispatch stage itself (route
 * {@code hub-dispatched}) instead of a trip through {@code HUB.STATUS}: one database transaction records the
 * delivery (the dispatch marked SENT, the order as sent in the audit log — {@link DispatchRecorder.Delivered},
 * channels {@code http} and {@code jms}) and applies the event with {@link StatusService}'s state machine, lock
 * and idempotency by {@code eventId}; its relays are sent on the session that consumed the order, committed with it.
 *
 * <p>Crash points (http channel; the others alike without the HTTP part):
 * <ol>
 *   <li>Department accepted (2xx), the hub stops before the database commit: nothing recorded, the order is
 *       redelivered; the claim on the dispatch row holds a second copy back until its lease ends, then the order is
 *       sent again with the same {@code Idempotency-Key} ({caseId}:{dispatchNo}) — the department answers it without
 *       a second case — and recorded as above. A report the department sends meanwhile (it has the order) is applied
 *       with DISPATCHED ahead of it ({@link StatusService}); the redelivered order then finds that event applied and
 *       only records the delivery.</li>
 *   <li>Database committed, the hub stops before the JMS commit: the relays sent in the stage are dropped with the
 *       JMS transaction and the order is redelivered. The sender finds the dispatch SENT and does not post it again;
 *       here the dispatch is not marked again and no second audit record is written; the event id is recorded,
 *       applied: its relays (and those of the linked reports it was mirrored to) are built again and sent — the
 *       origin's sink skips what it already has. No second DISPATCHED, none lost.</li>
 *   <li>JMS committed: done. A DLQ replay of the order runs as in 2.</li>
 * </ol>
 * One window is left that the round trip through {@code HUB.STATUS} did not have: between 2's two commits the case
 * is DISPATCHED in the store while its relay is not yet on the origin's queue. A department's next report (which it
 * may send as soon as it has the order) is admitted in that window, and if the hub stops inside it, the next
 * status can reach the origin before the DISPATCHED sent again on redelivery. Without a stop the window is the
 * length of one JMS commit.
 *
 * <p>A DISPATCHED event that reaches {@code HUB.STATUS} (a connector channel outside the hub, whose
 * {@code hub.endpoints.dispatched} keeps the contract's default; one put there before this stage existed; a DLQ
 * replay) is applied by {@code hub-status} the same way, marking the dispatch SENT there.
 */
@Service("dispatchConfirmation")
public class DispatchConfirmation {

    private final StatusService status;
    private final CaseStore cases;
    private final AuditLog audit;

    public DispatchConfirmation(StatusService status, CaseStore cases, AuditLog audit) {
        this.status = status;
        this.cases = cases;
        this.audit = audit;
    }

    /** The body: the DISPATCHED event (the hub's channels hand the object, the connectors' channels its JSON). */
    @Transactional
    public List<Outbound> apply(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        StatusEvent event = body instanceof StatusEvent e ? e : StatusService.read(exchange.getMessage().getBody(String.class));
        if (event.status() != CaseStatus.DISPATCHED) {
            throw new PermanentFailureException("hub-dispatched takes DISPATCHED events, not " + event.status());
        }
        DispatchRecorder.Delivered delivered = exchange.getProperty(DispatchRecorder.DELIVERED, DispatchRecorder.Delivered.class);
        if (delivered != null && cases.markDispatched(delivered.caseId(), delivered.dispatchNo(), OffsetDateTime.now())) {
            audit.append(delivered.sent());
        }
        return status.apply(event, delivered != null);
    }
}
