package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The open RED cases (not closed, revisited or withdrawn; linked reports count with their case), newest first. */
@Schema(description = "Open RED cases with the reasons of their risk level, newest first")
public record RedCases(
        @Schema(description = "open RED cases", example = "3") long open,
        @Schema(description = "RED cases received today, open or not", example = "5") long today,
        @Schema(description = "up to hub.cockpit.list-limit open RED cases, newest first") List<Case> cases) {

    @Schema(description = "one RED case; personal data in title and reasons masked")
    public record Case(@Schema(example = "HUB-20261202-000031") String caseId,
                       @Schema(example = "多人聚集讨薪") String title,
                       @Schema(example = "ALARM110") String source,
                       @Schema(example = "SIGNED") String status,
                       @Schema(example = "330108-RS-001") String deptCode,
                       @Schema(example = "人力社保局劳动保障监察大队") String deptName,
                       OffsetDateTime receivedAt,
                       @Schema(description = "why RED (mappings/risk.csv)", example = "[\"R01 群体性：人数≥10\"]")
                       List<String> reasons) {
    }
}
