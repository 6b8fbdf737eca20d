package org.disputehub.connector.zhengding;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.canonical.connector.HubContractAutoConfiguration;
import org.disputehub.canonical.connector.InboundBodyLimitFilter;
import org.disputehub.canonical.connector.IntakePublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The Zhengding connector, on when {@code hub.connectors.zhengding.enabled=true}: the notification sender (route
 * {@code zhengding-notify}), the department channel (route template {@code dispatch-zhengding}) and the callback
 * endpoint (route {@code zhengding-callback}). Needs the shared contract beans of
 * {@link HubContractAutoConfiguration}, Camel's {@link ProducerTemplate} and {@code hub.public-url} (the links in the
 * notifications). A {@link Clock} bean named {@code zhengdingClock} replaces the system clock (tests only).
 */
@AutoConfiguration(after = {HubContractAutoConfiguration.class, CamelAutoConfiguration.class})
@ConditionalOnProperty(prefix = ZhengdingProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ZhengdingProperties.class)
public class ZhengdingAutoConfiguration {

    private final Clock clock;

    private final ConnectorMetrics metrics;

    ZhengdingAutoConfiguration(@Qualifier("zhengdingClock") ObjectProvider<Clock> clock,
                               ObjectProvider<MeterRegistry> registry) {
        this.clock = clock.getIfAvailable(() -> Clock.system(Zhengding.OFFSET));
        this.metrics = new ConnectorMetrics(registry.getIfAvailable(), Zhengding.CONNECTOR);
    }

    /** Camel's platform-http reads a body whole: the web layer reads at most MAX_BODY + 1 bytes of a callback. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<InboundBodyLimitFilter> zhengdingBodyLimitFilter() {
        FilterRegistrationBean<InboundBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new InboundBodyLimitFilter(ZhengdingCallback.MAX_BODY));
        registration.addUrlPatterns(Zhengding.CALLBACK_PATH);
        registration.setName("zhengdingBodyLimitFilter");
        return registration;
    }

    @Bean
    ZhengdingClient zhengdingClient(ZhengdingProperties properties) {
        return new ZhengdingClient(properties);
    }

    @Bean
    ZhengdingTokenCache zhengdingTokenCache(ZhengdingClient client, ZhengdingProperties properties) {
        return new ZhengdingTokenCache(client::fetchToken, properties.getTokenRenewMargin(), clock, metrics);
    }

    @Bean
    ZhengdingCrypto zhengdingCrypto(ZhengdingProperties properties) {
        return new ZhengdingCrypto(properties.getCallbackToken(), properties.getCallbackAesKey(), properties.getAppKey());
    }

    @Bean
    ZhengdingNotifier zhengdingNotifier(ZhengdingClient client, ZhengdingTokenCache tokens, ConnectorStore store,
                                        ProducerTemplate producerTemplate, ZhengdingProperties properties) {
        return new ZhengdingNotifier(client, tokens, store, IntakePublisher.committingEachSend(producerTemplate, Zhengding.SYSTEM), metrics, properties.getAgentId(), clock);
    }

    @Bean
    CallbackNonces zhengdingCallbackNonces(ZhengdingProperties properties) {
        return new CallbackNonces(properties.getTimestampWindow(), clock);
    }

    @Bean
    ZhengdingCallback zhengdingCallback(ZhengdingCrypto crypto, ConnectorStore store, ProducerTemplate producerTemplate,
                                        CallbackNonces nonces, ZhengdingProperties properties) {
        return new ZhengdingCallback(crypto, store, IntakePublisher.committingEachSend(producerTemplate, Zhengding.SYSTEM), metrics, nonces, properties.getTimestampWindow(), clock);
    }

    @Bean
    DispatchNotice zhengdingDispatchNotice(@Value("${hub.public-url}") String publicUrl) {
        return new DispatchNotice(publicUrl, SourceNames.load(SourceNames.DEFAULT_LOCATION), clock);
    }

    @Bean
    ZhengdingNotifyRoute zhengdingNotifyRoute(ZhengdingNotifier notifier, ZhengdingProperties properties) {
        return new ZhengdingNotifyRoute(notifier, properties);
    }

    @Bean
    ZhengdingDispatchTemplate zhengdingDispatchTemplate(DispatchNotice notice) {
        return new ZhengdingDispatchTemplate(notice);
    }

    @Bean
    ZhengdingCallbackRoute zhengdingCallbackRoute(ZhengdingCallback callback, ZhengdingCrypto crypto) {
        return new ZhengdingCallbackRoute(callback, new CallbackReply(crypto, clock));
    }
}
