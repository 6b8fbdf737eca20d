package org.disputehub.canonical.connector;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every connector and the hub share: the queue names of the contract ({@code hub-contract.properties},
 * overridable), the {@code jms} component ({@link HubJms}: pooled connection factory, local JMS transactions on
 * the listener's session, cached consumers), the error policy, the park route and the connector store.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, ArtemisAutoConfiguration.class})
@PropertySource("classpath:hub-contract.properties")
public class HubContractAutoConfiguration {

    @Bean(name = "jms")
    @ConditionalOnMissingBean(name = "jms")
    @ConditionalOnBean(ConnectionFactory.class)
    JmsComponent jms(ConnectionFactory connectionFactory,
                     @Value("${hub.jms.cache-level:CACHE_CONSUMER}") String cacheLevel,
                     @Value("${hub.jms.receive-timeout:1000}") long receiveTimeout) {
        return HubJms.component(connectionFactory, cacheLevel, receiveTimeout);
    }

    @Bean
    HubErrorPolicy hubErrorPolicy(@Value("${hub.errors.maximum-redeliveries}") int maximumRedeliveries,
                                  @Value("${hub.errors.redelivery-delay}") long redeliveryDelay,
                                  @Value("${hub.errors.back-off-multiplier}") double backOffMultiplier,
                                  @Value("${hub.errors.maximum-redelivery-delay}") long maximumRedeliveryDelay) {
        if (maximumRedeliveries < 0 || redeliveryDelay < 0 || backOffMultiplier < 1 || maximumRedeliveryDelay < redeliveryDelay) {
            throw new IllegalStateException("hub.errors.*: redeliveries and delays must be >= 0, the multiplier >= 1 "
                    + "and maximum-redelivery-delay >= redelivery-delay");
        }
        return new HubErrorPolicy(maximumRedeliveries, redeliveryDelay, backOffMultiplier, maximumRedeliveryDelay);
    }

    @Bean
    VocabularyReloader vocabularyReloader(@Value("${hub.mappings-dir:}") String mappingsDir) {
        return new VocabularyReloader(mappingsDir.isBlank() ? null : java.nio.file.Path.of(mappingsDir));
    }

    @Bean
    InboundErrorPolicy inboundErrorPolicy() {
        return new InboundErrorPolicy();
    }

    @Bean
    ParkRoute hubParkRoute() {
        return new ParkRoute();
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ConnectorStore connectorStore(JdbcTemplate jdbc) {
        return new ConnectorStore(jdbc);
    }
}
