package org.disputehub.connector.labor;

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
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The labor-inspection connector, on when {@code hub.connectors.labor.enabled=true}: the batch flow (route
 * {@code labor-batch}) and the progress flow (route {@code labor-relay}). Needs the shared contract beans of
 * {@link HubContractAutoConfiguration} (jms component, error policy, {@link ConnectorStore}), the store's
 * transaction manager and Camel's {@link ProducerTemplate}. The inbox, done and error directories are created at start-up if missing.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnProperty(prefix = LaborProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LaborProperties.class)
public class LaborAutoConfiguration {

    private final ConnectorMetrics metrics;

    LaborAutoConfiguration(ObjectProvider<MeterRegistry> registry) {
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Labor.CONNECTOR);
    }

    @Bean
    ComplaintMapper laborComplaintMapper() {
        return new ComplaintMapper();
    }

    @Bean
    BatchFiles laborBatchFiles(LaborProperties properties) {
        BatchFiles files = new BatchFiles(properties.getInbox(), properties.getDoneDir(), properties.getErrorDir());
        files.createDirectories();
        return files;
    }

    @Bean
    BatchProcessor laborBatchProcessor(ComplaintMapper mapper, ConnectorStore store, ProducerTemplate producerTemplate,
                                       BatchFiles files, PlatformTransactionManager transactions) {
        return new BatchProcessor(mapper, store, new IntakePublisher(producerTemplate, Labor.SYSTEM), files, metrics, new TransactionTemplate(transactions));
    }

    @Bean
    BatchScanner laborBatchScanner(BatchFiles files, BatchProcessor processor) {
        return new BatchScanner(files, processor, metrics);
    }

    @Bean
    LaborBatchRoute laborBatchRoute(BatchScanner scanner, LaborProperties properties) {
        return new LaborBatchRoute(scanner, properties);
    }

    @Bean
    LaborClient laborClient(LaborProperties properties) {
        return new LaborClient(properties);
    }

    @Bean
    LaborRelaySink laborRelaySink(LaborClient client, ConnectorStore store, VocabularyReloader vocabularies) {
        return new LaborRelaySink(client, store, vocabularies.load(Labor.SYSTEM, Labor.CONNECTOR, Labor.STAGES), metrics,
                Clock.system(Labor.OFFSET));
    }

    @Bean
    RelayRoute laborRelayRoute(LaborRelaySink sink, LaborProperties properties) {
        return new RelayRoute(sink, properties.getRelayConsumers(), "Relays case status changes to the "
                + "labor-inspection system as progress posts (已受理, 已交办, 调处中, 已办结, 已回访, 已退回) and audits what was sent");
    }
}
