package org.disputehub.hub.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.kpi.Kpis;
import org.disputehub.hub.messages.CaseMessages;
import org.disputehub.hub.ops.ConnectorPause;
import org.disputehub.hub.ops.InboundPaths;
import org.disputehub.hub.search.CasePage;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub API described as OpenAPI 3 at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}), for
 * logged-in people (ADMIN, VIEWER) like the rest of the console: cases, search, message logs, department events, KPIs,
 * admin — each operation with every answer it gives ({@link ApiReplies}) — and the connectors' push endpoints
 * ({@link InboundApiDocs}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String PEOPLE = "people";
    static final String DEPARTMENTS = "departmentApiKey";
    private static final String SCHEMAS = "#/components/schemas/";

    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("GET /api/v1/cases", "Search cases by origin, status, department, risk and time received, newest "
                    + "first, a page at a time with the total (ADMIN, VIEWER)"),
            Map.entry("GET /api/v1/cases/{caseId}", "A case: canonical data, status, links, dispatches and status history"),
            Map.entry("GET /api/v1/cases/{caseId}/messages", "The message log of a case and its linked reports: every raw "
                    + "message in and out, its hash and outcome (bodies for ADMIN only), and its parked messages"),
            Map.entry("POST /api/v1/cases/{caseId}/events", "A department reports a status event on a case assigned to it"),
            Map.entry("GET /api/v1/kpis", "The five indicators with numerators and denominators, overall and per department"),
            Map.entry("POST /api/v1/admin/mappings/reload", "Reload the mapping tables, all or nothing (ADMIN)"),
            Map.entry("GET /api/v1/admin/audit/verify", "Recompute the audit chain; names the first record that does not match"),
            Map.entry("POST /api/v1/admin/audit/purge", "Purge raw messages older than a time, keeping the chain verifiable (ADMIN)"),
            Map.entry("GET /api/v1/admin/dlq", "Each stage's dead-letter queue and its depth"),
            Map.entry("GET /api/v1/admin/dlq/{queue}", "The messages parked on a stage's dead-letter queue, without bodies"),
            Map.entry("POST /api/v1/admin/dlq/{queue}/replay", "Move parked messages back to their queue: by messageId, by "
                    + "filter (reason, before, after) or all=true (ADMIN)"),
            Map.entry("GET /api/v1/admin/connectors", "The enabled connectors: paused or running, with their routes"),
            Map.entry("POST /api/v1/admin/connectors/{name}/pause", "Pause a connector: its routes suspended, its push "
                    + "endpoints answer 503 with Retry-After, nothing lost (ADMIN)"),
            Map.entry("POST /api/v1/admin/connectors/{name}/resume", "Resume a paused connector (ADMIN)"));

    @Bean
    OpenAPI hubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Dispute hub API").version("v1")
                        .description("Cases, department status events, KPIs and administration of the dispute hub, and the "
                                + "push endpoints of the origin systems. People authenticate with HTTP basic (role VIEWER "
                                + "reads, ADMIN may also change); departments report events with their API key as a bearer "
                                + "token; origin systems sign their pushes. Times are ISO-8601 with offset (+08:00).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(PEOPLE, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(DEPARTMENTS, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the department's API key")));
    }

    /** Only the hub's own API and push endpoints, each operation with its summary, credentials and answers. */
    @Bean
    OpenApiCustomizer hubApiOnly(InboundPaths inbound) {
        return api -> {
            api.getPaths().keySet().removeIf(path -> !path.startsWith("/api/v1/"));
            addSchemas(api.getComponents());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
            InboundApiDocs.addTo(api, inbound.all());
        };
    }

    private static void addSchemas(Components components) {
        for (Class<?> type : List.of(CasePage.class, CaseMessages.class, StatusEvent.class, Kpis.class,
                ConnectorPause.State.class, ApiSchemas.ApiError.class, ApiSchemas.EventAccepted.class,
                ApiSchemas.CaseView.class, ApiSchemas.MappingsReloaded.class, ApiSchemas.AuditVerification.class,
                ApiSchemas.AuditPurge.class, ApiSchemas.ReplayResult.class, ApiSchemas.ParkedList.class)) {
            ModelConverters.getInstance().readAll(new AnnotatedType(type)).forEach(components::addSchemas);
        }
        components.addSchemas("ConnectorStatusList", new ArraySchema().items(new Schema<>().$ref(SCHEMAS + "ConnectorStatus")));
        components.addSchemas("DlqDepths", new MapSchema().additionalProperties(new IntegerSchema().format("int64"))
                .description("dead-letter queue → number of parked messages"));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op) {
        String key = method + " " + path;
        op.setSummary(SUMMARIES.getOrDefault(key, op.getSummary()));
        boolean department = method == PathItem.HttpMethod.POST && path.endsWith("/events");
        op.addSecurityItem(new SecurityRequirement().addList(department ? DEPARTMENTS : PEOPLE));
        List<ApiReplies.Reply> replies = ApiReplies.OPERATIONS.get(key);
        ApiResponses responses = replies == null ? op.getResponses() : new ApiResponses();
        for (ApiReplies.Reply r : replies == null ? ApiReplies.defaults(method.name()) : replies) {
            responses.addApiResponse(r.code(), response(r));
        }
        op.setResponses(responses);
        if (department) {
            op.setRequestBody(new RequestBody().required(true).description("the canonical status event "
                    + "(docs/interfaces/departments.md); at most hub.api.max-event-bytes").content(new Content().addMediaType(
                    ApiReplies.JSON, new MediaType().schema(new Schema<>().$ref(SCHEMAS + "StatusEvent"))
                            .example(Json.read(ApiExamples.STATUS_EVENT, JsonNode.class)))));
        }
        if ("GET /api/v1/cases".equals(key)) {
            SearchParameters.describe(op);
        }
    }

    private static ApiResponse response(ApiReplies.Reply r) {
        ApiResponse response = new ApiResponse().description(r.description());
        if (r.schema() != null) {
            response.content(new Content().addMediaType(ApiReplies.JSON, new MediaType()
                    .schema(new Schema<>().$ref(SCHEMAS + r.schema()))
                    .example(Json.read(r.example(), JsonNode.class))));
        }
        return response;
    }
}
