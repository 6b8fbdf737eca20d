package org.disputehub.connector.alarm110;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.RelayRoute;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The 110 alarm connector, on when {@code hub.connectors.alarm110.enabled=true}: the intake flow
 * (route {@code alarm110-intake}) and the relay flow (route {@code alarm110-relay}).
 * Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component, error policy,
 * {@link ConnectorStore}).
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = Alarm110Properties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(Alarm110Properties.class)
public class Alarm110AutoConfiguration {

    private static final Clock CLOCK = Clock.system(Alarm110.OFFSET);

    private final ConnectorMetrics metrics;

    Alarm110AutoConfiguration(ObjectProvider<MeterRegistry> registry) {
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Alarm110.CONNECTOR);
    }

    @Bean
    IncidentCategories alarm110IncidentCategories() {
        return IncidentCategories.load(IncidentCategories.DEFAULT_LOCATION);
    }

    @Bean
    AlarmReader alarm110Reader(IncidentCategories categories) {
        return new AlarmReader(new IncidentMapper(categories), new WithdrawalMapper());
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
    AlarmIntake alarm110Intake(AlarmReader reader, ConnectorStore store) {
        return new AlarmIntake(reader, store, metrics, CLOCK);
    }

    @Bean
    Alarm110RelaySink alarm110RelaySink(Alarm110Client client, ConnectorStore store, VocabularyReloader vocabularies) {
        return new Alarm110RelaySink(client, store, vocabularies.load(Alarm110.SYSTEM, Alarm110.CONNECTOR, Alarm110.FKZT),
                metrics, CLOCK);
    }

    @Bean
    Alarm110IntakeRoute alarm110IntakeRoute(AlarmIntake intake, Alarm110Properties properties) {
        return new Alarm110IntakeRoute(intake, properties);
    }

    @Bean
    RelayRoute alarm110RelayRoute(Alarm110RelaySink sink, Alarm110Properties properties) {
        return new RelayRoute(sink, properties.getRelayConsumers(), "Relays case status changes to the 110 platform "
                + "as <FKXX> feedback (FKZT 01 派单 … 07 回访) and audits what was sent");
    }
}
