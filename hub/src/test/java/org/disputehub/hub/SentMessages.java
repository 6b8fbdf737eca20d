package org.disputehub.hub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.postoffice.RoutingStatus;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test configuration: a plugin of the embedded broker that records every message sent to it, by address, with its
 * text — what a stage put on which queue, whoever consumed it since.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SentMessages {

    public record Sent(String address, String text) {
    }

    private static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    @Bean
    static ArtemisConfigurationCustomizer sentMessagesPlugin() {
        return config -> config.registerBrokerPlugin(new ActiveMQServerMessagePlugin() {
            @Override
            public void afterSend(ServerSession session, Transaction tx, Message message, boolean direct,
                                  boolean noAutoCreateQueue, RoutingStatus result) {
                SimpleString text = message.toCore().getReadOnlyBodyBuffer().readNullableSimpleString();
                SENT.add(new Sent(message.getAddress(), text == null ? null : text.toString()));
            }
        });
    }

    /** Forgets what was recorded (a test's start). */
    public static void clear() {
        SENT.clear();
    }

    /** The texts sent to an address so far, in the order sent. */
    public static List<String> to(String address) {
        return SENT.stream().filter(s -> address.equals(s.address())).map(Sent::text).toList();
    }
}
