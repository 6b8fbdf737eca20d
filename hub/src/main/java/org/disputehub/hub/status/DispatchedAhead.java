package org.disputehub.hub.status;

import java.util.List;
import java.util.Optional;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/**
 * Keeps the origin's order when a case moves on from DISPATCHED. The dispatch stage applies DISPATCHED in its
 * database transaction and sends the relay in its JMS transaction, which commits just after: a stage killed between
 * the two leaves the case DISPATCHED with the relay unsent until the order is redelivered — and the department's next
 * report (SIGNED) may be applied first. So the change that leaves DISPATCHED sends the DISPATCHED relay again, ahead
 * of its own, unless the origin has it already ({@code relay_delivery}); the origin's sink drops the copy it gets
 * twice (by event id), and the late redelivered one as well. Costs one look-up per dispatch, a relay only while the
 * first is still on its way.
 */
@Component
class DispatchedAhead {

    private final CaseStore cases;
    private final ConnectorStore delivered;
    private final Relays relays;

    DispatchedAhead(CaseStore cases, ConnectorStore delivered, Relays relays) {
        this.cases = cases;
        this.delivered = delivered;
        this.relays = relays;
    }

    /** The DISPATCHED relay to send before {@code next}'s, if {@code next} takes the case out of DISPATCHED. */
    Optional<Outbound> before(StoredCase c, StatusEvent next) {
        if (c.status() != CaseStatus.DISPATCHED || next.status() == CaseStatus.DISPATCHED || next.status().isMarker()) {
            return Optional.empty();
        }
        StatusEvent dispatched = new StatusEvent("", c.caseId(), CaseStatus.DISPATCHED, next.occurredAt(), null, null, null);
        if (!relays.wanted(c.system(), dispatched)) {
            return Optional.empty();
        }
        List<CaseStore.EventRow> history = cases.events(c.caseId());
        for (int i = history.size() - 1; i >= 0; i--) {
            CaseStore.EventRow row = history.get(i);
            if (CaseStatus.DISPATCHED.name().equals(row.status()) && Transition.ALLOWED.name().equals(row.outcome())) {
                if (delivered.relayDelivered(row.eventId(), c.system())) {
                    return Optional.empty();
                }
                return relays.of(row.asEvent(c.caseId()), c, c);
            }
        }
        return Optional.empty();
    }
}
