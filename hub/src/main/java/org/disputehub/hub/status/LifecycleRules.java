package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.dispatch.DispatchPlanner;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.sla.SlaClocks;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What follows a status change beyond recording and relaying it: a RETURNED case is re-routed (never back to a
 * department that returned it; to the duty centre after too many returns); a WITHDRAWN case's department is told.
 * Runs inside the status transaction, the case row locked; the stored case is parsed for these two steps only.
 */
@Component
class LifecycleRules {

    private static final Logger LOG = LoggerFactory.getLogger("hub.lifecycle");

    private final CaseStore cases;
    private final SlaClocks clocks;
    private final DispatchPlanner planner;
    private final LinkStore links;

    LifecycleRules(CaseStore cases, SlaClocks clocks, DispatchPlanner planner, LinkStore links) {
        this.links = links;
        this.cases = cases;
        this.clocks = clocks;
        this.planner = planner;
    }

    List<Outbound> after(StoredCase c, StatusEvent event, OffsetDateTime now) {
        if (event.status() == CaseStatus.RETURNED) {
            return reroute(c, c.canonical(), event, now);
        }
        if (event.status() == CaseStatus.WITHDRAWN && c.deptCode() != null) {
            clocks.stop(c.caseId(), now);
            LOG.info("case {} withdrawn by its origin: {} is told", c.caseId(), c.deptCode());
            return List.of(planner.notice(c.canonical().withStatus(CaseStatus.WITHDRAWN), "WITHDRAW", event.eventId()));
        }
        return List.of();
    }

    private List<Outbound> reroute(StoredCase c, CanonicalCase data, StatusEvent event, OffsetDateTime now) {
        clocks.stop(c.caseId(), now);
        cases.markReturned(c.caseId(), c.dispatchNo(), now);
        Set<String> returnedBy = cases.returnedBy(c.caseId());
        CanonicalCase next = data.withAssignment(planner.assign(data, c.dispatchNo() + 1, returnedBy, now))
                .withStatus(CaseStatus.RETURNED);
        cases.reassign(next, now);
        planner.record(next, now);
        String to = next.assignment().deptCode();
        if (to.equals(c.deptCode())) {
            LOG.warn("case {} returned by {} ({}), and no other department can take it: dispatched to it again as"
                    + " dispatch {}", c.caseId(), to, reason(event), next.assignment().dispatchNo());
        } else {
            LOG.info("case {} returned by {} ({}): re-routed to {} as dispatch {}", c.caseId(), c.deptCode(),
                    reason(event), to, next.assignment().dispatchNo());
        }
        return List.of(planner.order(next));
    }

    /** The matter goes on for the reports linked to a withdrawn case: the first becomes a case of its own. */
    Outbound promote(StoredCase withdrawn, StoredCase locked, OffsetDateTime now) {
        String reportId = locked.caseId();
        links.relink(withdrawn.caseId(), reportId);
        CanonicalCase report = locked.canonical();
        CanonicalCase next = report.withAssignment(planner.assign(report, 1, Set.of(), now));
        cases.reassign(next, now);
        planner.record(next, now);
        LOG.info("case {} withdrawn; its linked report {} goes on as a case of its own, dispatched to {}",
                withdrawn.caseId(), reportId, next.assignment().deptCode());
        return planner.order(next);
    }

    private static String reason(StatusEvent event) {
        return event.note() == null ? "no reason given" : Masking.text(event.note());
    }
}
