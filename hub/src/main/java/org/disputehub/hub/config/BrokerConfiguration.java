package org.disputehub.hub.config;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker: persistent journal under {@code hub.data-dir}, a TCP acceptor so external systems
 * and tools can connect, a short journal buffer timeout (group commit, see DESIGN.md), and DLQ/expiry
 * settings so a message the broker itself gives up on is never dropped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer hubBrokerCustomizer(HubProperties hub) {
        return config -> {
            try {
                if (hub.broker().tcpPort() > 0) {
                    config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + hub.broker().tcpPort());
                }
            } catch (Exception e) {
                throw new IllegalStateException("hub.broker.tcp-port: cannot open the TCP acceptor", e);
            }
            config.setJournalBufferTimeout_NIO((int) hub.broker().journalBufferTimeoutNs());
            config.setJournalBufferTimeout_AIO((int) hub.broker().journalBufferTimeoutNs());
            config.setSecurityEnabled(false);
            config.setJMXManagementEnabled(true);
            // The hub parks failed messages itself (DLQ.{queue}, with the reason); this is the broker's own net.
            config.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("DLQ.BROKER"))
                    .setExpiryAddress(SimpleString.of("EXPIRED"))
                    .setMaxDeliveryAttempts(20)
                    .setAutoCreateQueues(true)
                    .setAutoCreateAddresses(true)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                    .setDefaultQueueRoutingType(RoutingType.ANYCAST));
        };
    }
}
