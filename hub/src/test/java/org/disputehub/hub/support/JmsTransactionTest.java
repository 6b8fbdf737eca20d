package org.disputehub.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMAcceptorFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.disputehub.canonical.connector.HubJms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.JmsTemplate;

/**
 * The hub's {@code jms} component ({@link HubJms}) takes a message and sends what the route produces in one local
 * transaction: the session that consumed the input is the session the outputs are sent on, so one commit covers both.
 * (With a second session for the sends, its commit comes after the input's, and a crash in between loses the outputs
 * of an input already acknowledged — what the fault tests found after {@code kill -9}.)
 */
class JmsTransactionTest {

    private EmbeddedActiveMQ broker;
    private ActiveMQConnectionFactory raw;
    private DefaultCamelContext camel;
    /** For every session the route's connection factory handed out: what it consumed from, sent to, and commits. */
    private final Map<Object, Set<String>> sessions = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration(new TransportConfiguration(InVMAcceptorFactory.class.getName(), Map.of("serverId", 7)));
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        raw = new ActiveMQConnectionFactory("vm://7");
        camel = new DefaultCamelContext();
        camel.addComponent("jms", HubJms.component(recording(raw), "CACHE_CONSUMER", 200));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:TX.IN").routeId("tx-relay").to("jms:queue:TX.OUT").to("jms:queue:TX.AUDIT");
            }
        });
        camel.start();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        raw.close();
        broker.stop();
    }

    @Test
    void theInputIsAcknowledgedAndTheOutputsSentByOneCommitOfOneSession() throws Exception {
        JmsTemplate test = new JmsTemplate(raw);
        test.setReceiveTimeout(10_000);
        for (int i = 0; i < 3; i++) {
            test.convertAndSend("TX.IN", "case " + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(((TextMessage) test.receive("TX.OUT")).getText()).startsWith("case ");
            assertThat(test.receive("TX.AUDIT")).isNotNull();
        }
        List<Set<String>> consuming = sessions.values().stream().filter(s -> s.contains("consume TX.IN")).toList();
        assertThat(consuming).as("the route's consumer sessions").isNotEmpty();
        assertThat(consuming).as("sends on the consuming session, committed with the input")
                .allSatisfy(s -> assertThat(s).contains("send TX.OUT", "send TX.AUDIT", "commit"));
        assertThat(sessions.values()).as("no other session sent anything")
                .filteredOn(s -> !s.contains("consume TX.IN")).noneMatch(s -> s.contains("send TX.OUT"));
    }

    /** The connection factory as the route sees it, recording what each session is used for. */
    private ConnectionFactory recording(ConnectionFactory target) {
        return (ConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConnectionFactory.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Session s ? session(s) : result;
                });
    }

    private Session session(Session target) {
        Set<String> uses = ConcurrentHashMap.newKeySet();
        Session session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "createConsumer" -> uses.add("consume " + name((Destination) args[0]));
                        case "createProducer" -> uses.add("send " + (args[0] == null ? "?" : name((Destination) args[0])));
                        case "commit" -> uses.add("commit");
                        default -> { }
                    }
                    return invoke(target, method, args);
                });
        sessions.put(session, uses);
        return session;
    }

    private static String name(Destination d) throws Exception {
        return d instanceof Queue q ? q.getQueueName() : String.valueOf(d);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
