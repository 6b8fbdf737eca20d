package org.disputehub.connector.labor;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
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
 * {@code labor-batch}) and the progress flow (route {@code labor-progress}). Needs the shared contract beans of
 * {@link HubContractAutoConfiguration} (jms component, error policy, {@link ConnectorStore}), the store's
 * transaction manager and Camel's {@link ProducerTemplate}. The inbox, done and error directories are created at start-up if missing.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnProperty(prefix = LaborProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(LaborProperties.class)
public class LaborAutoConfiguration {

    @Bean
    ComplaintMapper laborComplaintMapper() {
        return new ComplaintMapper();
    }

    @Bean
    LaborMetrics laborMetrics(ObjectProvider<MeterRegistry> registry) {
        return new LaborMetrics(registry.getIfAvailable());
    }

    @Bean
    LaborPublisher laborPublisher(ProducerTemplate producerTemplate) {
        return new LaborPublisher(producerTemplate);
    }

    @Bean
    BatchFiles laborBatchFiles(LaborProperties properties) {
        BatchFiles files = new BatchFiles(properties.getInbox(), properties.getDoneDir(), properties.getErrorDir());
        files.createDirectories();
        return files;
    }

    @Bean
    BatchProcessor laborBatchProcessor(ComplaintMapper mapper, ConnectorStore store, LaborPublisher publisher,
                                       BatchFiles files, LaborMetrics metrics, PlatformTransactionManager transactions) {
        return new BatchProcessor(mapper, store, publisher, files, metrics, new TransactionTemplate(transactions));
    }

    @Bean
    BatchScanner laborBatchScanner(BatchFiles files, BatchProcessor processor, LaborMetrics metrics) {
        return new BatchScanner(files, processor, metrics);
    }

    @Bean
    LaborBatchRoute laborBatchRoute(BatchScanner scanner, LaborProperties properties) {
        return new LaborBatchRoute(scanner, properties);
    }

    @Bean
    StageVocabulary laborStageVocabulary(VocabularyReloader reloader) {
        StageVocabulary vocabulary = StageVocabulary.load(StageVocabulary.DEFAULT_LOCATION);
        reloader.register("LABOR", () -> {
            StageVocabulary fresh = StageVocabulary.load(StageVocabulary.DEFAULT_LOCATION);
            return () -> vocabulary.replaceWith(fresh);
        });
        return vocabulary;
    }

    @Bean
    LaborClient laborClient(LaborProperties properties) {
        return new LaborClient(properties);
    }

    @Bean
    LaborProgress laborProgress(LaborClient client, ConnectorStore store, StageVocabulary vocabulary, LaborMetrics metrics) {
        return new LaborProgress(client, store, vocabulary, metrics);
    }

    @Bean
    LaborProgressRoute laborProgressRoute(LaborProgress progress, LaborProperties properties) {
        return new LaborProgressRoute(progress, properties);
    }
}
