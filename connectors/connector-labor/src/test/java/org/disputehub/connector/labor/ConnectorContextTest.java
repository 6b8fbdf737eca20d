package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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
@SpringBootTest(classes = TestApplication.class)
abstract class ConnectorContextTest {

    static final String INTAKE = "HUB.INTAKE";
    static final String AUDIT = "HUB.AUDIT";
    static final String RELAY = "HUB.RELAY.LABOR";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.LABOR";
    static final Path ROOT = temporaryRoot();
    static final Path INBOX = ROOT.resolve("inbox");
    static final Path DONE = ROOT.resolve("done");
    static final Path ERROR = ROOT.resolve("error");
    static final WireMockServer WIREMOCK = startWireMock();

    @Autowired
    CamelContext camel;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectorStore store;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BatchScanner scanner;

    JmsTemplate waiting;
    TestQueues queues;

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("labor-connector-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .usingFilesUnderClasspath("fixtures/labor"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void labor(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.labor.inbox", INBOX::toString);
        registry.add("hub.connectors.labor.base-url", WIREMOCK::baseUrl);
    }

    @BeforeEach
    void cleanSlate() throws Exception {
        camel.getRouteController().stopRoute(LaborBatchRoute.ROUTE_ID);
        WIREMOCK.resetAll();
        jdbc.update("DELETE FROM watermark");
        jdbc.update("DELETE FROM source_record");
        jdbc.update("DELETE FROM relay_delivery");
        for (Path dir : List.of(INBOX, DONE, ERROR)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        queues = TestQueues.shared(connectionFactory);
        waiting = queues.sender();
        for (String queue : List.of(INTAKE, AUDIT, RELAY_DLQ)) {
            drain(queue);
        }
    }

    /** Everything on the queue now (a scan's sends are committed before scan() returns). */
    List<Message> drain(String queue) {
        return queues.drain(queue);
    }

    /** The next message on the queue, waiting up to 10 s for it. */
    Message next(String queue) {
        return queues.next(queue);
    }

    List<CaseEnvelope> envelopes() throws JMSException {
        List<CaseEnvelope> out = new ArrayList<>();
        for (Message m : drain(INTAKE)) {
            out.add(Json.read(text(m), CaseEnvelope.class));
        }
        return out;
    }

    static String text(Message m) throws JMSException {
        return TestQueues.text(m);
    }

    double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
