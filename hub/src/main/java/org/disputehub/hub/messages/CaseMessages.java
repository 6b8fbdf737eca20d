package org.disputehub.hub.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The message log of a case: every raw message in and out for it and its linked reports, and what is parked. */
@Schema(name = "CaseMessages", description = "Every raw message in and out for a case and its linked reports, oldest "
        + "first, and the case's parked messages with how to replay them")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseMessages(
        @Schema(example = "HUB-20261122-000017") String caseId,
        @Schema(description = "the case and the reports linked to it, whose messages are listed")
        List<String> caseIds,
        @Schema(description = "whether bodies are included (ADMIN only)") boolean bodies,
        List<MessageEntry> messages,
        List<Parked> parked,
        @Schema(description = "set when the dead-letter queues could not be read (the broker is unreachable)")
        String parkedError) {

    /** A message of the case parked on a dead-letter queue, and how to put it back. */
    @Schema(name = "ParkedCaseMessage", description = "A message of the case parked on a dead-letter queue")
    public record Parked(@Schema(example = "DLQ.HUB.DISPATCH.330108-WY-001") String queue,
                         @Schema(description = "the stage queue it was parked from", example = "HUB.DISPATCH.330108-WY-001")
                         String from,
                         @Schema(example = "ID:6b1c5e7a-c7a2-11ef-9c8e-0242ac120002") String messageId,
                         @Schema(example = "2026-11-22T09:31:02+08:00") String parkedAt,
                         @Schema(example = "department answered 422: incomplete") String reason,
                         @Schema(example = "1834") long size,
                         @Schema(example = "parked") String outcome,
                         Replay replay) {
    }

    /** What replays a parked message: the admin endpoint and the JMX operation. */
    @Schema(name = "Replay")
    public record Replay(@Schema(example = "POST") String method,
                         @Schema(example = "/api/v1/admin/dlq/HUB.DISPATCH.330108-WY-001/replay?messageId=ID:6b1c5e7a")
                         String href,
                         @Schema(example = "org.disputehub:type=HubAdmin replayParked(HUB.DISPATCH.330108-WY-001, ID:6b1c5e7a)")
                         String jmx) {
    }
}
