package org.disputehub.connector.odr;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.RawMessage;
import org.disputehub.canonical.model.StatusEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an authenticated webhook event does, once per event id: the effect is sent (persistently) first, then the
 * id is recorded with the case id answered, so a retried event gets the same answer and no second effect; a crash
 * between the two repeats an effect the hub recognises (same source id, same derived event ids).
 * Returns the hub case id to answer with, or null.
 */
public class OdrEventIntake {

    private static final Logger log = LoggerFactory.getLogger(OdrEventIntake.class);
    static final String ACTOR_NAME = "ODR在线调解";

    private final DisputeMapper disputes;
    private final WithdrawalMapper withdrawals;
    private final ConclusionMapper conclusions;
    private final MediationOutcomes outcomes;
    private final ConnectorStore store;
    private final OdrLinks links;
    private final IntakePublisher publisher;
    private final Clock clock;

    public OdrEventIntake(DisputeMapper disputes, WithdrawalMapper withdrawals, ConclusionMapper conclusions,
                          MediationOutcomes outcomes, ConnectorStore store, OdrLinks links, IntakePublisher publisher,
                          Clock clock) {
        this.disputes = disputes;
        this.withdrawals = withdrawals;
        this.conclusions = conclusions;
        this.outcomes = outcomes;
        this.store = store;
        this.links = links;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The case id answered the first time, when the event was handled before. */
    public Optional<Optional<String>> handledBefore(OdrEvent event) {
        return store.sourceVersion(Odr.EVENTS, event.id()).map(v -> "-".equals(v) ? Optional.empty() : Optional.of(v));
    }

    public String accept(OdrEvent event) {
        String caseId = switch (event.type()) {
            case OdrEvent.CREATED -> dispute(event, EnvelopeType.NEW);
            case OdrEvent.UPDATED -> dispute(event, EnvelopeType.UPDATE);
            case OdrEvent.WITHDRAWN -> withdrawn(event);
            case OdrEvent.CONCLUDED -> concluded(event);
            default -> unknown(event);
        };
        store.saveSourceVersion(Odr.EVENTS, event.id(), caseId == null ? "-" : caseId);
        return caseId;
    }

    private String dispute(OdrEvent event, EnvelopeType type) {
        CanonicalCase mapped = disputes.map(event.requireData(), now());
        String disputeId = mapped.source().sourceId();
        if (type == EnvelopeType.UPDATE && olderThanApplied(event, disputeId)) {
            String caseId = store.caseIdOf(Odr.SYSTEM, disputeId).orElse(null);
            audit(event, AuditRecord.Outcome.DUPLICATE, "dispute.updated older than the version already applied");
            log.info("odr event {}: update of dispute {} is older than the one applied, not sent (caseId={})",
                    event.id(), disputeId, caseId);
            return caseId;
        }
        String caseId = store.allocateCaseId(Odr.SYSTEM, disputeId);
        publisher.envelope(new CaseEnvelope(envelopeId(event), type, Odr.SYSTEM, disputeId, occurredAt(event),
                mapped.withCaseId(caseId), null, raw(event)));
        if (event.created() != null) {
            store.saveSourceVersion(Odr.SYSTEM, disputeId, Long.toString(event.created()));
        }
        log.info("odr event {}: dispute {} → {} caseId={}", event.id(), disputeId, type, caseId);
        return caseId;
    }

    private String withdrawn(OdrEvent event) {
        WithdrawalMapper.Withdrawal w = withdrawals.map(event.requireData());
        String caseId = store.caseIdOf(Odr.SYSTEM, w.disputeId()).orElse(null);
        publisher.envelope(new CaseEnvelope(envelopeId(event), EnvelopeType.WITHDRAW, Odr.SYSTEM, w.disputeId(),
                w.withdrawnAt(), null, w.reason(), raw(event)));
        log.info("odr event {}: dispute {} → WITHDRAW caseId={}", event.id(), w.disputeId(), caseId);
        return caseId;
    }

    private String concluded(OdrEvent event) {
        ConclusionMapper.Conclusion c = conclusions.map(event.requireData());
        String caseId = links.caseOf(c.disputeId()).orElseThrow(() ->
                new EventRefusedException(404, "data.disputeId", "dispute " + c.disputeId() + " is not known to the hub"));
        String deptCode = links.assigneeOf(caseId).orElseThrow(() -> new EventRefusedException(409, "data.disputeId",
                "case " + caseId + " has no department known to the connector yet; send the event again later"));
        List<CaseStatus> statuses = outcomes.statuses(c.outcome());
        for (CaseStatus status : statuses) {
            publisher.status(new StatusEvent("ODR:" + event.id() + ":" + status, caseId, status, c.concludedAt(),
                    new StatusEvent.Actor(deptCode, ACTOR_NAME), outcomes.note(status, c.agreementNo()), Odr.SYSTEM));
        }
        audit(event, AuditRecord.Outcome.ACCEPTED, "mediation " + c.outcome() + " → " + statuses + " of case " + caseId);
        log.info("odr event {}: mediation of dispute {} {} → {} caseId={} dept={}", event.id(), c.disputeId(),
                c.outcome(), statuses, caseId, deptCode);
        return caseId;
    }

    private String unknown(OdrEvent event) {
        audit(event, AuditRecord.Outcome.ACCEPTED, "unknown type '" + event.type() + "' not processed");
        log.warn("odr event {}: unknown type '{}' acknowledged and recorded, not processed", event.id(), event.type());
        return null;
    }

    /** Records a raw event that became no envelope (the hub audits the ones inside envelopes itself). */
    public void audit(OdrEvent event, AuditRecord.Outcome outcome, String reason) {
        publisher.audit(new AuditRecord(Odr.SYSTEM, AuditRecord.Direction.IN, event.id(), Odr.JSON, event.raw(), outcome,
                reason, now()));
    }

    private boolean olderThanApplied(OdrEvent event, String disputeId) {
        if (event.created() == null) {
            return false;
        }
        Optional<String> applied = store.sourceVersion(Odr.SYSTEM, disputeId);
        try {
            return applied.isPresent() && !"-".equals(applied.get()) && Long.parseLong(applied.get()) > event.created();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private OffsetDateTime occurredAt(OdrEvent event) {
        return event.created() == null ? now()
                : OffsetDateTime.ofInstant(Instant.ofEpochSecond(event.created()), Odr.OFFSET);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(Odr.OFFSET);
    }

    /** The same event always yields the same envelope id (the hub uses a WITHDRAW's as its status event id). */
    static String envelopeId(OdrEvent event) {
        return UUID.nameUUIDFromBytes(("ODR:" + event.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static RawMessage raw(OdrEvent event) {
        return new RawMessage(Odr.JSON, event.raw());
    }
}
