package org.disputehub.canonical.connector;

import java.time.OffsetDateTime;

/**
 * A raw message to keep in the hash-chained audit log: an inbound message as received (accepted, rejected,
 * duplicate) or an outbound message sent to an external system. Sent to {@code HUB.AUDIT}, whose hub route stores
 * it; a relay's record is stored directly, with its delivery ({@link ConnectorStore#recordRelay}). Both through
 * {@link RawMessageWriter}.
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
