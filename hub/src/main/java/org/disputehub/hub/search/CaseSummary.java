package org.disputehub.hub.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One case in a search result: who sent it, what it is, where it stands — no personal data. */
@Schema(name = "CaseSummary", description = "A case as listed by the search (no parties, no personal data)")
public record CaseSummary(
        @Schema(example = "HUB-20261122-000017") String caseId,
        Source source,
        @Schema(example = "小区物业乱收停车费") String title,
        Category category,
        @Schema(description = "current risk colour", allowableValues = {"RED", "YELLOW", "GREEN"}, example = "YELLOW")
        String risk,
        @Schema(description = "the department the case is assigned to", example = "330108-WY-001") String deptCode,
        @Schema(example = "SIGNED") String status,
        @Schema(description = "an SLA deadline of the case was missed") boolean escalated,
        @Schema(description = "the case this report was linked to, if any", example = "HUB-20261122-000011")
        String linkedTo,
        @Schema(description = "when the hub received the report (+08:00)", example = "2026-11-22T09:30:16+08:00")
        OffsetDateTime receivedAt,
        @Schema(description = "the case's last change (+08:00)", example = "2026-11-22T09:40:10+08:00")
        OffsetDateTime updatedAt,
        @Schema(description = "the full case", example = "/api/v1/cases/HUB-20261122-000017") String href) {

    @Schema(name = "CaseSummarySource")
    public record Source(@Schema(example = "HOTLINE12345") String system,
                         @Schema(example = "GD20261122000123") String sourceId) {
    }

    @Schema(name = "CaseSummaryCategory")
    public record Category(@Schema(example = "国计民生类") String major, @Schema(example = "C0203") String code,
                           @Schema(example = "物业管理") String name) {
    }
}
