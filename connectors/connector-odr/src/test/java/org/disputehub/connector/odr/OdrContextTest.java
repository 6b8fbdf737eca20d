package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.fixtures.ConnectorContextTest;
import org.disputehub.fixtures.odr.OdrFixtures;
import org.disputehub.fixtures.odr.OdrSigning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the connector (so it starts once): the webhook on a random
 * port, embedded Artemis, H2 with canonical's migrations, WireMock as ODR with the fixtures' mappings. Each test
 * starts from empty queues, an empty connector store and a fresh WireMock.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OdrContextTest extends ConnectorContextTest {

    static final String STATUS = "HUB.STATUS";
    static final String STATUS_IN = "HUB.STATUS.IN";
    static final String RELAY = "HUB.RELAY.ODR";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.ODR";
    static final String DISPATCH = "HUB.DISPATCH." + TestApplication.DEPT_CODE;
    static final String DISPATCH_DLQ = "DLQ." + DISPATCH;
    static final String SECRET = "test-webhook-secret";
    static final String NEXT_SECRET = "test-webhook-secret-next";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final WireMockServer WIREMOCK = wireMock("fixtures/odr");

    @LocalServerPort
    int port;
    @Autowired
    ConnectorStore store;

    @DynamicPropertySource
    static void odr(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.odr.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        WIREMOCK.resetAll();
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(INTAKE, AUDIT, STATUS, STATUS_IN, RELAY_DLQ, DISPATCH_DLQ);
    }

    /** A fixture event as an editable tree. */
    static ObjectNode event(String path) {
        try {
            return (ObjectNode) Json.mapper().readTree(OdrFixtures.fixture(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts the event signed now with the current secret. */
    HttpResponse<String> push(JsonNode event) {
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        return postWebhook(body, OdrSigning.header(SECRET, Instant.now().getEpochSecond(), body));
    }

    HttpResponse<String> postWebhook(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(OdrSigning.HEADER, signature);
        }
        return send(request.build());
    }

    URI webhook() {
        return URI.create("http://localhost:" + port + Odr.WEBHOOK_PATH);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        return Json.read(text, JsonNode.class);
    }
}
