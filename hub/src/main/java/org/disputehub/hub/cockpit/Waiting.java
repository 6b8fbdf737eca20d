package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** Dispatched cases waiting for the department's sign-off (DISPATCHED) or arrival on site (SIGNED), with their SLA. */
@Schema(description = "Cases waiting for sign-off or arrival, soonest deadline first, with the time left")
public record Waiting(
        @Schema(description = "when counted; secondsLeft is counted from here") OffsetDateTime at,
        @Schema(example = "12") long total,
        @Schema(description = "waiting for sign-off (status DISPATCHED)", example = "5") long signOff,
        @Schema(description = "waiting for arrival (status SIGNED)", example = "7") long arrival,
        @Schema(description = "of those, past their deadline", example = "2") long overdue,
        @Schema(description = "up to hub.cockpit.list-limit cases, soonest deadline first") List<Case> cases) {

    @Schema(description = "one waiting case; personal data in the title masked")
    public record Case(@Schema(example = "HUB-20261202-000017") String caseId,
                       @Schema(example = "小区物业乱收停车费") String title,
                       @Schema(example = "HOTLINE12345") String source,
                       @Schema(example = "330108-WY-001") String deptCode,
                       @Schema(example = "物业管理办公室") String deptName,
                       @Schema(description = "SIGN or ARRIVE", example = "SIGN") String waitingFor,
                       @Schema(example = "DISPATCHED") String status,
                       @Schema(description = "the deadline of the current dispatch") OffsetDateTime dueAt,
                       @Schema(description = "until the deadline; negative when overdue", example = "-35") long secondsLeft,
                       @Schema(example = "YELLOW") String risk) {
    }
}
