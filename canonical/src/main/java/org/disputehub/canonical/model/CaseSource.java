package org.disputehub.canonical.model;

import java.time.OffsetDateTime;

/** Where a case came from: the origin system, its own id, the channel and the raw message stored in the audit log. */
public record CaseSource(String system, String sourceId, String channel, OffsetDateTime receivedAt, Long rawMessageId) {

    public CaseSource withRawMessageId(Long id) {
        return new CaseSource(system, sourceId, channel, receivedAt, id);
    }
}
