package org.disputehub.hub.config;

import org.disputehub.broker.BrokerSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker: persistent journal under {@code hub.data-dir}, a TCP acceptor so external systems
 * and tools can connect, and the settings it shares with the standalone broker (module broker): short journal
 * buffer timeout (group commit, see DESIGN.md), DLQ/expiry net so a message the broker gives up on is never dropped.
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
            BrokerSettings.apply(config, hub.broker().journalBufferTimeoutNs());
        };
    }
}
