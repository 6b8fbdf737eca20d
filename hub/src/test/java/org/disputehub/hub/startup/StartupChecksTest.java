package org.disputehub.hub.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.disputehub.hub.HubApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * The checks of what the hub reads from disk run before Camel starts any route: a broken routing table or a route
 * file placeholder without a value stops the whole hub, naming the file, the line and the variable, and no route —
 * so no consumer, poller or SLA check — has started.
 */
class StartupChecksTest {

    /** Counts the routes Camel starts (a Spring bean EventNotifier is picked up by Camel). */
    @Configuration(proxyBeanMethods = false)
    static class RouteStarts {
        static final AtomicInteger ROUTES_STARTED = new AtomicInteger();

        @Bean
        EventNotifierSupport routeStarts() {
            return new EventNotifierSupport() {
                @Override
                public void notify(CamelEvent event) {
                    if (event instanceof CamelEvent.RouteStartedEvent) {
                        ROUTES_STARTED.incrementAndGet();
                    }
                }
            };
        }
    }

    @BeforeEach
    void reset() {
        RouteStarts.ROUTES_STARTED.set(0);
    }

    private static Throwable start(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(HubApplication.class, RouteStarts.class)
                .profiles("test").run(args).close());
    }

    @Test
    void aRoutingRuleNamingAnUndeclaredDepartmentStopsTheHubBeforeAnyRoute(@TempDir Path dir) throws IOException {
        Path mappings = dir.resolve("mappings");
        FileSystemUtils.copyRecursively(Path.of("../mappings"), mappings);
        Path routing = mappings.resolve("routing.csv");
        int line = Files.readAllLines(routing).size() + 1;
        Files.writeString(routing, "C06,330108,330108-XX-999\n", StandardOpenOption.APPEND);

        Throwable failure = start("--hub.mappings-dir=" + mappings, "--server.port=0");

        assertThat(failure).hasStackTraceContaining("StartupCheckException")
                .hasStackTraceContaining("routing.csv:" + line).hasStackTraceContaining("330108-XX-999");
        assertThat(RouteStarts.ROUTES_STARTED).as("routes started").hasValue(0);
    }

    @Test
    void aDepartmentPlaceholderWithoutValueNamesFileLineAndVariable(@TempDir Path dir) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("../routes/departments-http.yaml")));
        lines.addAll(List.of(
                "- templatedRoute:",
                "    routeTemplateRef: dispatch-http",
                "    routeId: dispatch-330108-zf-009",
                "    parameters:",
                "      - name: deptCode",
                "        value: \"330108-ZF-009\"",
                "      - name: deptName",
                "        value: \"新执法队\"",
                "      - name: baseUrl",
                "        value: \"{{hub.departments.zf009.base-url}}\"",
                "      - name: token",
                "        value: \"{{hub.departments.zf009.token:demo-token-zf009}}\"",
                "      - name: apiKey",
                "        value: \"{{hub.departments.zf009.api-key:demo-key-zf009}}\""));
        Files.write(routes.resolve("departments-http.yaml"), lines);
        int line = lines.indexOf("        value: \"{{hub.departments.zf009.base-url}}\"") + 1;

        Throwable failure = start("--camel.main.routes-include-pattern=file:" + routes + "/*.yaml", "--server.port=0");

        assertThat(failure).isNotNull();
        assertThat(failure).hasStackTraceContaining("routes/departments-http.yaml:" + line
                + ": {{hub.departments.zf009.base-url}} has no value: set the environment variable"
                + " HUB_DEPARTMENTS_ZF009_BASE_URL (property hub.departments.zf009.base-url)");
        assertThat(RouteStarts.ROUTES_STARTED).as("routes started").hasValue(0);
    }
}
