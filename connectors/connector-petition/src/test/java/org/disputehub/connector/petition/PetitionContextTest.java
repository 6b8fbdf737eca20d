package org.disputehub.connector.petition;

import org.disputehub.fixtures.ConnectorTestApplication;
import org.disputehub.fixtures.ConnectorContextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.fixtures.TestQueues;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the connector (so it starts once): a web server on a
 * random port for the push endpoint, embedded Artemis, H2 with canonical's migrations, WireMock as the petition
 * platform with the fixtures' mappings loaded. Each test starts from empty queues, an empty store and a fresh
 * WireMock journal. Requests are signed here with plain javax.crypto, independently of the connector's signer.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConnectorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PetitionContextTest extends ConnectorContextTest {

    static final String RELAY = "HUB.RELAY.PETITION";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.PETITION";
    static final String STATUS_PATH = "/xf/api/v1/blzt";
    static final String SECRET = "test-petition-secret-not-for-production";

    static final WireMockServer WIREMOCK = wireMock("fixtures/petition");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    ConnectorStore store;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.petition.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        WIREMOCK.resetAll();
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(INTAKE, AUDIT, RELAY_DLQ);
    }

    /** Pushes a body signed now, as the platform would. */
    HttpResponse<String> push(byte[] body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return push(body, timestamp, hmac(timestamp, body));
    }

    HttpResponse<String> push(byte[] body, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(inbound()).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header("X-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("push failed: " + e, e);
        }
    }

    URI inbound() {
        return URI.create("http://localhost:" + port + "/api/inbound/petition");
    }

    /** base64(HMAC-SHA256(secret, timestamp + "." + body)) with plain javax.crypto. */
    static String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
