package org.disputehub.canonical.model;

import java.time.OffsetDateTime;

/** A canonical status event (docs/interfaces/departments.md); {@code eventId} makes it idempotent. */
public record StatusEvent(
        String eventId,
        String caseId,
        CaseStatus status,
        OffsetDateTime occurredAt,
        Actor actor,
        String note,
        String origin) {

    public record Actor(String deptCode, String name) {
    }

    /**
     * The id of the DISPATCHED event of a case's dispatch {@code dispatchNo}: the same whichever channel confirms the
     * hand-over, or a department's report that comes first, so the event is applied once.
     */
    public static String dispatchedId(String caseId, int dispatchNo) {
        return caseId + ":dispatched:" + dispatchNo;
    }
}
