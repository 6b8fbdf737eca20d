package org.disputehub.connector.hotline12345;

import org.disputehub.fixtures.ConnectorTestApplication;
import org.disputehub.fixtures.ConnectorContextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the connector (so it starts once): embedded
 * Artemis, H2 with canonical's migrations, WireMock as the hotline with the fixtures' mappings loaded.
 * Each test starts from empty queues, an empty store, a fresh WireMock journal and a stopped poll route
 * (tests run poll cycles themselves, one at a time).
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConnectorTestApplication.class)
abstract class Hotline12345ContextTest extends ConnectorContextTest {

    static final String RELAY = "HUB.RELAY.HOTLINE12345";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.HOTLINE12345";
    static final String ORDERS = "/api/v2/workorders";
    static final String APP_KEY = "test-app";
    static final String APP_SECRET = "test-secret-not-for-production";

    static final WireMockServer WIREMOCK = wireMock("fixtures/hotline12345");

    @Autowired
    ConnectorStore store;
    @Autowired
    Hotline12345PollState pollState;

    @DynamicPropertySource
    static void hotline(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.hotline12345.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        camel.getRouteController().stopRoute(Hotline12345PollRoute.ROUTE_ID);
        WIREMOCK.resetAll();
        pollState.reset();
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(INTAKE, AUDIT, RELAY_DLQ);
    }

    /** X-Sign recomputed here with javax.crypto over the path and query exactly as WireMock received them. */
    static void assertSignedIndependently(LoggedRequest request, String appKey, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signed = appKey + "\n" + request.getHeader("X-Timestamp") + "\n" + request.getHeader("X-Nonce")
                    + "\n" + request.getUrl() + "\n";
            mac.update(signed.getBytes(StandardCharsets.UTF_8));
            mac.update(request.getBody());
            assertThat(request.getHeader("X-App-Key")).isEqualTo(appKey);
            assertThat(request.getHeader("X-Sign")).as("X-Sign of " + request.getUrl())
                    .isEqualTo(HexFormat.of().formatHex(mac.doFinal()));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
