package org.disputehub.connector.labor;

import org.disputehub.fixtures.ConnectorTestApplication;
import org.disputehub.fixtures.ConnectorContextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.fixtures.TestQueues;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the connector (so it starts once): embedded Artemis,
 * H2 with canonical's migrations, a temporary inbox with done/ and error/ beside it, and WireMock as the labor
 * system with the fixtures' mappings loaded. Each test starts from empty directories, queues and store, a fresh
 * WireMock journal and a stopped batch route (tests run scans themselves, one at a time).
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConnectorTestApplication.class)
abstract class LaborContextTest extends ConnectorContextTest {

    static final String RELAY = "HUB.RELAY.LABOR";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.LABOR";
    static final Path ROOT = temporaryRoot();
    static final Path INBOX = ROOT.resolve("inbox");
    static final Path DONE = ROOT.resolve("done");
    static final Path ERROR = ROOT.resolve("error");
    static final WireMockServer WIREMOCK = wireMock("fixtures/labor");

    @Autowired
    ConnectorStore store;
    @Autowired
    BatchScanner scanner;

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("labor-connector-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void labor(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.labor.inbox", INBOX::toString);
        registry.add("hub.connectors.labor.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        camel.getRouteController().stopRoute(LaborBatchRoute.ROUTE_ID);
        WIREMOCK.resetAll();
        for (Path dir : List.of(INBOX, DONE, ERROR)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(INTAKE, AUDIT, RELAY_DLQ);
    }

    List<CaseEnvelope> envelopes() throws JMSException {
        List<CaseEnvelope> out = new ArrayList<>();
        for (Message m : drain(INTAKE)) {
            out.add(Json.read(text(m), CaseEnvelope.class));
        }
        return out;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
