package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Header;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
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
 * {@link Transition}, idempotent by {@code eventId}, and relays every change to the case's origin ({@link Relays}).
 * Per event: the case row read once, with its lock; the event recorded unless its id is (one statement); the
 * stored case parsed only where a step needs the whole case; the linked reports ({@link LinkedReports}) looked up
 * only for a case that has some.
 */
@Service("statusService")
public class StatusService {

    private static final Logger LOG = LoggerFactory.getLogger("hub.status");

    private final CaseStore cases;
    private final SlaClocks clocks;
    private final LifecycleRules lifecycle;
    private final LinkedReports reports;
    private final Relays relays;
    private final DispatchedAhead dispatchedAhead;
    private final String statusQueue;

    public StatusService(CaseStore cases, SlaClocks clocks, LifecycleRules lifecycle, LinkedReports reports, Relays relays,
                         DispatchedAhead dispatchedAhead, @Value("${hub.queues.status}") String statusQueue) {
        this.dispatchedAhead = dispatchedAhead;
        this.cases = cases;
        this.clocks = clocks;
        this.lifecycle = lifecycle;
        this.reports = reports;
        this.relays = relays;
        this.statusQueue = statusQueue;
    }

    /**
     * What a status event from {@code deptCode} would do to its case now, without changing anything (for synchronous
     * API answers); a department's report before its dispatch is confirmed is judged as after DISPATCHED.
     */
    public Transition check(StoredCase c, CaseStatus to, String deptCode) {
        return Transition.check(reportsBeforeDispatch(c, to, deptCode) ? CaseStatus.DISPATCHED : c.status(), to);
    }

    /** The message that puts an event on the ordered status stage. */
    public List<Outbound> emitForProcessing(StatusEvent event) {
        return List.of(Outbound.forCase(statusQueue, event.caseId(), Json.write(event)));
    }

    /** Records the first status of a new case (in the intake transaction) and returns its relay message, if any. */
    public List<Outbound> recordInitial(StatusEvent received, CanonicalCase c) {
        cases.insertEvent(received, null, Transition.ALLOWED, received.occurredAt());
        return relays.of(received, c).stream().toList();
    }

    /** The relay of a new case's RECEIVED again, as recorded: for an intake message redelivered after a crash. */
    public List<Outbound> relayInitialAgain(CanonicalCase c) {
        return cases.event(c.caseId() + ":received").flatMap(row -> relays.of(row.asEvent(c.caseId()), c)).stream().toList();
    }

    /** {@code hub-status}: applies one event in one transaction, the case row locked. */
    @Transactional
    public List<Outbound> apply(String body, @Header("JMSRedelivered") Boolean redelivered) {
        return apply(read(body), false);
    }

    /** A status event as received; a malformed one is permanent. */
    static StatusEvent read(String body) {
        StatusEvent event;
        try {
            event = Json.read(body, StatusEvent.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("not a status event: " + e.getMessage(), e);
        }
        if (event.eventId() == null || event.caseId() == null || event.status() == null || event.occurredAt() == null) {
            throw new PermanentFailureException("status event lacks eventId, caseId, status or occurredAt");
        }
        return event;
    }

    /**
     * Applies one event in the caller's transaction, the case row locked; {@code deliveryRecorded}: a DISPATCHED
     * event whose dispatch the caller has just marked delivered. Returns the messages to send: the relays, and
     * what {@link LifecycleRules} adds. An event already recorded is relayed again if it was applied (the stage may
     * have stopped between recording and relaying; JMSRedelivered is not trusted: a broker restart loses it) —
     * the origin's sink drops what it already has.
     */
    List<Outbound> apply(StatusEvent event, boolean deliveryRecorded) {
        StoredCase c = cases.lock(event.caseId()).orElseThrow(() -> new PermanentFailureException(
                "status event " + event.eventId() + " for unknown case " + event.caseId()));
        OffsetDateTime now = OffsetDateTime.now();
        if (!reportsBeforeDispatch(c, event.status(), event.actor() == null ? null : event.actor().deptCode())
                || cases.event(event.eventId()).isPresent()) {
            return apply(c, event, deliveryRecorded, true, now);
        }
        // the department reports on an order whose dispatch stage has not committed yet (it stopped between the
        // department's 2xx and its commit, or is still committing): the report proves the hand-over, so DISPATCHED
        // (the stage's own event id) is applied and relayed first; the stage's redelivered order then finds it applied
        StatusEvent dispatched = new StatusEvent(StatusEvent.dispatchedId(c.caseId(), c.dispatchNo()), c.caseId(),
                CaseStatus.DISPATCHED, event.occurredAt(), event.actor(), "部门已接单（派发确认前收到其反馈）", "HUB");
        LOG.info("case {}: {} reports {} before its dispatch {} was confirmed: DISPATCHED applied first",
                c.caseId(), event.actor().deptCode(), event.status(), c.dispatchNo());
        List<Outbound> out = new ArrayList<>(apply(c, dispatched, true, true, now));
        out.addAll(apply(withStatus(c, CaseStatus.DISPATCHED), event, deliveryRecorded, false, now));
        return out;
    }

    /**
     * Whether a report from {@code deptCode} on a case that still waits for its dispatch to be confirmed (RECEIVED,
     * or RETURNED and re-routed) implies that the case's department has its order: the department the case is
     * assigned to reports a step of its own work.
     */
    private static boolean reportsBeforeDispatch(StoredCase c, CaseStatus reported, String deptCode) {
        return (c.status() == CaseStatus.RECEIVED || c.status() == CaseStatus.RETURNED)
                && deptCode != null && deptCode.equals(c.deptCode())
                && reported.rank() > CaseStatus.DISPATCHED.rank()
                && reported != CaseStatus.WITHDRAWN && !reported.isMarker();
    }

    private static StoredCase withStatus(StoredCase c, CaseStatus status) {
        return new StoredCase(c.caseId(), c.system(), c.sourceId(), status, c.escalated(), c.deptCode(), c.dispatchNo(),
                c.data(), c.hasReports());
    }

    private List<Outbound> apply(StoredCase c, StatusEvent event, boolean deliveryRecorded, boolean relayDispatchedAhead,
                                 OffsetDateTime now) {
        Transition t = Transition.check(c.status(), event.status());
        if (!cases.insertEventIfAbsent(event, c.status(), t, now)) {
            return relayAgain(event, c);
        }
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
        if (event.status() == CaseStatus.DISPATCHED && !deliveryRecorded) {
            // a channel (HTTP here, or a connector's channel such as ODR) confirmed the hand-over
            cases.markDispatched(c.caseId(), c.dispatchNo(), now);
        }
        boolean marker = event.status().isMarker();
        cases.updateStatus(c.caseId(), marker ? c.status() : event.status(), c.escalated() || marker, now);
        clocks.meet(c.caseId(), c.dispatchNo(), event.status(), event.occurredAt());
        LOG.info("case {} {} -> {} ({})", c.caseId(), c.status(), event.status(),
                event.actor() == null ? event.origin() : event.actor().deptCode());
        List<Outbound> out = new ArrayList<>(relayDispatchedAhead ? dispatchedAhead.before(c, event).stream().toList()
                : List.of());
        out.addAll(relays.of(event, c, c).stream().toList());
        if (event.status() != CaseStatus.WITHDRAWN) {
            out.addAll(reports.mirror(event, c, now));
        }
        out.addAll(lifecycle.after(c, event, now));
        if (event.status() == CaseStatus.WITHDRAWN) {
            out.addAll(reports.afterWithdrawal(c, event, now));
        }
        return out;
    }

    /** An event recorded before: relayed again (with what was mirrored of it) if it was applied, else nothing. */
    private List<Outbound> relayAgain(StatusEvent event, StoredCase c) {
        boolean applied = cases.event(event.eventId()).filter(e -> Transition.ALLOWED.name().equals(e.outcome())).isPresent();
        if (!applied) {
            LOG.debug("event {} of case {} already recorded", event.eventId(), c.caseId());
            return List.of();
        }
        List<Outbound> again = new ArrayList<>(relays.of(event, c, c).stream().toList());
        again.addAll(reports.relayAgain(event, c));
        return again;
    }

    /**
     * Mirrors a status of a case onto a report joined to it in the caller's transaction (recorded as
     * {@code eventId@reportCaseId}) and relays it to the report's origin, with the department of {@code handler},
     * the case. Empty if the report already has it.
     */
    public List<Outbound> mirrorOnJoin(StatusEvent event, StoredCase report, StoredCase handler, OffsetDateTime now) {
        return reports.mirror(event, report, handler, false, now);
    }

    /**
     * The relays of a linked report's applied statuses that its origin has not received, in order: for its input
     * received again (the intake may have stopped between its database and JMS commits).
     */
    public List<Outbound> reportRelaysAgain(StoredCase report) {
        return reports.undelivered(report);
    }
}
