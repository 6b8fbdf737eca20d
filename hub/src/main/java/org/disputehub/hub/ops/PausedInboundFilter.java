package org.disputehub.hub.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A push to a paused connector's endpoint is answered {@code 503} with {@code Retry-After} (the temporary answer every
 * contract retries), before it reaches the connector: the origin keeps the message and sends it again.
 */
public class PausedInboundFilter extends OncePerRequestFilter {

    private final InboundPaths paths;
    private final ConnectorPause pause;
    private final long retryAfterSeconds;

    public PausedInboundFilter(InboundPaths paths, ConnectorPause pause, long retryAfterSeconds) {
        this.paths = paths;
        this.pause = pause;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> connector = paths.connectorOf(request.getRequestURI().substring(request.getContextPath().length()));
        if (connector.isPresent() && pause.isPaused(connector.get())) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"paused\",\"connector\":\"" + connector.get()
                    + "\",\"message\":\"the connector is paused by an operator; retry later\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<PausedInboundFilter> pausedInboundFilter(InboundPaths paths, ConnectorPause pause,
                @Value("${hub.ops.paused-retry-after-seconds:60}") long retryAfterSeconds) {
            FilterRegistrationBean<PausedInboundFilter> registration =
                    new FilterRegistrationBean<>(new PausedInboundFilter(paths, pause, retryAfterSeconds));
            registration.addUrlPatterns("/api/inbound/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
