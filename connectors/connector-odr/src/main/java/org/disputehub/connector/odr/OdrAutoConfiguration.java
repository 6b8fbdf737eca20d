package org.disputehub.connector.odr;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
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

/**
 * The ODR connector, on when {@code hub.connectors.odr.enabled=true}: the webhook (route {@code odr-webhook}),
 * the status relay (route {@code odr-relay}) and the {@code odr} department channel (route template
 * {@code dispatch-odr}). Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component,
 * error policies, {@link ConnectorStore}), Camel's {@link ProducerTemplate} and a servlet web server.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = OdrProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OdrProperties.class)
public class OdrAutoConfiguration {

    private static final Clock CLOCK = Clock.system(Odr.OFFSET);

    private final ConnectorMetrics metrics;

    OdrAutoConfiguration(ObjectProvider<MeterRegistry> registry) {
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Odr.CONNECTOR);
    }

    @Bean
    HttpClient odrHttpClient(OdrProperties properties) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    OdrTokenProvider odrTokenProvider(HttpClient odrHttpClient, OdrProperties properties) {
        return new OdrTokenProvider(odrHttpClient, properties, metrics, CLOCK);
    }

    @Bean
    OdrClient odrClient(HttpClient odrHttpClient, OdrTokenProvider tokens, OdrProperties properties) {
        return new OdrClient(odrHttpClient, tokens, properties);
    }

    @Bean
    OdrReplies odrReplies(OdrProperties properties) {
        return new OdrReplies(properties.getMaxRetryAfter(), CLOCK);
    }

    @Bean
    OdrLinks odrLinks(ConnectorStore store) {
        return new OdrLinks(store);
    }

    @Bean
    OdrEventIntake odrEventIntake(ConnectorStore store, OdrLinks links, ProducerTemplate producerTemplate) {
        return new OdrEventIntake(new DisputeMapper(), new WithdrawalMapper(), new ConclusionMapper(),
                MediationOutcomes.load(MediationOutcomes.DEFAULT_LOCATION), store, links, new IntakePublisher(producerTemplate, Odr.SYSTEM), CLOCK);
    }

    @Bean
    OdrWebhook odrWebhook(OdrProperties properties, OdrEventIntake intake) {
        return new OdrWebhook(new OdrSignatureVerifier(properties.getWebhookSecrets(), properties.getTimestampWindow(), CLOCK),
                intake, metrics, properties.getMaxBodyBytes());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<InboundBodyLimitFilter> odrBodyLimitFilter(OdrProperties properties) {
        FilterRegistrationBean<InboundBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new InboundBodyLimitFilter(properties.getMaxBodyBytes()));
        registration.addUrlPatterns(Odr.WEBHOOK_PATH);
        registration.setName("odrBodyLimitFilter");
        return registration;
    }

    @Bean
    OdrRelaySink odrRelaySink(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links,
                              VocabularyReloader vocabularies) {
        return new OdrRelaySink(client, replies, store, links, vocabularies.load(Odr.SYSTEM, Odr.CONNECTOR, Odr.STATUSES),
                metrics, CLOCK);
    }

    @Bean
    OdrMediationChannel odrMediationChannel(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links) {
        return new OdrMediationChannel(client, replies, new MediationMapper(DisputeTypes.load(DisputeTypes.DEFAULT_LOCATION)),
                store, links, metrics, CLOCK);
    }

    @Bean
    OdrWebhookRoute odrWebhookRoute(OdrWebhook webhook) {
        return new OdrWebhookRoute(webhook);
    }

    @Bean
    RelayRoute odrRelayRoute(OdrRelaySink sink, OdrProperties properties) {
        return new RelayRoute(sink, properties.getRelayConsumers(), "Relays case status changes to ODR "
                + "(PUT /api/v1/disputes/{id}/status, OAuth2) and audits what was sent");
    }

    @Bean
    DispatchOdrTemplate odrDispatchTemplate(OdrMediationChannel channel) {
        return new DispatchOdrTemplate(channel);
    }
}
