package org.disputehub.connector.zhengding;

import org.disputehub.fixtures.ConnectorContextTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.List;
import java.util.Map;
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
 * One application context for every integration test of the connector (so it starts once): embedded Artemis, H2
 * with canonical's migrations, a web server for the callback endpoint, WireMock as Zhengding with the fixtures'
 * mappings loaded, and the connector's clock fixed at T0. Each test starts from empty queues, an empty store, no
 * cached access token, no remembered callback nonce and a fresh WireMock journal.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ZhengdingContextTest extends ConnectorContextTest {

    static final String NOTIFY = "HUB.NOTIFY.ZHENGDING";
    static final String NOTIFY_DLQ = "DLQ.HUB.NOTIFY.ZHENGDING";
    static final String STATUS = "HUB.STATUS";
    static final String STATUS_IN = "HUB.STATUS.IN";
    static final String TOKEN_PATH = "/gettoken";
    static final String SEND_PATH = "/topapi/message/corpconversation/asyncsend_v2";

    static final WireMockServer WIREMOCK = wireMock("fixtures/zhengding");

    @Autowired
    ConnectorStore store;
    @Autowired
    ZhengdingTokenCache tokens;
    @Autowired
    CallbackNonces nonces;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void zhengding(DynamicPropertyRegistry registry) {
        registry.add("hub.connectors.zhengding.base-url", WIREMOCK::baseUrl);
    }

    @Override
    protected void beforeCleaning() throws Exception {
        WIREMOCK.resetAll();
        tokens.forget();
        nonces.forget(); // the clock stands still at T0: no callback would ever leave the window
    }

    @Override
    protected List<String> queuesToDrain() {
        return List.of(AUDIT, STATUS, STATUS_IN, NOTIFY_DLQ);
    }

    void send(String queue, String body, Map<String, Object> properties) {
        waiting.send(queue, session -> {
            Message m = session.createTextMessage(body);
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                m.setObjectProperty(p.getKey(), p.getValue());
            }
            return m;
        });
    }
}
