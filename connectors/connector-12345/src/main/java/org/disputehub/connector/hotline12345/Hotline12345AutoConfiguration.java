package org.disputehub.connector.hotline12345;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The 12345 hotline connector, on when {@code hub.connectors.hotline12345.enabled=true}: the poll flow
 * (route {@code hotline12345-poll}) and the feedback flow (route {@code hotline12345-feedback}).
 * Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component, error policy,
 * {@link ConnectorStore}) and Camel's {@link ProducerTemplate}.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = Hotline12345Properties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(Hotline12345Properties.class)
public class Hotline12345AutoConfiguration {

    private static final Clock CLOCK = Clock.system(Hotline12345.OFFSET);

    @Bean
    Hotline12345Signer hotline12345Signer(Hotline12345Properties properties) {
        return new Hotline12345Signer(properties.getAppKey(), properties.getAppSecret(), CLOCK);
    }

    @Bean
    Hotline12345Client hotline12345Client(Hotline12345Properties properties, Hotline12345Signer signer) {
        return new Hotline12345Client(properties, signer);
    }

    @Bean
    WorkOrderMapper hotline12345WorkOrderMapper() {
        return new WorkOrderMapper();
    }

    @Bean
    StatusVocabulary hotline12345StatusVocabulary(VocabularyReloader reloader) {
        StatusVocabulary vocabulary = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
        reloader.register("HOTLINE12345", () -> {
            StatusVocabulary fresh = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
            return () -> vocabulary.replaceWith(fresh);
        });
        return vocabulary;
    }

    @Bean
    Hotline12345Metrics hotline12345Metrics(ObjectProvider<MeterRegistry> registry) {
        return new Hotline12345Metrics(registry.getIfAvailable());
    }

    @Bean
    Hotline12345PollState hotline12345PollState() {
        return new Hotline12345PollState();
    }

    @Bean
    Hotline12345Publisher hotline12345Publisher(ProducerTemplate producerTemplate) {
        return new Hotline12345Publisher(producerTemplate);
    }

    @Bean
    WorkOrderIntake hotline12345WorkOrderIntake(WorkOrderMapper mapper, ConnectorStore store,
                                                Hotline12345Publisher publisher, Hotline12345Metrics metrics) {
        return new WorkOrderIntake(mapper, store, publisher, metrics, CLOCK);
    }

    @Bean
    Hotline12345Poller hotline12345Poller(Hotline12345Client client, WorkOrderIntake intake, ConnectorStore store,
                                          Hotline12345PollState state, Hotline12345Metrics metrics,
                                          Hotline12345Properties properties) {
        return new Hotline12345Poller(client, intake, store, state, metrics, properties, CLOCK);
    }

    @Bean
    Hotline12345Feedback hotline12345Feedback(Hotline12345Client client, ConnectorStore store,
                                              StatusVocabulary vocabulary, Hotline12345Metrics metrics) {
        return new Hotline12345Feedback(client, store, vocabulary, metrics, CLOCK);
    }

    @Bean
    Hotline12345PollRoute hotline12345PollRoute(Hotline12345Poller poller, Hotline12345Properties properties) {
        return new Hotline12345PollRoute(poller, properties);
    }

    @Bean
    Hotline12345FeedbackRoute hotline12345FeedbackRoute(Hotline12345Feedback feedback, Hotline12345Properties properties) {
        return new Hotline12345FeedbackRoute(feedback, properties);
    }
}
