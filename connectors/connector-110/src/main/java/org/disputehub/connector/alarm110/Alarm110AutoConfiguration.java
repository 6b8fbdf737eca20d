package org.disputehub.connector.alarm110;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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
 * The 110 alarm connector, on when {@code hub.connectors.alarm110.enabled=true}: the intake flow
 * (route {@code alarm110-intake}) and the feedback flow (route {@code alarm110-feedback}).
 * Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component, error policy,
 * {@link ConnectorStore}).
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = Alarm110Properties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(Alarm110Properties.class)
public class Alarm110AutoConfiguration {

    private static final Clock CLOCK = Clock.system(Alarm110.OFFSET);

    @Bean
    IncidentCategories alarm110IncidentCategories() {
        return IncidentCategories.load(IncidentCategories.DEFAULT_LOCATION);
    }

    @Bean
    AlarmReader alarm110Reader(IncidentCategories categories) {
        return new AlarmReader(new IncidentMapper(categories), new WithdrawalMapper());
    }

    @Bean
    FeedbackVocabulary alarm110FeedbackVocabulary(VocabularyReloader reloader) {
        FeedbackVocabulary vocabulary = FeedbackVocabulary.load(FeedbackVocabulary.DEFAULT_LOCATION);
        reloader.register("ALARM110", () -> {
            FeedbackVocabulary fresh = FeedbackVocabulary.load(FeedbackVocabulary.DEFAULT_LOCATION);
            return () -> vocabulary.replaceWith(fresh);
        });
        return vocabulary;
    }

    @Bean
    Alarm110Metrics alarm110Metrics(ObjectProvider<MeterRegistry> registry) {
        return new Alarm110Metrics(registry.getIfAvailable());
    }

    @Bean
    Alarm110Client alarm110Client(Alarm110Properties properties) {
        return new Alarm110Client(properties);
    }

    @Bean(AlarmJmsBodies.BEAN)
    AlarmJmsBodies alarm110JmsBodies() {
        return new AlarmJmsBodies();
    }

    @Bean
    AlarmIntake alarm110Intake(AlarmReader reader, ConnectorStore store, Alarm110Metrics metrics) {
        return new AlarmIntake(reader, store, metrics, CLOCK);
    }

    @Bean
    Alarm110Feedback alarm110Feedback(Alarm110Client client, ConnectorStore store, FeedbackVocabulary vocabulary,
                                      Alarm110Metrics metrics) {
        return new Alarm110Feedback(client, store, vocabulary, metrics, CLOCK);
    }

    @Bean
    Alarm110IntakeRoute alarm110IntakeRoute(AlarmIntake intake, Alarm110Properties properties) {
        return new Alarm110IntakeRoute(intake, properties);
    }

    @Bean
    Alarm110FeedbackRoute alarm110FeedbackRoute(Alarm110Feedback feedback, Alarm110Properties properties) {
        return new Alarm110FeedbackRoute(feedback, properties);
    }
}
