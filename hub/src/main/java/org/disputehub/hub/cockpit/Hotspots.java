package org.disputehub.hub.cockpit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** The addresses and callers reported most often lately (at least twice), masked. */
@Schema(description = "Repeat hotspots: the addresses and callers with the most reports in the last days, masked")
public record Hotspots(
        @Schema(example = "30") int days,
        @Schema(description = "counted from here") OffsetDateTime since,
        @Schema(description = "addresses with at least two reports, most first") List<Spot> addresses,
        @Schema(description = "callers (phone or ID number) with at least two reports, most first") List<Spot> callers) {

    @Schema(description = "one address or caller, masked")
    public record Spot(@Schema(description = "ADDR, PHONE or IDNO", example = "PHONE") String kind,
                       @Schema(description = "masked: digits of an address, a phone or ID number, the name",
                               example = "李* 139****9000") String label,
                       @Schema(example = "6") long reports,
                       OffsetDateTime lastReportAt,
                       @Schema(description = "the newest case reported there or by them", example = "HUB-20261202-000040")
                       String lastCaseId) {
    }
}
