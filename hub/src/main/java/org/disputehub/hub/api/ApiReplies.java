package org.disputehub.hub.api;

import java.util.List;
import java.util.Map;

/**
 * Every answer each operation of the hub's API gives, with its schema and an example: what the OpenAPI document
 * declares (an integrator generates a client from it) and what {@code ApiDocsCoverageTest} holds the controllers to.
 */
final class ApiReplies {

    /** One answer: HTTP status, what it means, the schema (a component name, or null for no body) and an example. */
    record Reply(String code, String description, String schema, String example) {
    }

    static final String JSON = "application/json";

    private static final Reply UNAUTHORIZED = new Reply("401", "no or wrong credentials (WWW-Authenticate: Basic)", null, null);
    private static final Reply FORBIDDEN = new Reply("403", "the user lacks role ADMIN", null, null);

    private static Reply ok(String schema, String example) {
        return new Reply("200", "OK", schema, example);
    }

    private static Reply error(String code, String description, String example) {
        return new Reply(code, description, "ApiError", "{\"error\":\"" + example + "\"}");
    }

    static final Map<String, List<Reply>> OPERATIONS = Map.ofEntries(
            Map.entry("GET /api/v1/cases", List.of(ok("CasePage", ApiExamples.CASE_PAGE),
                    new Reply("400", "a malformed or unknown parameter, or a page beyond the limit; every problem named",
                            "ApiError", ApiExamples.SEARCH_REFUSED), UNAUTHORIZED)),
            Map.entry("GET /api/v1/cases/{caseId}", List.of(ok("CaseView", ApiExamples.CASE_VIEW), UNAUTHORIZED,
                    error("404", "unknown case", "unknown case HUB-20261122-999999"))),
            Map.entry("GET /api/v1/cases/{caseId}/messages", List.of(ok("CaseMessages", ApiExamples.MESSAGES), UNAUTHORIZED,
                    error("404", "unknown case", "unknown case HUB-20261122-999999"))),
            Map.entry("POST /api/v1/cases/{caseId}/events", List.of(
                    new Reply("202", "admitted (again: duplicate)", "EventAccepted", "{\"accepted\":true}"),
                    error("400", "malformed event", "caseId in the body (HUB-20261122-000018) differs from the path"),
                    new Reply("401", "no or unknown department API key", null, null),
                    error("403", "the case is not assigned to this department", "case HUB-20261122-000017 is not assigned to 330108-ZF-001"),
                    error("404", "unknown case", "unknown case HUB-20261122-999999"),
                    new Reply("409", "transition not allowed: from which status to which", "ApiError",
                            "{\"error\":\"transition not allowed: CLOSED -> SIGNED\",\"from\":\"CLOSED\",\"to\":\"SIGNED\"}"),
                    error("413", "event body too large", "event body over 65536 bytes"),
                    new Reply("503", "the hub is starting or stopping (Retry-After: 5): send the same event again", "ApiError",
                            "{\"error\":\"starting\",\"message\":\"the hub is starting or stopping; retry\"}"))),
            Map.entry("GET /api/v1/kpis", List.of(ok("Kpis", ApiExamples.KPIS),
                    error("400", "a time that is not ISO-8601 with offset", "Bad Request"), UNAUTHORIZED)),
            Map.entry("POST /api/v1/admin/mappings/reload", List.of(ok("MappingsReloaded",
                            "{\"reloaded\":true,\"taxonomyCodes\":75}"), UNAUTHORIZED, FORBIDDEN,
                    new Reply("422", "the new tables are invalid; the previous ones stay", "MappingsReloaded",
                            "{\"reloaded\":false,\"error\":\"mappings/routing.csv:22: unknown department 330108-XX-9\","
                                    + "\"kept\":\"the previous tables stay in force\"}"))),
            Map.entry("GET /api/v1/admin/audit/verify", List.of(ok("AuditVerification", "{\"intact\":true}"), UNAUTHORIZED)),
            Map.entry("POST /api/v1/admin/audit/purge", List.of(ok("AuditPurge", "{\"purged\":1200}"),
                    error("400", "before is missing or not ISO-8601 with offset", "Bad Request"), UNAUTHORIZED, FORBIDDEN)),
            Map.entry("GET /api/v1/admin/dlq", List.of(ok("DlqDepths",
                    "{\"DLQ.HUB.INTAKE\":0,\"DLQ.HUB.DISPATCH.330108-WY-001\":2}"), UNAUTHORIZED)),
            Map.entry("GET /api/v1/admin/dlq/{queue}", List.of(ok("ParkedList", ApiExamples.PARKED), UNAUTHORIZED,
                    error("404", "no hub route consumes the queue", "no hub route consumes the queue NOT.A.QUEUE"))),
            Map.entry("POST /api/v1/admin/dlq/{queue}/replay", List.of(ok("ReplayResult", ApiExamples.REPLAYED),
                    error("400", "nothing said what to replay",
                            "say what to replay: messageId, or a filter (reason, before, after), or all=true"),
                    UNAUTHORIZED, FORBIDDEN,
                    error("404", "unknown queue, or no such message parked", "no hub route consumes the queue NOT.A.QUEUE"))),
            Map.entry("GET /api/v1/admin/connectors", List.of(new Reply("200", "OK", "ConnectorStatusList",
                    "[" + ApiExamples.CONNECTOR_PAUSED + "]"), UNAUTHORIZED)),
            Map.entry("POST /api/v1/admin/connectors/{name}/pause", List.of(ok("ConnectorStatus",
                            ApiExamples.CONNECTOR_PAUSED), UNAUTHORIZED, FORBIDDEN,
                    error("404", "no enabled connector of that name", "no enabled connector named fax"))),
            Map.entry("POST /api/v1/admin/connectors/{name}/resume", List.of(ok("ConnectorStatus",
                            ApiExamples.CONNECTOR_RESUMED), UNAUTHORIZED, FORBIDDEN,
                    error("404", "no enabled connector of that name", "no enabled connector named fax"))));

    /** What any other operation of the API answers at least (401 without login; 403 for a change without ADMIN). */
    static List<Reply> defaults(String method) {
        return "GET".equals(method) ? List.of(UNAUTHORIZED) : List.of(UNAUTHORIZED, FORBIDDEN);
    }

    private ApiReplies() {
    }
}
