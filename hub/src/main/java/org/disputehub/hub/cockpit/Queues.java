package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What waits on the broker: messages on each stage queue, and messages parked on its DLQ. */
@Schema(description = "Queue depths and parked messages (DLQ.{queue}) per stage and per queue")
public record Queues(
        @Schema(example = "4") long depth,
        @Schema(example = "1") long parked,
        @Schema(description = "per stage: inbound, intake, dispatch, status, relay, notify, audit") List<Stage> stages,
        @Schema(description = "per queue a hub route consumes") List<Queue> queues) {

    @Schema(description = "one stage's queues together")
    public record Stage(@Schema(example = "dispatch") String stage, @Schema(example = "3") long depth,
                        @Schema(example = "1") long parked) {
    }

    @Schema(description = "one stage queue")
    public record Queue(@Schema(example = "HUB.DISPATCH.330108-WY-001") String queue,
                        @Schema(example = "dispatch") String stage, @Schema(example = "3") long depth,
                        @Schema(description = "messages on DLQ.{queue}", example = "1") long parked) {
    }
}
