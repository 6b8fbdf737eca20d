package org.disputehub.canonical.connector;

import java.time.OffsetDateTime;

/**
 * A raw message to keep in the hash-chained audit log: an inbound message that never became an
 * envelope (rejected) or an outbound message sent to an external system. Sent to {@code HUB.AUDIT}.
 */
public record AuditRecord(
        String system,
        Direction direction,
        String ref,
        String contentType,
        String body,
        Outcome outcome,
        String reason,
        OffsetDateTime at) {

    public enum Direction { IN, OUT }

    public enum Outcome { ACCEPTED, REJECTED, DUPLICATE, SENT, FAILED }
}
