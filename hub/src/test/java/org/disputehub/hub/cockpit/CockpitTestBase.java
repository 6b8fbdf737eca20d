package org.disputehub.hub.cockpit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.hub.HubApplication;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.linking.LinkingProperties;
import org.disputehub.hub.linking.MatchKeys;
import org.disputehub.hub.sla.SlaClocks;
import org.disputehub.hub.store.CaseStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * One hub for the cockpit tests, its clock stopped at {@link CockpitFixture#NOW} and its SLA checker stopped (so the
 * known cases stay as stored), answers not reused ({@code hub.cockpit.cache-ttl=0}); one message parked on
 * {@code DLQ.HUB.INTAKE}. Requests go over real HTTP with basic auth.
 */
@CamelSpringBootTest
@SpringBootTest(classes = {HubApplication.class, CockpitTestBase.StoppedClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.cockpit.cache-ttl=0s", "hub.connectors.hotline12345.poll-interval=1h",
        "hub.connectors.hotline12345.base-url=http://127.0.0.1:9", "hub.connectors.labor.poll-interval=1h"})
@ActiveProfiles("test")
abstract class CockpitTestBase {

    static final String PARKED_ON = "DLQ.HUB.INTAKE";

    @TestConfiguration
    static class StoppedClock {
        @Bean
        @Primary
        Clock stoppedClock() {
            return Clock.fixed(CockpitFixture.NOW.toInstant(), ZoneId.of("Asia/Shanghai"));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camel;
    @Autowired
    CaseStore cases;
    @Autowired
    SlaClocks clocks;
    @Autowired
    LinkStore links;
    @Autowired
    LinkingProperties linking;
    @Autowired
    JmsTemplate jms;

    final HttpClient http = HttpClient.newHttpClient();
    private static boolean parked;

    @BeforeEach
    void knownCases() throws Exception {
        camel.getRouteController().stopRoute("hub-sla-check");
        new CockpitFixture(cases, clocks, links, new MatchKeys(linking.keySecret())).store();
        synchronized (CockpitTestBase.class) {
            if (!parked) {
                jms.convertAndSend(PARKED_ON, "{\"parked\":\"by the cockpit test\"}");
                parked = true;
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (user != null) {
            req.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A cockpit answer as the viewer gets it; fails unless 200. */
    JsonNode api(String part) throws IOException, InterruptedException {
        HttpResponse<String> r = get("viewer", "/api/v1/cockpit/" + part);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /api/v1/cockpit/" + part + ": " + r.statusCode() + " " + r.body());
        }
        return Json.read(r.body(), JsonNode.class);
    }
}
