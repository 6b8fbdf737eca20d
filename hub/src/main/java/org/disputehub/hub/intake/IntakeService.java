package org.disputehub.hub.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Header;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Related;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.dispatch.DispatchPlanner;
import org.disputehub.hub.linking.Linking;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.status.StatusService;
import org.disputehub.hub.store.AuditLog;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One envelope, one transaction: validate against the schema, de-duplicate by (system, sourceId), classify,
 * store the case with its raw message, choose the department. Returns what the route must emit.
 */
@Service("intakeService")
public class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger("hub.intake");

    private final CaseStore cases;
    private final AuditLog audit;
    private final MappingService mappings;
    private final DispatchPlanner planner;
    private final StatusService status;
    private final Clock clock;
    private final RiskAlerts alerts;
    private final Linking linking;
    private final LinkedIntake linked;

    public IntakeService(CaseStore cases, AuditLog audit, MappingService mappings, DispatchPlanner planner,
                         StatusService status, Clock clock, RiskAlerts alerts, Linking linking, LinkedIntake linked) {
        this.alerts = alerts;
        this.linking = linking;
        this.linked = linked;
        this.cases = cases;
        this.audit = audit;
        this.mappings = mappings;
        this.planner = planner;
        this.status = status;
        this.clock = clock;
    }

    @Transactional
    public List<Outbound> accept(String body, @Header("JMSRedelivered") Boolean redelivered) {
        CaseEnvelope envelope;
        try {
            envelope = Json.read(body, CaseEnvelope.class);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailureException("not a case envelope: " + e.getMessage(), e);
        }
        if (envelope.type() == null || envelope.system() == null || envelope.sourceId() == null || envelope.raw() == null) {
            throw new PermanentFailureException("envelope " + envelope.envelopeId() + " lacks type, system, sourceId or raw");
        }
        Optional<StoredCase> known = cases.findBySource(envelope.system(), envelope.sourceId());
        return switch (envelope.type()) {
            case NEW -> known.isPresent() ? duplicate(envelope, known.get(), Boolean.TRUE.equals(redelivered))
                    : create(envelope);
            case UPDATE -> known.isPresent() ? update(envelope, known.get()) : create(envelope);
            case WITHDRAW -> withdraw(envelope, known);
        };
    }

    private List<Outbound> create(CaseEnvelope envelope) {
        CanonicalCase incoming = envelope.caseData();
        List<String> violations = incoming == null ? List.of("caseData is missing") : CaseSchema.violations(Json.tree(incoming));
        if (!violations.isEmpty()) {
            String reason = String.join("; ", violations);
            audit.append(raw(envelope, AuditRecord.Outcome.REJECTED, reason));
            LOG.warn("rejected {} {}: {}", envelope.system(), Masking.text(envelope.sourceId()), Masking.text(reason));
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long rawId = audit.append(raw(envelope, AuditRecord.Outcome.ACCEPTED, null));
        String caseId = incoming.caseId() != null ? incoming.caseId() : cases.nextCaseId(now.toLocalDate());
        CanonicalCase c = incoming.withCaseId(caseId)
                .withSource(incoming.source().withRawMessageId(rawId))
                .withCategory(mappings.classify(envelope.system(), incoming.category()));
        OffsetDateTime at = c.reportedAt() != null ? c.reportedAt() : now;
        Linking.Outcome links = linking.evaluate(c, at);
        c = withRepeats(c, links);
        if (links.match() != null) {
            Optional<List<Outbound>> joined = linked.join(envelope, c, links, at, now);
            if (joined.isPresent()) {
                return joined.get();
            }
        }
        c = c.withRisk(mappings.current().risk(c));
        c = c.withAssignment(planner.assign(c, 1, Set.of(), now)).withStatus(CaseStatus.RECEIVED);
        cases.insert(c, now, links.columns());
        linking.record(c.caseId(), links, at);
        planner.record(c, now);
        StatusEvent received = new StatusEvent(c.caseId() + ":received", c.caseId(), CaseStatus.RECEIVED, now,
                null, "已受理", "HUB");
        LOG.info("case {} received from {} {} as {} ({}), risk {}, routed to {}", c.caseId(), envelope.system(),
                Masking.text(envelope.sourceId()), c.category().code(), c.category().name(), c.risk().level(), c.assignment().deptCode());
        List<Outbound> out = new ArrayList<>(status.recordInitial(received, c));
        out.add(planner.order(c));
        alerts.onRisk(c).ifPresent(out::add);
        return out;
    }

    private List<Outbound> duplicate(CaseEnvelope envelope, StoredCase known, boolean redelivered) {
        // Not trusting JMSRedelivered (a broker restart loses it): while the case's dispatch is not confirmed, the
        // hub may have stopped between storing the case and handing on its messages, so it hands them all on again
        // (the RECEIVED relay too — the relay sink drops what its origin already has — and a RED alert); the
        // department recognises a repeated order by its Idempotency-Key.
        if (known.deptCode() != null && !known.status().isFinished()
                && cases.dispatches(known.caseId()).stream().noneMatch(d -> "SENT".equals(d.state()))) {
            audit.append(raw(envelope, AuditRecord.Outcome.DUPLICATE, "already case " + known.caseId()
                    + ", dispatch not yet confirmed: its messages handed on again"));
            LOG.info("case {} {} before its dispatch was confirmed: dispatch order and relay re-emitted", known.caseId(),
                    redelivered ? "redelivered" : "received again");
            CanonicalCase c = known.canonical();
            List<Outbound> out = new ArrayList<>(status.relayInitialAgain(c));
            out.add(planner.order(c));
            alerts.onRisk(c).ifPresent(out::add);
            return out;
        }
        audit.append(raw(envelope, AuditRecord.Outcome.DUPLICATE, "already case " + known.caseId()));
        LOG.info("duplicate {} {} ignored: already case {}", envelope.system(), Masking.text(envelope.sourceId()), known.caseId());
        // a linked report (no department of its own): what its origin has not received yet is handed on again
        return known.deptCode() == null ? status.reportRelaysAgain(known) : List.of();
    }

    private List<Outbound> update(CaseEnvelope envelope, StoredCase known) {
        CanonicalCase incoming = envelope.caseData();
        List<String> violations = incoming == null ? List.of("caseData is missing") : CaseSchema.violations(Json.tree(incoming));
        if (!violations.isEmpty()) {
            audit.append(raw(envelope, AuditRecord.Outcome.REJECTED, String.join("; ", violations)));
            LOG.warn("rejected update of case {}: {}", known.caseId(), String.join("; ", violations));
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long rawId = audit.append(raw(envelope, AuditRecord.Outcome.ACCEPTED, "update of " + known.caseId()));
        CanonicalCase current = known.canonical();
        CanonicalCase merged = incoming.withCaseId(known.caseId())
                .withSource(incoming.source().withRawMessageId(rawId))
                .withCategory(mappings.classify(envelope.system(), incoming.category()))
                .withAssignment(current.assignment())
                .withStatus(known.status());
        merged = merged.withRisk(mappings.current().risk(merged));
        cases.updateData(merged, now);
        LOG.info("case {} updated from {} {}, forwarded to {}", known.caseId(), envelope.system(), Masking.text(envelope.sourceId()),
                known.deptCode());
        List<Outbound> out = new ArrayList<>();
        if (known.deptCode() != null && !known.status().isFinished()) {
            out.add(planner.notice(merged, "UPDATE", envelope.envelopeId()));
        } else if (!known.status().isFinished()) { // a linked report: its case's department hears of the update
            linking.primaryOf(known.caseId()).flatMap(cases::find).filter(p -> p.deptCode() != null)
                    .ifPresent(p -> out.add(planner.notice(p.canonical(), "UPDATE", envelope.envelopeId())));
        }
        boolean levelChanged = current.risk() == null || current.risk().level() != merged.risk().level();
        if (levelChanged) { // re-evaluated on every update: a case that turns RED alerts now
            alerts.onRisk(merged).ifPresent(out::add);
        }
        return out;
    }

    private List<Outbound> withdraw(CaseEnvelope envelope, Optional<StoredCase> known) {
        if (known.isEmpty()) {
            audit.append(raw(envelope, AuditRecord.Outcome.REJECTED, "withdrawal of an unknown case"));
            LOG.warn("withdrawal of unknown {} {} recorded and ignored", envelope.system(), Masking.text(envelope.sourceId()));
            return List.of();
        }
        audit.append(raw(envelope, AuditRecord.Outcome.ACCEPTED, "withdrawal of " + known.get().caseId()));
        StatusEvent withdrawn = new StatusEvent(envelope.envelopeId(), known.get().caseId(), CaseStatus.WITHDRAWN,
                envelope.occurredAt() == null ? OffsetDateTime.now(clock) : envelope.occurredAt(), null,
                envelope.reason(), envelope.system());
        return status.emitForProcessing(withdrawn);
    }

    /** The reporter's earlier cases count as repeats of the matter, beside what the source system says. */
    private static CanonicalCase withRepeats(CanonicalCase c, Linking.Outcome links) {
        int fromSource = c.related() == null ? 0 : c.related().repeatCount();
        List<String> ids = c.related() == null || c.related().caseIds() == null ? List.of() : c.related().caseIds();
        int repeats = Math.max(fromSource, links.reporterCount());
        return repeats == 0 && ids.isEmpty() ? c : c.withRelated(new Related(ids, repeats));
    }

    private static AuditRecord raw(CaseEnvelope e, AuditRecord.Outcome outcome, String reason) {
        return new AuditRecord(e.system(), AuditRecord.Direction.IN, e.sourceId(), e.raw().contentType(), e.raw().body(),
                outcome, reason, e.occurredAt());
    }
}
