package org.disputehub.connector.odr;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
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

/**
 * The ODR connector, on when {@code hub.connectors.odr.enabled=true}: the webhook (route {@code odr-webhook}),
 * the status relay (route {@code odr-status}) and the {@code odr} department channel (route template
 * {@code dispatch-odr}). Needs the shared contract beans of {@link HubContractAutoConfiguration} (jms component,
 * error policies, {@link ConnectorStore}), Camel's {@link ProducerTemplate} and a servlet web server.
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = OdrProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OdrProperties.class)
public class OdrAutoConfiguration {

    private static final Clock CLOCK = Clock.system(Odr.OFFSET);

    @Bean
    OdrMetrics odrMetrics(ObjectProvider<MeterRegistry> registry) {
        return new OdrMetrics(registry.getIfAvailable());
    }

    @Bean
    HttpClient odrHttpClient(OdrProperties properties) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    OdrTokenProvider odrTokenProvider(HttpClient odrHttpClient, OdrProperties properties, OdrMetrics metrics) {
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
    OdrPublisher odrPublisher(ProducerTemplate producerTemplate) {
        return new OdrPublisher(producerTemplate);
    }

    @Bean
    OdrEventIntake odrEventIntake(ConnectorStore store, OdrLinks links, OdrPublisher publisher) {
        return new OdrEventIntake(new DisputeMapper(), new WithdrawalMapper(), new ConclusionMapper(),
                MediationOutcomes.load(MediationOutcomes.DEFAULT_LOCATION), store, links, publisher, CLOCK);
    }

    @Bean
    OdrWebhook odrWebhook(OdrProperties properties, OdrEventIntake intake, OdrMetrics metrics) {
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
    OdrStatusSink odrStatusSink(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links,
                                OdrMetrics metrics, VocabularyReloader reloader) {
        StatusVocabulary vocabulary = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
        reloader.register("ODR", () -> {
            StatusVocabulary fresh = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);
            return () -> vocabulary.replaceWith(fresh);
        });
        return new OdrStatusSink(client, replies, store, links, vocabulary, metrics, CLOCK);
    }

    @Bean
    OdrMediationChannel odrMediationChannel(OdrClient client, OdrReplies replies, ConnectorStore store, OdrLinks links,
                                            OdrMetrics metrics) {
        return new OdrMediationChannel(client, replies, new MediationMapper(DisputeTypes.load(DisputeTypes.DEFAULT_LOCATION)),
                store, links, metrics, CLOCK);
    }

    @Bean
    OdrWebhookRoute odrWebhookRoute(OdrWebhook webhook) {
        return new OdrWebhookRoute(webhook);
    }

    @Bean
    OdrStatusRoute odrStatusRoute(OdrStatusSink sink, OdrProperties properties) {
        return new OdrStatusRoute(sink, properties);
    }

    @Bean
    DispatchOdrTemplate odrDispatchTemplate(OdrMediationChannel channel) {
        return new DispatchOdrTemplate(channel);
    }
}
