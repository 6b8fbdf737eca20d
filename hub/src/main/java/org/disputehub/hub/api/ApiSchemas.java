package org.disputehub.hub.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.hub.store.CaseStore;

/** The shapes of the answers that the controllers build by hand, described for the OpenAPI document. */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "ApiError", description = "Why a request was refused")
    record ApiError(@Schema(example = "unknown case HUB-20261122-999999") String error,
                    @Schema(description = "each problem of a malformed search") List<String> problems,
                    @Schema(description = "409: the case's current status", example = "CLOSED") String from,
                    @Schema(description = "409: the status refused", example = "SIGNED") String to,
                    @Schema(description = "503: what to do", example = "the hub is starting or stopping; retry") String message) {
    }

    @Schema(name = "EventAccepted", description = "The status event was admitted (or had been: duplicate)")
    record EventAccepted(@Schema(example = "true") boolean accepted,
                         @Schema(description = "the eventId was received before; nothing changed") Boolean duplicate) {
    }

    @Schema(name = "CaseView", description = "A case with its links, dispatches and status history")
    record CaseView(@JsonProperty("case") @Schema(description = "the canonical case, with its current status and "
                            + "whether an SLA deadline was missed (escalated)") CanonicalCase caseData,
                    CaseLinks links,
                    List<CaseStore.DispatchRow> dispatches,
                    List<CaseStore.EventRow> statusHistory) {
    }

    @Schema(name = "CaseLinks", description = "Related reports, repeat counts and the case's message log")
    record CaseLinks(LinkedTo linkedTo,
                     @Schema(description = "reports linked to this case") List<String> linkedReports,
                     @Schema(description = "earlier cases of the same phone/ID number within the repeat window")
                     int reporterCount,
                     @Schema(description = "earlier cases at the same address within the repeat window") int locationCount,
                     @Schema(description = "the case repeats an earlier report") boolean repeat,
                     @Schema(description = "its message log", example = "/api/v1/cases/HUB-20261122-000017/messages")
                     String messages) {
    }

    @Schema(name = "LinkedTo", description = "The case this report was linked to, with the score and the rule")
    record LinkedTo(@Schema(example = "HUB-20261122-000011") String caseId, @Schema(example = "0.95") double score,
                    @Schema(example = "PHONE+ADDRESS(1.00)+CATEGORY+REGION") String rule) {
    }

    @Schema(name = "MappingsReloaded")
    record MappingsReloaded(@Schema(example = "true") boolean reloaded, @Schema(example = "75") Integer taxonomyCodes,
                            String error, @Schema(example = "the previous tables stay in force") String kept) {
    }

    @Schema(name = "AuditVerification")
    record AuditVerification(@Schema(example = "true") boolean intact,
                             @Schema(description = "the first record that does not match; -1 when records were removed "
                                     + "from the end") Long firstBrokenRecord) {
    }

    @Schema(name = "AuditPurge")
    record AuditPurge(@Schema(example = "1200") int purged) {
    }

    @Schema(name = "ReplayResult")
    record ReplayResult(@Schema(example = "HUB.DISPATCH.330108-WY-001") String queue, @Schema(example = "1") int replayed,
                        List<String> messages, @Schema(description = "message id → why it was left where it was")
                        java.util.Map<String, String> skipped) {
    }

    @Schema(name = "ParkedList")
    record ParkedList(@Schema(example = "HUB.DISPATCH.330108-WY-001") String queue,
                      @Schema(example = "DLQ.HUB.DISPATCH.330108-WY-001") String dlq,
                      List<org.disputehub.hub.ops.ParkedMessage> messages) {
    }
}
