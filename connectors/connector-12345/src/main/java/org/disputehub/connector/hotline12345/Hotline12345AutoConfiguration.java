package org.disputehub.connector.hotline12345;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.connector.RelayRoute;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The 12345 hotline connector, on when {@code hub.connectors.hotline12345.enabled=true}: the poll flow
 * (route {@code hotline12345-poll}) and the relay flow (route {@code hotline12345-relay}).
 * Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component, error policy,
 * {@link ConnectorStore}) and Camel's {@link ProducerTemplate}.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = Hotline12345Properties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(Hotline12345Properties.class)
public class Hotline12345AutoConfiguration {

    private static final Clock CLOCK = Clock.system(Hotline12345.OFFSET);

    private final ConnectorMetrics metrics;

    Hotline12345AutoConfiguration(ObjectProvider<MeterRegistry> registry) {
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Hotline12345.CONNECTOR);
    }

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
    Hotline12345PollState hotline12345PollState() {
        return new Hotline12345PollState();
    }

    @Bean
    WorkOrderIntake hotline12345WorkOrderIntake(WorkOrderMapper mapper, ConnectorStore store,
                                                ProducerTemplate producerTemplate) {
        return new WorkOrderIntake(mapper, store, new IntakePublisher(producerTemplate, Hotline12345.SYSTEM), metrics, CLOCK);
    }

    @Bean
    Hotline12345Poller hotline12345Poller(Hotline12345Client client, WorkOrderIntake intake, ConnectorStore store,
                                          Hotline12345PollState state,
                                          Hotline12345Properties properties) {
        return new Hotline12345Poller(client, intake, store, state, metrics, properties, CLOCK);
    }

    @Bean
    Hotline12345RelaySink hotline12345RelaySink(Hotline12345Client client, ConnectorStore store,
                                                VocabularyReloader vocabularies) {
        return new Hotline12345RelaySink(client, store, vocabularies.load(Hotline12345.SYSTEM, Hotline12345.CONNECTOR,
                Hotline12345.FEEDBACK_STATUSES), metrics, CLOCK);
    }

    @Bean
    Hotline12345PollRoute hotline12345PollRoute(Hotline12345Poller poller, Hotline12345Properties properties) {
        return new Hotline12345PollRoute(poller, properties);
    }

    @Bean
    RelayRoute hotline12345RelayRoute(Hotline12345RelaySink sink, Hotline12345Properties properties) {
        return new RelayRoute(sink, properties.getRelayConsumers(), "Relays case status changes to the 12345 hotline "
                + "as signed feedback POSTs (SIGN, PROCESS, FINISH, RETURN, VISIT) and audits what was sent");
    }
}
