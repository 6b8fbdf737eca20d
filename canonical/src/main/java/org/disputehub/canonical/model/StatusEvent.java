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
}
