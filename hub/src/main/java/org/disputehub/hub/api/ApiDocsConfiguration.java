package org.disputehub.hub.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub API described as OpenAPI 3 at {@code /v3/api-docs} (browsable at {@code /swagger-ui.html}), for
 * logged-in people (ADMIN, VIEWER) like the rest of the console: cases, department events, KPIs, admin.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String PEOPLE = "people";
    static final String DEPARTMENTS = "departmentApiKey";

    private static final Map<String, String> SUMMARIES = Map.of(
            "GET /api/v1/cases/{caseId}", "A case: canonical data, status, dispatches and status history (ADMIN, VIEWER)",
            "POST /api/v1/cases/{caseId}/events", "A department reports a status event on a case assigned to it "
                    + "(202 admitted, 400 malformed, 401 bad key, 403 not its case, 404 unknown case, 409 not allowed)",
            "GET /api/v1/kpis", "The five indicators with numerators and denominators, overall and per department",
            "POST /api/v1/admin/mappings/reload", "Reload the mapping tables, all or nothing (ADMIN)",
            "GET /api/v1/admin/audit/verify", "Recompute the audit chain; names the first record that does not match",
            "POST /api/v1/admin/audit/purge", "Purge raw messages older than a time, keeping the chain verifiable (ADMIN)");

    @Bean
    OpenAPI hubOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Dispute hub API").version("v1")
                        .description("Cases, department status events, KPIs and administration of the dispute hub. "
                                + "People authenticate with HTTP basic (role VIEWER reads, ADMIN may also change); "
                                + "departments report events with their API key as a bearer token.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(PEOPLE, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes(DEPARTMENTS, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("the department's API key")));
    }

    /** Only the hub's own API, each operation with its summary and the credentials it takes. */
    @Bean
    OpenApiCustomizer hubApiOnly() {
        return api -> {
            api.getPaths().keySet().removeIf(path -> !path.startsWith("/api/v1/"));
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation op) {
        String key = method + " " + path;
        op.setSummary(SUMMARIES.getOrDefault(key, op.getSummary()));
        boolean department = method == PathItem.HttpMethod.POST && path.endsWith("/events");
        op.addSecurityItem(new SecurityRequirement().addList(department ? DEPARTMENTS : PEOPLE));
    }
}
