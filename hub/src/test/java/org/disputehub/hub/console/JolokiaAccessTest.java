package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.disputehub.canonical.codec.Json;
import org.junit.jupiter.api.Test;

/**
 * Jolokia behind the roles, over real HTTP: a VIEWER reads attributes and lists routes but every operation and
 * attribute write is refused (GET and POST forms, bulk requests, odd spellings) and the route stays started;
 * an ADMIN stops and starts a route and writes an attribute.
 */
class JolokiaAccessTest extends ConsoleTestBase {

    static final String INTAKE = ROUTES + "\"hub-intake\"";

    @Test
    void aViewerReadsAttributesAndListsTheRoutes() throws Exception {
        HttpResponse<String> read = get("viewer", "/actuator/jolokia/read/"
                + enc(INTAKE) + "/State");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("value").asText()).isEqualTo("Started");

        HttpResponse<String> search = jolokia("viewer", """
                {"type":"search","mbean":"org.apache.camel:context=dispute-hub,type=routes,*"}""");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("hub-intake", "hub-status", "hub-sla-check");

        HttpResponse<String> bulk = jolokia("viewer", """
                [{"type":"read","mbean":"%s","attribute":"RouteId"},{"type":"list","path":"org.apache.camel"},
                 {"type":"version"}]""".formatted(INTAKE.replace("\"", "\\\"")));
        assertThat(bulk.statusCode()).isEqualTo(200);
        JsonNode replies = json(bulk);
        assertThat(replies).hasSize(3);
        replies.forEach(r -> assertThat(r.path("status").asInt()).as(r.toString()).isEqualTo(200));
        assertThat(replies.get(0).path("value").asText()).isEqualTo("hub-intake");
    }

    @Test
    void aViewerCannotOperateOrWriteInAnyForm() throws Exception {
        String mbean = INTAKE.replace("\"", "\\\"");
        assertRefused(get("viewer", "/actuator/jolokia/exec/" + enc(INTAKE) + "/stop()"));
        assertRefused(get("viewer", "/actuator/jolokia/write/" + enc(INTAKE) + "/Tracing/true"));
        assertRefused(get("viewer", "/actuator/jolokia/EXEC/" + enc(INTAKE) + "/stop()"));
        assertRefused(get("viewer", "/actuator/jolokia/?p=" + enc("/exec/" + INTAKE + "/stop()")));
        assertRefused(jolokia("viewer", """
                {"type":"exec","mbean":"%s","operation":"stop()"}""".formatted(mbean)));
        assertRefused(jolokia("viewer", """
                {"type":"Exec","mbean":"%s","operation":"stop()"}""".formatted(mbean)));
        assertRefused(jolokia("viewer", """
                {"typ\\u0065":"exec","mbean":"%s","operation":"stop()"}""".formatted(mbean)));
        assertRefused(jolokia("viewer", """
                {"type":"write","mbean":"%s","attribute":"Tracing","value":true}""".formatted(mbean)));

        HttpResponse<String> bulk = jolokia("viewer", """
                [{"type":"read","mbean":"%1$s","attribute":"State"},
                 {"type":"exec","mbean":"%1$s","operation":"stop()"}]""".formatted(mbean));
        JsonNode replies = json(bulk);
        assertThat(replies.get(0).path("status").asInt()).as("the read of the bulk").isEqualTo(200);
        assertThat(replies.get(1).path("status").asInt()).as("the exec of the bulk").isEqualTo(403);

        assertThat(routeState("hub-intake")).isEqualTo("Started");
        assertThat(camel.getRoute("hub-intake").isTracing()).isFalse();
    }

    @Test
    void anAdminStopsAndStartsARouteAndWritesAnAttribute() throws Exception {
        String mbean = INTAKE.replace("\"", "\\\"");
        HttpResponse<String> stop = jolokia("admin", """
                {"type":"exec","mbean":"%s","operation":"stop()"}""".formatted(mbean));
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(json(stop).path("status").asInt()).as(stop.body()).isEqualTo(200);
        assertThat(routeState("hub-intake")).isEqualTo("Stopped");

        HttpResponse<String> start = get("admin", "/actuator/jolokia/exec/" + enc(INTAKE) + "/start()");
        assertThat(json(start).path("status").asInt()).as(start.body()).isEqualTo(200);
        assertThat(routeState("hub-intake")).isEqualTo("Started");

        HttpResponse<String> write = jolokia("admin", """
                {"type":"write","mbean":"%s","attribute":"Tracing","value":true}""".formatted(mbean));
        assertThat(json(write).path("status").asInt()).as(write.body()).isEqualTo(200);
        assertThat(camel.getRoute("hub-intake").isTracing()).isTrue();
        jolokia("admin", """
                {"type":"write","mbean":"%s","attribute":"Tracing","value":false}""".formatted(mbean));
        assertThat(camel.getRoute("hub-intake").isTracing()).isFalse();
    }

    @Test
    void nobodyElseReachesJolokiaAndTheConsoleRelaysNowhere() throws Exception {
        assertThat(get(null, "/actuator/jolokia/read/" + enc(INTAKE) + "/State").statusCode()).isEqualTo(401);
        HttpResponse<String> proxied = get("admin", "/actuator/hawtio/proxy/http/127.0.0.1/" + port
                + "/actuator/jolokia/version");
        assertThat(proxied.statusCode()).isNotEqualTo(200);
        assertThat(proxied.body()).doesNotContain("\"agent\"");
    }

    @Test
    void theApiIsReadOnlyForViewers() throws Exception {
        assertThat(get("viewer", "/api/v1/kpis").statusCode()).isEqualTo(200);
        assertThat(get("admin", "/api/v1/kpis").statusCode()).isEqualTo(200);
        assertThat(get(null, "/api/v1/kpis").statusCode()).isEqualTo(401);
        assertThat(post("viewer", "/api/v1/admin/mappings/reload", "application/json", "").statusCode()).isEqualTo(403);
        assertThat(post("viewer", "/api/v1/admin/audit/purge?before=2000-01-01T00:00:00Z", "application/json", "")
                .statusCode()).isEqualTo(403);
        assertThat(post("admin", "/api/v1/admin/mappings/reload", "application/json", "").statusCode()).isEqualTo(200);
    }

    /** Jolokia's own refusal: status 403 and the reason in its answer (the HTTP status stays 200). */
    private static void assertRefused(HttpResponse<String> response) {
        JsonNode reply = json(response);
        assertThat(reply.path("status").asInt()).as(response.body()).isEqualTo(403);
        assertThat(reply.path("error").asText()).as(response.body()).isNotBlank();
        assertThat(reply.has("value")).as(response.body()).isFalse();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.read(response.body(), JsonNode.class);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
