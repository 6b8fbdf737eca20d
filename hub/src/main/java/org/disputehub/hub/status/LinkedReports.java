package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disputehub.canonical.connector.ConnectorStore;
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
 *
 * <p>A report's relays come from two stages: its own intake (RECEIVED, and the case's status when it was joined) and
 * the case's stages (every later status). Each commits the database before JMS, so a stage stopped between the two
 * commits leaves a report's status applied with its relay unsent while the other stage goes on: a status mirrored
 * onto a report therefore takes along, ahead of its own relay, the relays of the report's earlier statuses its origin
 * has not received yet ({@code relay_delivery}); the origin's sink drops a copy it gets twice. Two look-ups per
 * mirrored status (the report's events, and which of them its origin has).
 */
@Component
class LinkedReports {

    private final CaseStore cases;
    private final LinkStore links;
    private final Relays relays;
    private final LifecycleRules lifecycle;
    private final ConnectorStore delivered;

    LinkedReports(CaseStore cases, LinkStore links, Relays relays, LifecycleRules lifecycle, ConnectorStore delivered) {
        this.delivered = delivered;
        this.cases = cases;
        this.links = links;
        this.relays = relays;
        this.lifecycle = lifecycle;
    }

    /** Mirrors an applied event of {@code c} onto each of its reports (each report's row locked). */
    List<Outbound> mirror(StatusEvent event, StoredCase c, OffsetDateTime now) {
        List<Outbound> out = new ArrayList<>();
        for (String id : of(c)) {
            cases.lock(id).ifPresent(l -> out.addAll(mirror(event, l, c, true, now)));
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
                cases.lock(id).ifPresent(l -> out.addAll(mirror(closed, l, c, true, now)));
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
     * {@code handler} (the case the report is linked to), after the relays of the report's earlier statuses its
     * origin has not received if {@code ahead} (not for a report joined in this very transaction). Empty if the
     * report already has the status.
     */
    List<Outbound> mirror(StatusEvent event, StoredCase report, StoredCase handler, boolean ahead, OffsetDateTime now) {
        StatusEvent e = mirrored(event, report.caseId());
        Transition t = Transition.check(report.status(), e.status());
        if (!cases.insertEventIfAbsent(e, report.status(), t, now) || t != Transition.ALLOWED) {
            return List.of();
        }
        boolean marker = e.status().isMarker();
        cases.updateStatus(report.caseId(), marker ? report.status() : e.status(), report.escalated() || marker, now);
        List<Outbound> out = new ArrayList<>(ahead ? undelivered(report, handler, e.eventId()) : List.of());
        relays.of(e, report, handler).ifPresent(out::add);
        return out;
    }

    /**
     * The relays, in order, of the statuses applied to {@code report} (but {@code except}) that its origin has not
     * received: sent again ahead of a newer one, or when the report's input comes again.
     */
    List<Outbound> undelivered(StoredCase report, StoredCase handler, String except) {
        List<CaseStore.EventRow> sendable = cases.events(report.caseId()).stream()
                .filter(row -> Transition.ALLOWED.name().equals(row.outcome()) && !row.eventId().equals(except))
                .filter(row -> relays.carries(report.system(), CaseStatus.valueOf(row.status())))
                .toList();
        Set<String> received = delivered.relaysDelivered(report.system(),
                sendable.stream().map(CaseStore.EventRow::eventId).toList());
        List<Outbound> out = new ArrayList<>();
        for (CaseStore.EventRow row : sendable) {
            if (!received.contains(row.eventId())) {
                relays.of(row.asEvent(report.caseId()), report, handler).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The relays a report's origin has not received, for its input received again (the intake's duplicate). */
    List<Outbound> undelivered(StoredCase report) {
        StoredCase handler = links.primaryOf(report.caseId()).flatMap(cases::find).orElse(report);
        return undelivered(report, handler, null);
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
