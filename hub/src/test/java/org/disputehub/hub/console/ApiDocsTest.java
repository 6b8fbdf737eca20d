package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.disputehub.canonical.codec.Json;
import org.junit.jupiter.api.Test;

/** The OpenAPI document of the hub API: served to logged-in people, describing cases, events, KPIs and admin. */
class ApiDocsTest extends ConsoleTestBase {

    @Test
    void theApiDocumentDescribesTheHubApi() throws Exception {
        HttpResponse<String> docs = get("viewer", "/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = Json.read(docs.body(), JsonNode.class);
        assertThat(api.path("openapi").asText()).startsWith("3.");
        assertThat(api.at("/info/title").asText()).isEqualTo("Dispute hub API");
        JsonNode paths = api.path("paths");
        assertThat(paths.at("/~1api~1v1~1cases~1{caseId}/get").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1cases~1{caseId}~1events/post/security/0").has("departmentApiKey")).isTrue();
        assertThat(paths.at("/~1api~1v1~1kpis/get/parameters").findValuesAsText("name"))
                .contains("from", "to", "deptCode");
        assertThat(paths.at("/~1api~1v1~1admin~1mappings~1reload/post/security/0").has("people")).isTrue();
        assertThat(paths.at("/~1api~1v1~1admin~1audit~1verify/get").isObject()).isTrue();
        paths.fieldNames().forEachRemaining(p -> assertThat(p).matches("/api/(v1|inbound)/.*"));

        assertThat(get("admin", "/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(get(null, "/v3/api-docs").statusCode()).isEqualTo(401);
        assertThat(get("viewer", "/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }
}
