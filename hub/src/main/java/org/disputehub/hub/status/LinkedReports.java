package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Component;

/**
 * The reports linked to a case (一事多次) in the status lifecycle: each status of the case is mirrored onto them
 * (recorded as {@code eventId@reportCaseId}, relayed to each report's origin with the case's department); when the
 * case's own origin withdraws it, they are closed with it or the first goes on as a case of its own. Looked up only
 * for a case flagged {@code has_reports}. Runs in the status transaction, the case row locked.
 */
@Component
class LinkedReports {

    private final CaseStore cases;
    private final LinkStore links;
    private final Relays relays;
    private final LifecycleRules lifecycle;

    LinkedReports(CaseStore cases, LinkStore links, Relays relays, LifecycleRules lifecycle) {
        this.cases = cases;
        this.links = links;
        this.relays = relays;
        this.lifecycle = lifecycle;
    }

    /** Mirrors an applied event of {@code c} onto each of its reports (each report's row locked). */
    List<Outbound> mirror(StatusEvent event, StoredCase c, OffsetDateTime now) {
        List<Outbound> out = new ArrayList<>();
        for (String id : of(c)) {
            cases.lock(id).flatMap(l -> mirror(event, l, c, now)).ifPresent(out::add);
        }
        return out;
    }

    /** The relays of what was mirrored of an event recorded before (sent again: see StatusService#apply). */
    List<Outbound> relayAgain(StatusEvent event, StoredCase c) {
        List<Outbound> again = new ArrayList<>();
        for (String id : of(c)) {
            cases.find(id).filter(l -> cases.event(mirrorId(event, id)).isPresent())
                    .flatMap(l -> relays.of(mirrored(event, id), l, c)).ifPresent(again::add);
        }
        return again;
    }

    /**
     * The reports of a case its own origin withdrew. Withdrawn before it was resolved, the matter goes on: the first
     * report starts again as a case of its own (RECEIVED, relayed to its origin) and is dispatched; the others follow
     * it. Withdrawn after it was resolved, the matter is done: the reports are closed with it.
     */
    List<Outbound> afterWithdrawal(StoredCase c, StatusEvent event, OffsetDateTime now) {
        List<String> reports = of(c);
        if (reports.isEmpty()) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>();
        if (c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.UNRESOLVED) {
            StatusEvent closed = new StatusEvent(event.eventId() + ":closed", c.caseId(), CaseStatus.CLOSED,
                    event.occurredAt(), null, "事项已办结，首报人已撤回", "HUB");
            for (String id : reports) {
                cases.lock(id).flatMap(l -> mirror(closed, l, c, now)).ifPresent(out::add);
            }
            return out;
        }
        StoredCase report = cases.lock(reports.get(0)).orElseThrow();
        StatusEvent restarted = new StatusEvent(event.eventId() + ":promoted@" + report.caseId(), report.caseId(),
                CaseStatus.RECEIVED, event.occurredAt(), null, "关联案件已撤回，转为独立案件", "HUB");
        cases.insertEvent(restarted, report.status(), Transition.ALLOWED, now);
        cases.updateStatus(report.caseId(), CaseStatus.RECEIVED, false, now);
        relays.of(restarted, report, report).ifPresent(out::add);
        out.add(lifecycle.promote(c, report, now));
        return out;
    }

    /**
     * Mirrors a status onto one report and relays it to the report's origin, with the department of
     * {@code handler} (the case the report is linked to). Empty if the report already has it.
     */
    Optional<Outbound> mirror(StatusEvent event, StoredCase report, StoredCase handler, OffsetDateTime now) {
        StatusEvent e = mirrored(event, report.caseId());
        Transition t = Transition.check(report.status(), e.status());
        if (!cases.insertEventIfAbsent(e, report.status(), t, now) || t != Transition.ALLOWED) {
            return Optional.empty();
        }
        boolean marker = e.status().isMarker();
        cases.updateStatus(report.caseId(), marker ? report.status() : e.status(), report.escalated() || marker, now);
        return relays.of(e, report, handler);
    }

    private List<String> of(StoredCase c) {
        return c.hasReports() ? links.linkedTo(c.caseId()) : List.of();
    }

    private static StatusEvent mirrored(StatusEvent event, String reportId) {
        return new StatusEvent(mirrorId(event, reportId), reportId, event.status(), event.occurredAt(), event.actor(),
                event.note(), event.origin());
    }

    private static String mirrorId(StatusEvent event, String reportId) {
        return event.eventId() + "@" + reportId;
    }
}
