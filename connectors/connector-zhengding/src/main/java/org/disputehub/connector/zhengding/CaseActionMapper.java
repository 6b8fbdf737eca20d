package org.disputehub.connector.zhengding;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;

/**
 * A decrypted {@code case_action} event → the canonical status event (docs/interfaces/zhengding.md, departments.md):
 * SIGN → SIGNED, ARRIVE → ARRIVED, FEEDBACK → RESOLVED ({@code resolved: true}) or UNRESOLVED ({@code false}),
 * RETURN → RETURNED (the note is the reason), VISIT → REVISITED (the note says 满意/不满意). The event id is the
 * platform's; the actor is the department and the user id (a platform id, not personal data); {@code time} (epoch
 * ms) becomes {@code occurredAt} at +08:00.
 */
public final class CaseActionMapper {

    static final String ORIGIN = Zhengding.SYSTEM;
    /** 9999-12-31T23:59:59.999Z: no later (or negative) {@code time} is a moment the hub can represent. */
    static final long TIME_MAX = 253_402_300_799_999L;

    private CaseActionMapper() {
    }

    public static StatusEvent map(JsonNode m) throws MalformedEventException {
        String eventId = text(m, "eventId");
        if (!eventId.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new MalformedEventException("eventId must be 1-64 letters, digits or _ . : -");
        }
        String caseId = text(m, "caseId");
        if (!caseId.matches("HUB-\\d{8}-\\d{6,}")) {
            throw new MalformedEventException("caseId " + caseId + " is not a hub case id");
        }
        String deptCode = text(m, "deptCode");
        if (!deptCode.matches("[0-9A-Z][0-9A-Z-]{1,62}")) {
            throw new MalformedEventException("deptCode " + deptCode + " is not a department code");
        }
        JsonNode time = m.path("time");
        if (!time.isIntegralNumber() || !time.canConvertToLong() || time.asLong() < 0 || time.asLong() > TIME_MAX) {
            throw new MalformedEventException("time (epoch milliseconds, 0.." + TIME_MAX + ") is required");
        }
        String note = m.path("note").isTextual() && !m.path("note").asText().isBlank() ? m.path("note").asText() : null;
        String action = text(m, "action");
        CaseStatus status;
        switch (action) {
            case "SIGN" -> status = CaseStatus.SIGNED;
            case "ARRIVE" -> status = CaseStatus.ARRIVED;
            case "FEEDBACK" -> status = bool(m, "resolved") ? CaseStatus.RESOLVED : CaseStatus.UNRESOLVED;
            case "RETURN" -> {
                status = CaseStatus.RETURNED;
                note = note == null ? "退回（未说明原因）" : note;
            }
            case "VISIT" -> {
                status = CaseStatus.REVISITED;
                note = (bool(m, "satisfied") ? "满意" : "不满意") + (note == null ? "" : "：" + note);
            }
            default -> throw new MalformedEventException("unknown action " + action);
        }
        String userId = m.path("userId").isTextual() ? m.path("userId").asText() : null;
        return new StatusEvent(eventId, caseId, status,
                Instant.ofEpochMilli(m.path("time").asLong()).atOffset(Zhengding.OFFSET),
                new StatusEvent.Actor(deptCode, userId), note, ORIGIN);
    }

    private static String text(JsonNode m, String field) throws MalformedEventException {
        JsonNode v = m.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new MalformedEventException(field + " is required");
        }
        return v.asText();
    }

    private static boolean bool(JsonNode m, String field) throws MalformedEventException {
        JsonNode v = m.path(field);
        if (!v.isBoolean()) {
            throw new MalformedEventException(field + " (true/false) is required");
        }
        return v.asBoolean();
    }

    /** A decrypted event message that cannot become a status event. */
    public static final class MalformedEventException extends Exception {

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
