package org.disputehub.hub.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.disputehub.hub.store.AuditLog;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.store.StoredCase;
import org.disputehub.hub.support.Outbound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits a department's status event (HTTP API or {@code HUB.STATUS.IN}): checks the shape, the case, that the
 * department is the one the case is assigned to, the event id and the transition; records the raw event in the
 * audit log with the verdict; and, when admitted, returns the message for the ordered status stage.
 */
@Service
public class StatusAdmission {

    public enum Verdict { ACCEPTED, ALREADY_RECEIVED, MALFORMED, UNKNOWN_CASE, NOT_ASSIGNED, REFUSED }

    public record Result(Verdict verdict, String message, String from, String to, List<Outbound> emit) {
        static Result of(Verdict v, String message) {
            return new Result(v, message, null, null, List.of());
        }
    }

    private final CaseStore cases;
    private final AuditLog audit;
    private final StatusService status;

    public StatusAdmission(CaseStore cases, AuditLog audit, StatusService status) {
        this.cases = cases;
        this.audit = audit;
        this.status = status;
    }

    @Transactional
    public Result admit(String pathCaseId, String body, String deptCode) {
        Result r = judge(pathCaseId, body, deptCode);
        String ref = pathCaseId != null ? pathCaseId : "?";
        AuditRecord.Outcome outcome = switch (r.verdict()) {
            case ACCEPTED -> AuditRecord.Outcome.ACCEPTED;
            case ALREADY_RECEIVED -> AuditRecord.Outcome.DUPLICATE;
            default -> AuditRecord.Outcome.REJECTED;
        };
        audit.append(new AuditRecord("DEPT:" + deptCode, AuditRecord.Direction.IN, ref, "application/json", body,
                outcome, r.verdict() == Verdict.ACCEPTED ? null : r.message(), OffsetDateTime.now()));
        return r;
    }

    private Result judge(String pathCaseId, String body, String deptCode) {
        StatusEvent e;
        try {
            e = Json.read(body, StatusEvent.class);
        } catch (IllegalArgumentException ex) {
            return Result.of(Verdict.MALFORMED, ex.getMessage());
        }
        String missing = e.eventId() == null || e.eventId().isBlank() ? "eventId"
                : e.status() == null ? "status" : e.occurredAt() == null ? "occurredAt" : null;
        if (missing != null) {
            return Result.of(Verdict.MALFORMED, missing + " is required");
        }
        if (e.eventId().length() > 64) {
            return Result.of(Verdict.MALFORMED, "eventId is longer than 64 characters");
        }
        String caseId = pathCaseId != null ? pathCaseId : e.caseId();
        if (e.caseId() != null && !e.caseId().equals(caseId)) {
            return Result.of(Verdict.MALFORMED, "caseId in the body (" + e.caseId() + ") differs from the path");
        }
        Optional<StoredCase> c = caseId == null ? Optional.empty() : cases.find(caseId);
        if (c.isEmpty()) {
            return Result.of(Verdict.UNKNOWN_CASE, "unknown case " + caseId);
        }
        if (!deptCode.equals(c.get().deptCode())) {
            return Result.of(Verdict.NOT_ASSIGNED, "case " + caseId + " is not assigned to " + deptCode);
        }
        if (cases.event(e.eventId()).isPresent()) {
            return Result.of(Verdict.ALREADY_RECEIVED, "event " + e.eventId() + " already received");
        }
        Transition t = status.check(c.get(), e.status(), deptCode);
        if (t == Transition.REFUSED) {
            return new Result(Verdict.REFUSED, "transition not allowed: " + c.get().status() + " -> " + e.status(),
                    c.get().status().name(), e.status().name(), List.of());
        }
        String origin = e.origin() == null ? "DEPT" : e.origin();
        StatusEvent admitted = new StatusEvent(e.eventId(), caseId, e.status(), e.occurredAt(),
                new StatusEvent.Actor(deptCode, e.actor() == null ? null : e.actor().name()), e.note(), origin);
        return new Result(Verdict.ACCEPTED, "accepted", null, null, status.emitForProcessing(admitted));
    }
}
