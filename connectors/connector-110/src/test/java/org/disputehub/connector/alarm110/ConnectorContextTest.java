package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
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
 * One application context for every integration test of the connector (so it starts once): embedded
 * Artemis, H2 with canonical's migrations, WireMock as the 110 platform with the fixtures' mappings loaded.
 * Each test starts from empty queues, an empty store and a fresh WireMock journal.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class)
abstract class ConnectorContextTest {

    static final String QUEUE = "JCJ.LDJQ.OUT";
    static final String QUEUE_DLQ = "DLQ.JCJ.LDJQ.OUT";
    static final String INTAKE = "HUB.INTAKE";
    static final String AUDIT = "HUB.AUDIT";
    static final String RELAY = "HUB.RELAY.ALARM110";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.ALARM110";
    static final String FEEDBACK = "/jcj/api/v1/ldjq/feedback";
    static final String API_KEY = "test-110-key-not-for-production";

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

    JmsTemplate waiting;
    TestQueues queues;

    private static WireMockServer startWireMock() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .usingFilesUnderClasspath("fixtures/alarm110"));
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void alarm110(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.alarm110.base-url", WIREMOCK::baseUrl);
    }

    @BeforeEach
    void cleanSlate() {
        WIREMOCK.resetAll();
        jdbc.update("DELETE FROM source_record");
        jdbc.update("DELETE FROM relay_delivery");
        queues = TestQueues.shared(connectionFactory);
        waiting = queues.sender();
        for (String queue : List.of(INTAKE, AUDIT, QUEUE_DLQ, RELAY_DLQ)) {
            drain(queue);
        }
    }

    /** Everything on the queue now. */
    List<Message> drain(String queue) {
        return queues.drain(queue);
    }

    /** The next message on the queue, waiting up to 10 s for it. */
    Message next(String queue) {
        return queues.next(queue);
    }

    /** The next {@code n} messages on the queue, each waited for. */
    List<Message> next(String queue, int n) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next(queue));
        }
        return out;
    }

    /** Puts a 110 message on the connector's queue: a text message, or a bytes message for a byte[] body. */
    void publish(String msgType, Object body) {
        waiting.send(QUEUE, session -> {
            Message m = body instanceof byte[] bytes ? session.createBytesMessage() : session.createTextMessage((String) body);
            if (body instanceof byte[] bytes) {
                ((BytesMessage) m).writeBytes(bytes);
            }
            m.setStringProperty("MsgType", msgType);
            return m;
        });
    }

    static String text(Message m) throws JMSException {
        return TestQueues.text(m);
    }

    static CaseEnvelope envelope(Message m) throws JMSException {
        return Json.read(text(m), CaseEnvelope.class);
    }

    double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
