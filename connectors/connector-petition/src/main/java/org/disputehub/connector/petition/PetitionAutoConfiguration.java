package org.disputehub.connector.petition;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.InboundBodyLimitFilter;
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
 * {@code petition-inbound}) and the status flow (route {@code petition-status}). Needs the shared contract beans
 * of {@link HubContractAutoConfiguration} (jms component, error policies, {@link ConnectorStore}), Camel's
 * {@link ProducerTemplate} and a servlet web application for platform-http.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = PetitionProperties.PREFIX, name = "enabled", havingValue = "true")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PetitionProperties.class)
public class PetitionAutoConfiguration {

    private static final Clock CLOCK = Clock.system(Petition.OFFSET);

    @Bean
    PetitionSigner petitionSigner(PetitionProperties properties) {
        return new PetitionSigner(properties.getSharedSecret(), properties.getTimestampWindow(), CLOCK);
    }

    @Bean
    PetitionMetrics petitionMetrics(ObjectProvider<MeterRegistry> registry) {
        return new PetitionMetrics(registry.getIfAvailable());
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
    PetitionReceiver petitionReceiver(PetitionSigner signer, PetitionMetrics metrics, PetitionProperties properties,
                                      ObjectProvider<JdbcTemplate> jdbc) {
        return new PetitionReceiver(signer, new ReplayGuard(properties.getTimestampWindow(), CLOCK, jdbc.getIfAvailable()),
                metrics, properties.getMaxBodyBytes());
    }

    @Bean
    PetitionMapper petitionMapper() {
        return new PetitionMapper();
    }

    @Bean
    PetitionPublisher petitionPublisher(ProducerTemplate producerTemplate) {
        return new PetitionPublisher(producerTemplate);
    }

    @Bean
    PetitionIntake petitionIntake(PetitionMapper mapper, ConnectorStore store, PetitionPublisher publisher,
                                  PetitionMetrics metrics) {
        return new PetitionIntake(mapper, store, publisher, metrics, CLOCK);
    }

    @Bean
    StatusVocabulary petitionStatusVocabulary(VocabularyReloader reloader) {
        StatusVocabulary vocabulary = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
        reloader.register("PETITION", () -> {
            StatusVocabulary fresh = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
            return () -> vocabulary.replaceWith(fresh);
        });
        return vocabulary;
    }

    @Bean
    PetitionClient petitionClient(PetitionProperties properties, PetitionSigner signer) {
        return new PetitionClient(properties, signer);
    }

    @Bean
    PetitionStatus petitionStatus(PetitionClient client, ConnectorStore store, StatusVocabulary vocabulary,
                                  PetitionMetrics metrics) {
        return new PetitionStatus(client, store, vocabulary, metrics, CLOCK);
    }

    @Bean
    PetitionInboundRoute petitionInboundRoute(PetitionReceiver receiver, PetitionIntake intake, PetitionProperties properties) {
        return new PetitionInboundRoute(receiver, intake, properties);
    }

    @Bean
    PetitionStatusRoute petitionStatusRoute(PetitionStatus status, PetitionProperties properties) {
        return new PetitionStatusRoute(status, properties);
    }
}
