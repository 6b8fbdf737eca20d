package org.disputehub.canonical.model;

import java.time.OffsetDateTime;

/**
 * What a connector puts on {@code HUB.INTAKE}: the only contract between connectors and the hub.
 * NEW and UPDATE carry the mapped case; WITHDRAW carries the reason. The raw message always travels
 * with it so the hub stores the case and its audit record in one transaction.
 */
public record CaseEnvelope(
        String envelopeId,
        EnvelopeType type,
        String system,
        String sourceId,
        OffsetDateTime occurredAt,
        CanonicalCase caseData,
        String reason,
        RawMessage raw) {
}
