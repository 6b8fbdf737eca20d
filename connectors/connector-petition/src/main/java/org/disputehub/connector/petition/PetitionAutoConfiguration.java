package org.disputehub.connector.petition;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.InboundBodyLimitFilter;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.connector.RelayRoute;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The petition connector, on when {@code hub.connectors.petition.enabled=true}: the push endpoint (route
 * {@code petition-inbound}) and the status flow (route {@code petition-relay}). Needs the shared contract beans
 * of {@link HubContractAutoConfiguration} (jms component, error policies, {@link ConnectorStore}), Camel's
 * {@link ProducerTemplate} and a servlet web application for platform-http.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = PetitionProperties.PREFIX, name = "enabled", havingValue = "true")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PetitionProperties.class)
public class PetitionAutoConfiguration {

    private static final Clock CLOCK = Clock.system(Petition.OFFSET);

    private final ConnectorMetrics metrics;

    PetitionAutoConfiguration(ObjectProvider<MeterRegistry> registry) {
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Petition.CONNECTOR);
    }

    @Bean
    PetitionSigner petitionSigner(PetitionProperties properties) {
        return new PetitionSigner(properties.getSharedSecret(), properties.getTimestampWindow(), CLOCK);
    }

    @Bean
    FilterRegistrationBean<InboundBodyLimitFilter> petitionBodyLimitFilter(PetitionProperties properties) {
        FilterRegistrationBean<InboundBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new InboundBodyLimitFilter(properties.getMaxBodyBytes()));
        registration.addUrlPatterns(properties.getInboundPath());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    PetitionReceiver petitionReceiver(PetitionSigner signer, PetitionProperties properties,
                                      ObjectProvider<JdbcTemplate> jdbc) {
        return new PetitionReceiver(signer, new ReplayGuard(properties.getTimestampWindow(), CLOCK, jdbc.getIfAvailable()),
                metrics, properties.getMaxBodyBytes());
    }

    @Bean
    PetitionMapper petitionMapper() {
        return new PetitionMapper();
    }

    @Bean
    PetitionIntake petitionIntake(PetitionMapper mapper, ConnectorStore store, ProducerTemplate producerTemplate) {
        return new PetitionIntake(mapper, store, new IntakePublisher(producerTemplate, Petition.SYSTEM), metrics, CLOCK);
    }

    @Bean
    PetitionClient petitionClient(PetitionProperties properties, PetitionSigner signer) {
        return new PetitionClient(properties, signer);
    }

    @Bean
    PetitionRelaySink petitionRelaySink(PetitionClient client, ConnectorStore store, VocabularyReloader vocabularies) {
        return new PetitionRelaySink(client, store, vocabularies.load(Petition.SYSTEM, Petition.CONNECTOR, Petition.ZT),
                metrics, CLOCK);
    }

    @Bean
    PetitionInboundRoute petitionInboundRoute(PetitionReceiver receiver, PetitionIntake intake, PetitionProperties properties) {
        return new PetitionInboundRoute(receiver, intake, properties);
    }

    @Bean
    RelayRoute petitionRelayRoute(PetitionRelaySink sink, PetitionProperties properties) {
        return new RelayRoute(sink, properties.getRelayConsumers(), "Relays case status changes to the petition "
                + "platform as signed BLZT POSTs (受理, 交办, 办理中, 办结, 回访, 退回) and audits what was sent");
    }
}
