package org.disputehub.hub.config;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pooled HTTP client for every outbound call the hub itself makes (department dispatch). */
@Configuration(proxyBeanMethods = false)
class HttpClientConfiguration {

    @Bean
    HttpClient hubHttpClient(@Value("${hub.http.connect-timeout:PT5S}") Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
    }
}
