package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Today's inputs: cases received since midnight, by origin system, by current status, and both (the flow). */
@Schema(description = "Cases received today (hub clock's zone), by origin system and by current status")
public record IntakeToday(
        @Schema(example = "2026-12-02") LocalDate day,
        @Schema(description = "start of the day") OffsetDateTime from,
        @Schema(description = "when counted") OffsetDateTime at,
        @Schema(example = "128") long total,
        @Schema(description = "per origin system (ALARM110, HOTLINE12345, PETITION, ODR, LABOR, …), most first")
        List<Count> bySource,
        @Schema(description = "per current status (RECEIVED, DISPATCHED, SIGNED, …), most first") List<Count> byStatus,
        @Schema(description = "per origin system and current status") List<Flow> flows) {

    @Schema(description = "a number of cases under a key")
    public record Count(@Schema(example = "HOTLINE12345") String key, @Schema(example = "42") long count) {
    }

    @Schema(description = "cases of one origin system now in one status")
    public record Flow(@Schema(example = "ALARM110") String source, @Schema(example = "SIGNED") String status,
                       @Schema(example = "7") long count) {
    }
}
