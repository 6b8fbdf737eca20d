package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Header;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.sla.SlaClocks;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The status lifecycle: applies canonical status events to cases under the state machine of
 * {@link Transition}, idempotent by {@code eventId}, and relays every change to the case's origin.
 */
@Service("statusService")
public class StatusService {

    private static final Logger LOG = LoggerFactory.getLogger("hub.status");

    private final CaseStore cases;
    private final SlaClocks clocks;
    private final LifecycleRules lifecycle;
    private final LinkStore links;
    private final String statusQueue;
    private final String relayPrefix;

    public StatusService(CaseStore cases, SlaClocks clocks, LifecycleRules lifecycle, LinkStore links,
                         @Value("${hub.queues.status}") String statusQueue,
                         @Value("${hub.queues.relay-prefix}") String relayPrefix) {
        this.cases = cases;
        this.clocks = clocks;
        this.lifecycle = lifecycle;
        this.statusQueue = statusQueue;
        this.relayPrefix = relayPrefix;
        this.links = links;
    }

    /** What a status event would do to its case now, without changing anything (for synchronous API answers). */
    public Transition check(StoredCase c, CaseStatus to) {
        return Transition.check(c.status(), to);
    }

    /** The message that puts an event on the ordered status stage. */
    public List<Outbound> emitForProcessing(StatusEvent event) {
        return List.of(Outbound.forCase(statusQueue, event.caseId(), Json.write(event)));
    }

    /** Records the first status of a new case (in the intake transaction) and returns its relay message. */
    public Outbound recordInitial(StatusEvent received, CanonicalCase c) {
        cases.insertEvent(received, null, Transition.ALLOWED, received.occurredAt());
        return relay(received, c);
    }

    /** The relay of a new case's RECEIVED again, as recorded: for an intake message redelivered after a crash. */
    public List<Outbound> relayInitialAgain(CanonicalCase c) {
        return cases.event(c.caseId() + ":received").map(row -> relay(new StatusEvent(row.eventId(), c.caseId(),
                CaseStatus.RECEIVED, row.occurredAt(), null, row.note(), row.origin()), c)).stream().toList();
    }

    /** {@code hub-status}: applies one event in one transaction, the case row locked. */
    @Transactional
    public List<Outbound> apply(String body, @Header("JMSRedelivered") Boolean redelivered) {
        StatusEvent event;
        try {
            event = Json.read(body, StatusEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("not a status event: " + e.getMessage(), e);
        }
        if (event.eventId() == null || event.caseId() == null || event.status() == null || event.occurredAt() == null) {
            throw new PermanentFailureException("status event lacks eventId, caseId, status or occurredAt");
        }
        Optional<StoredCase> locked = cases.lock(event.caseId());
        if (locked.isEmpty()) {
            throw new PermanentFailureException("status event " + event.eventId() + " for unknown case " + event.caseId());
        }
        StoredCase c = locked.get();
        Optional<CaseStore.EventRow> seen = cases.event(event.eventId());
        if (seen.isPresent()) {
            boolean applied = Transition.ALLOWED.name().equals(seen.get().outcome());
            if (applied) {
                // perhaps stopped between recording and relaying (JMSRedelivered is not trusted: a broker restart
                // loses it): relay again — the origin's sink drops what it already has
                List<Outbound> again = new ArrayList<>(List.of(relay(event, c.canonical())));
                for (String id : links.linkedTo(c.caseId())) {
                    cases.find(id).filter(l -> cases.event(mirrorId(event, id)).isPresent())
                            .ifPresent(l -> again.add(relay(mirrored(event, id), l.canonical()
                                    .withAssignment(c.canonical().assignment()))));
                }
                return again;
            }
            LOG.debug("event {} of case {} already recorded", event.eventId(), c.caseId());
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now();
        Transition t = Transition.check(c.status(), event.status());
        cases.insertEvent(event, c.status(), t, now);
        if (t != Transition.ALLOWED) {
            // a duplicate, or an origin's withdrawal after the case ended, is ordinary: only other refusals need a look
            boolean expected = t == Transition.DUPLICATE || event.status() == CaseStatus.WITHDRAWN;
            String line = "case {} event {} {} -> {} {}";
            Object[] args = {c.caseId(), event.eventId(), c.status(), event.status(),
                    t == Transition.DUPLICATE ? "ignored (already in that status)" : "refused (not allowed)"};
            if (expected) {
                LOG.info(line, args);
            } else {
                LOG.warn(line, args);
            }
            return List.of();
        }
        if (event.status() == CaseStatus.DISPATCHED) {
            // a channel (HTTP here, or a connector's channel such as ODR) confirmed the hand-over
            cases.markDispatched(c.caseId(), c.dispatchNo(), now);
        }
        boolean marker = event.status().isMarker();
        cases.updateStatus(c.caseId(), marker ? c.status() : event.status(), c.escalated() || marker, now);
        clocks.meet(c.caseId(), c.dispatchNo(), event.status(), event.occurredAt());
        LOG.info("case {} {} -> {} ({})", c.caseId(), c.status(), event.status(),
                event.actor() == null ? event.origin() : event.actor().deptCode());
        CanonicalCase data = c.canonical();
        List<Outbound> out = new ArrayList<>(List.of(relay(event, data)));
        if (event.status() != CaseStatus.WITHDRAWN) {
            for (String id : links.linkedTo(c.caseId())) {
                cases.lock(id).flatMap(l -> mirror(event, l, data, now)).ifPresent(out::add);
            }
        }
        out.addAll(lifecycle.after(c, data, event, now));
        if (event.status() == CaseStatus.WITHDRAWN) {
            out.addAll(afterWithdrawal(c, data, event, now));
        }
        return out;
    }

    /**
     * The reports linked to a case its own origin withdrew. Withdrawn before it was resolved, the matter goes on:
     * the first report starts again as a case of its own (RECEIVED, relayed to its origin) and is dispatched; the
     * others follow it. Withdrawn after it was resolved, the matter is done: the reports are closed with it.
     */
    private List<Outbound> afterWithdrawal(StoredCase c, CanonicalCase data, StatusEvent event, OffsetDateTime now) {
        List<String> reports = links.linkedTo(c.caseId());
        if (reports.isEmpty()) {
            return List.of();
        }
        List<Outbound> out = new ArrayList<>();
        if (c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.UNRESOLVED) {
            StatusEvent closed = new StatusEvent(event.eventId() + ":closed", c.caseId(), CaseStatus.CLOSED,
                    event.occurredAt(), null, "事项已办结，首报人已撤回", "HUB");
            for (String id : reports) {
                cases.lock(id).flatMap(l -> mirror(closed, l, data, now)).ifPresent(out::add);
            }
            return out;
        }
        StoredCase report = cases.lock(reports.get(0)).orElseThrow();
        StatusEvent restarted = new StatusEvent(event.eventId() + ":promoted@" + report.caseId(), report.caseId(),
                CaseStatus.RECEIVED, event.occurredAt(), null, "关联案件已撤回，转为独立案件", "HUB");
        cases.insertEvent(restarted, report.status(), Transition.ALLOWED, now);
        cases.updateStatus(report.caseId(), CaseStatus.RECEIVED, false, now);
        out.add(relay(restarted, report.canonical()));
        out.add(lifecycle.promote(c, report.caseId(), now));
        return out;
    }

    /**
     * Mirrors a status of a case onto a report linked to it (recorded as {@code eventId@reportCaseId}) and relays it
     * to the report's origin, with the department handling the case. Empty if the report already has it.
     */
    public Optional<Outbound> mirror(StatusEvent event, StoredCase report, CanonicalCase caseData, OffsetDateTime now) {
        StatusEvent e = mirrored(event, report.caseId());
        if (cases.event(e.eventId()).isPresent()) {
            return Optional.empty();
        }
        Transition t = Transition.check(report.status(), e.status());
        cases.insertEvent(e, report.status(), t, now);
        if (t != Transition.ALLOWED) {
            return Optional.empty();
        }
        boolean marker = e.status().isMarker();
        cases.updateStatus(report.caseId(), marker ? report.status() : e.status(), report.escalated() || marker, now);
        return Optional.of(relay(e, report.canonical().withAssignment(caseData.assignment())));
    }

    private static StatusEvent mirrored(StatusEvent event, String reportId) {
        return new StatusEvent(mirrorId(event, reportId), reportId, event.status(), event.occurredAt(), event.actor(),
                event.note(), event.origin());
    }

    private static String mirrorId(StatusEvent event, String reportId) {
        return event.eventId() + "@" + reportId;
    }

    private Outbound relay(StatusEvent event, CanonicalCase c) {
        String system = c.source().system();
        RelayEvent relay = new RelayEvent(event, system, c.source().sourceId(),
                c.assignment() == null ? null : c.assignment().deptCode(),
                c.assignment() == null ? null : c.assignment().deptName());
        return Outbound.forCase(relayPrefix + system, c.caseId(), Json.write(relay));
    }
}
