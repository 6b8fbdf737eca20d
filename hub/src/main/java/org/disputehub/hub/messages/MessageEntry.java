package org.disputehub.hub.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** One raw message in or out, as the audit log keeps it. */
@Schema(name = "MessageEntry", description = "A raw message received or sent for the case, as stored in the audit log")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageEntry(
        @Schema(description = "audit record id", example = "4711") long id,
        @Schema(description = "the case or linked report it belongs to", example = "HUB-20261122-000017") String caseId,
        @Schema(allowableValues = {"IN", "OUT"}, example = "IN") String direction,
        @Schema(description = "origin system, or DEPT:{code} for a department", example = "HOTLINE12345") String system,
        @Schema(description = "where it came in or went out",
                example = "GET http://12345.example/api/v2/workorders (poll)") String endpoint,
        @Schema(description = "the system's own reference (source id, dispatch key, event id)",
                example = "GD20261122000123") String ref,
        @Schema(description = "when it was received or sent (+08:00)", example = "2026-11-22T09:30:16+08:00")
        OffsetDateTime at,
        @Schema(example = "application/json") String contentType,
        @Schema(description = "body size in bytes (UTF-8)", example = "1834") long size,
        @Schema(description = "SHA-256 of the body, hex", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        String sha256,
        @Schema(description = "the record's hash in the audit chain (absent until chained, within seconds)")
        String chainHash,
        @Schema(allowableValues = {"accepted", "rejected", "duplicate", "sent", "failed"}, example = "accepted")
        String outcome,
        @Schema(description = "why it was rejected or failed, or what was sent", example = "SIGNED → 2") String reason,
        @Schema(description = "the raw body — for ADMIN only") String body) {
}
