package org.disputehub.connector.alarm110;

import org.disputehub.fixtures.ConnectorTestApplication;
import org.disputehub.fixtures.ConnectorContextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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
@SpringBootTest(classes = ConnectorTestApplication.class)
abstract class Alarm110ContextTest extends ConnectorContextTest {

    static final String QUEUE = "JCJ.LDJQ.OUT";
    static final String QUEUE_DLQ = "DLQ.JCJ.LDJQ.OUT";
    static final String RELAY = "HUB.RELAY.ALARM110";
    static final String RELAY_DLQ = "DLQ.HUB.RELAY.ALARM110";
    static final String FEEDBACK = "/jcj/api/v1/ldjq/feedback";
    static final String API_KEY = "test-110-key-not-for-production";

    static final WireMockServer WIREMOCK = wireMock("fixtures/alarm110");

    @Autowired
    ConnectorStore store;

    @DynamicPropertySource
    static void alarm110(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.alarm110.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        WIREMOCK.resetAll();
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(INTAKE, AUDIT, QUEUE_DLQ, RELAY_DLQ);
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

    static CaseEnvelope envelope(Message m) throws JMSException {
        return Json.read(text(m), CaseEnvelope.class);
    }
}
