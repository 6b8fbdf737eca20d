package org.disputehub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerMainTest {

    @TempDir
    Path dir;

    @Test
    void aPersistentMessageSurvivesABrokerRestart() throws Exception {
        int port = freePort();
        Map<String, String> options = Map.of("port", String.valueOf(port), "data-dir", dir.toString());
        EmbeddedActiveMQ broker = BrokerMain.start(options);
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue("HUB.INTAKE"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("case-1"));
            session.commit();
        }
        broker.stop();

        broker = BrokerMain.start(options);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage received = (TextMessage) session.createConsumer(session.createQueue("HUB.INTAKE")).receive(5000);
            assertThat(received).isNotNull();
            assertThat(received.getText()).isEqualTo("case-1");
        } finally {
            broker.stop();
        }
    }

    @Test
    void optionsMustBeNamed() {
        assertThatThrownBy(() -> BrokerMain.parse(new String[] {"61616"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--name=value");
        assertThatThrownBy(() -> BrokerMain.start(Map.of("port", "70000", "data-dir", dir.toString())))
                .hasMessageContaining("not a TCP port");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
