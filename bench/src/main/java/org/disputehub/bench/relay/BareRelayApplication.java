package org.disputehub.bench.relay;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.disputehub.broker.BrokerSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The benchmark's baseline: a bare Camel relay over the hub's transports (JMS in, signed pushes in, the 12345 poll,
 * labor batch files) → one persistent Artemis queue → HTTP out to the department, with no mapping, validation,
 * linking or storage. Same broker set-up and JMS settings as the hub (embedded broker with the shared
 * {@link BrokerSettings}, or the standalone broker; transacted, persistent, pooled connections).
 * Run: {@code java -Dloader.main=org.disputehub.bench.relay.BareRelayApplication -jar bench/target/bench.jar}.
 */
@SpringBootApplication
public class BareRelayApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BareRelayApplication.class);
        app.setDefaultProperties(java.util.Map.of(
                "spring.artemis.mode", "embedded",
                "spring.artemis.embedded.enabled", "true",
                "spring.artemis.embedded.persistent", "true",
                "spring.artemis.embedded.queues", "JCJ.LDJQ.OUT,BARE.RELAY",
                "spring.artemis.pool.enabled", "true",
                "spring.artemis.pool.max-connections", "4",
                // as the hub: Artemis' audit loggers off (at INFO they log every management call; on Java 23+ their
                // caller lookup, Subject.getSubject, throws and stops the embedded broker from starting)
                "logging.level.org.apache.activemq.audit", "WARN",
                "camel.main.name", "bare-relay"));
        app.run(args);
    }

    @Bean(name = "jms")
    JmsComponent jms(ConnectionFactory connectionFactory) {
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        jms.setTransacted(true);
        jms.setLazyCreateTransactionManager(false); // the listener's session for the sends too, as the hub (HubJms)
        jms.setCacheLevelName("CACHE_CONSUMER");
        jms.setReceiveTimeout(1000);
        jms.setDeliveryPersistent(true);
        return jms;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded")
    static class EmbeddedBroker {

        @Bean
        ArtemisConfigurationCustomizer relayBroker(@Value("${bench.relay.broker-port}") int port) {
            return config -> {
                try {
                    config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                BrokerSettings.apply(config, 300_000);
            };
        }
    }
}
