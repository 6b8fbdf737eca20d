package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.disputehub.canonical.codec.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document covers the hub's whole API, so a client can be generated from it: every operation of every
 * controller of the hub under /api/ (found through Spring MVC's handler mapping) is in it, with the answers it gives —
 * at least a success and 401, 403 for a change, the codes listed below for the operations whose tests show them, and
 * every code this test provokes on the running hub; every answer with a body has a schema and an example; the push
 * endpoints of the origin systems are in it with their signatures as security schemes.
 */
class ApiDocsCoverageTest extends ConsoleTestBase {

    /** What each operation answers (shown by CaseMessagesApiTest, ConnectorPauseTest, ClosedLoopTestBase, OperationsTest…). */
    static final Map<String, Set<String>> CODES = Map.ofEntries(
            Map.entry("GET /api/v1/cases", Set.of("200", "400", "401")),
            Map.entry("GET /api/v1/cases/{caseId}", Set.of("200", "401", "404")),
            Map.entry("GET /api/v1/cases/{caseId}/messages", Set.of("200", "401", "404")),
            Map.entry("POST /api/v1/cases/{caseId}/events", Set.of("202", "400", "401", "403", "404", "409", "413")),
            Map.entry("GET /api/v1/kpis", Set.of("200", "400", "401")),
            Map.entry("POST /api/v1/admin/mappings/reload", Set.of("200", "401", "403", "422")),
            Map.entry("POST /api/v1/admin/audit/purge", Set.of("200", "400", "401", "403")),
            Map.entry("GET /api/v1/admin/dlq/{queue}", Set.of("200", "401", "404")),
            Map.entry("POST /api/v1/admin/dlq/{queue}/replay", Set.of("200", "400", "401", "403", "404")),
            Map.entry("POST /api/v1/admin/connectors/{name}/pause", Set.of("200", "401", "403", "404")),
            Map.entry("POST /api/v1/admin/connectors/{name}/resume", Set.of("200", "401", "403", "404")),
            Map.entry("POST /api/inbound/petition", Set.of("200", "400", "401", "413", "503")),
            Map.entry("POST /api/inbound/odr", Set.of("200", "400", "401", "413", "503")),
            Map.entry("POST /api/inbound/zhengding/callback", Set.of("200", "400", "401", "413", "503")));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyControllerOperationAndPushEndpointIsDocumentedWithItsAnswers() throws Exception {
        String document = get("viewer", "/v3/api-docs").body();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        JsonNode api = Json.read(document, JsonNode.class);
        List<String> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.disputehub")) {
                continue;
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String path : e.getKey().getPatternValues()) {
                if (path.startsWith("/api/")) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods).forEach(m -> operations.add(m + " " + path));
                }
            }
        }
        assertThat(operations).as("the hub's controllers, found by reflection")
                .contains("GET /api/v1/cases", "GET /api/v1/cases/{caseId}/messages", "POST /api/v1/cases/{caseId}/events",
                        "GET /api/v1/kpis", "POST /api/v1/admin/connectors/{name}/pause", "GET /api/v1/admin/dlq");
        operations.addAll(List.of("POST /api/inbound/petition", "POST /api/inbound/odr", "POST /api/inbound/zhengding/callback"));

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            JsonNode op = api.path("paths").path(path).path(method.toLowerCase());
            assertThat(op.isObject()).as(operation + " is in the document").isTrue();
            Set<String> codes = new TreeSet<>();
            op.path("responses").fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(operation + ": a success").anyMatch(c -> c.startsWith("2"));
            assertThat(codes).as(operation).contains("401");
            if (!"GET".equals(method) && !path.startsWith("/api/inbound/") && !path.endsWith("/events")) {
                assertThat(codes).as(operation + ": ADMIN only").contains("403");
            }
            assertThat(codes).as(operation).containsAll(CODES.getOrDefault(operation, Set.of()));
            op.path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fields().forEachRemaining(
                    media -> {
                        assertThat(media.getValue().has("schema")).as(operation + " " + r.getKey() + " schema").isTrue();
                        assertThat(media.getValue().has("example") || media.getValue().has("examples"))
                                .as(operation + " " + r.getKey() + " example").isTrue();
                    }));
            assertThat(op.path("security").isArray() && !op.path("security").isEmpty())
                    .as(operation + " names its credentials").isTrue();
            op.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(scheme ->
                    assertThat(api.at("/components/securitySchemes").has(scheme)).as(scheme).isTrue()));
        }
        assertThat(api.at("/paths/~1api~1inbound~1petition/post/security/0").has("petitionSignature")).isTrue();
        assertThat(api.at("/components/securitySchemes/odrSignature/name").asText()).isEqualTo("ODR-Signature");
        assertThat(api.at("/paths/~1api~1inbound~1odr/post/responses/503/headers").has("Retry-After")).isTrue();
    }

    @Test
    void theSchemasDescribeCasesEventsKpisParkedMessagesAndTheLog() throws Exception {
        JsonNode api = Json.read(get("viewer", "/v3/api-docs").body(), JsonNode.class);
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.fieldNames()).toIterable().contains("CaseView", "CanonicalCase", "CaseSummary", "CasePage",
                "StatusEvent", "Kpis", "ParkedMessage", "CaseMessages", "MessageEntry", "ConnectorStatus", "ApiError");
        assertThat(schemas.at("/StatusEvent/properties/status/enum").toString()).contains("SIGNED", "RETURNED");
        assertThat(schemas.at("/StatusEvent/properties/occurredAt/format").asText()).isEqualTo("date-time");
        assertThat(schemas.at("/CasePage/properties/items/items/$ref").asText()).endsWith("/CaseSummary");
        assertThat(schemas.at("/CaseSummary/properties/receivedAt/format").asText()).isEqualTo("date-time");
        assertThat(schemas.at("/MessageEntry/properties").fieldNames()).toIterable()
                .contains("direction", "system", "endpoint", "at", "size", "sha256", "outcome", "reason", "body");
        JsonNode events = api.at("/paths/~1api~1v1~1cases~1{caseId}~1events/post/requestBody/content/application~1json");
        assertThat(events.at("/schema/$ref").asText()).as("a real schema, not a string").endsWith("/StatusEvent");
        assertThat(events.at("/example/status").asText()).isEqualTo("SIGNED");
        JsonNode search = api.at("/paths/~1api~1v1~1cases/get");
        assertThat(search.path("parameters").findValuesAsText("name"))
                .contains("source", "sourceId", "status", "deptCode", "risk", "from", "to", "page", "size");
        assertThat(search.at("/responses/200/content/application~1json/example/items/0/receivedAt").asText())
                .endsWith("+08:00");
    }

    @Test
    void theCodesTheHubAnswersAreTheDocumentedOnes() throws Exception {
        JsonNode api = Json.read(get("viewer", "/v3/api-docs").body(), JsonNode.class);
        record Probe(String operation, String user, String uri, int status) {
        }
        List<Probe> probes = List.of(
                new Probe("GET /api/v1/cases", "viewer", "/api/v1/cases?size=20", 200),
                new Probe("GET /api/v1/cases", "viewer", "/api/v1/cases?size=500&status=DONE&stauts=x", 400),
                new Probe("GET /api/v1/cases", null, "/api/v1/cases", 401),
                new Probe("GET /api/v1/cases/{caseId}", "viewer", "/api/v1/cases/HUB-20261122-999999", 404),
                new Probe("GET /api/v1/cases/{caseId}/messages", "viewer", "/api/v1/cases/HUB-20261122-999999/messages", 404),
                new Probe("GET /api/v1/kpis", "viewer", "/api/v1/kpis?from=yesterday", 400),
                new Probe("GET /api/v1/admin/dlq/{queue}", "viewer", "/api/v1/admin/dlq/NOT.A.QUEUE", 404),
                new Probe("GET /api/v1/admin/connectors", "viewer", "/api/v1/admin/connectors", 200));
        for (Probe p : probes) {
            assertThat(get(p.user(), p.uri()).statusCode()).as(p.uri()).isEqualTo(p.status());
            assertThat(documented(api, p.operation())).as(p.operation()).contains(Integer.toString(p.status()));
        }
        assertThat(post("viewer", "/api/v1/admin/connectors/petition/pause", "application/json", "").statusCode())
                .isEqualTo(403);
        assertThat(post("admin", "/api/v1/admin/connectors/fax/pause", "application/json", "").statusCode()).isEqualTo(404);
        assertThat(documented(api, "POST /api/v1/admin/connectors/{name}/pause")).contains("403", "404");
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/inbound/odr"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(documented(api, "POST /api/inbound/odr")).contains("401");
    }

    private static Set<String> documented(JsonNode api, String operation) {
        String[] mp = operation.split(" ", 2);
        Set<String> codes = new TreeSet<>();
        api.path("paths").path(mp[1]).path(mp[0].toLowerCase()).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }
}
