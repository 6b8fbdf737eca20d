package org.disputehub.hub.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One hub with every connector's routes and JMX on, shared by the console tests (the same configuration, so
 * one Spring context): requests go over real HTTP with basic auth and, for POST, the CSRF cookie and header.
 */
@CamelSpringBootTest
@DisableJmx(false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.connectors.hotline12345.poll-interval=1h", "hub.connectors.hotline12345.base-url=http://127.0.0.1:9",
        "hub.connectors.labor.poll-interval=1h"})
@ActiveProfiles("test")
abstract class ConsoleTestBase {

    static final String ROUTES = "org.apache.camel:context=dispute-hub,type=routes,name=";
    static final String CONTEXT = "org.apache.camel:context=dispute-hub,type=context,name=\"dispute-hub\"";
    static final String ACCESS_CONTROL = "hawtio:type=security,area=jmx,name=HubAccessControl";

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;

    final HttpClient http = HttpClient.newHttpClient();

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (user != null) {
            req.header("Authorization", basic(user));
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST with the CSRF token the hub hands out, so a refusal is the hub's rule, not a missing token. */
    HttpResponse<String> post(String user, String path, String contentType, String body)
            throws IOException, InterruptedException {
        String token = csrfToken();
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", basic(user))
                .header("Content-Type", contentType)
                .header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> jolokia(String user, String json) throws IOException, InterruptedException {
        return post(user, "/actuator/jolokia", "application/json", json);
    }

    private String csrfToken() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("the hub set no XSRF-TOKEN cookie"));
    }

    String routeState(String routeId) {
        return camel.getRouteController().getRouteStatus(routeId).name();
    }
}
