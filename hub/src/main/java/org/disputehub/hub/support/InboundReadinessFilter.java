package org.disputehub.hub.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server opens before Camel has loaded {@code routes/} and started its push routes (petition, ODR, Zhengding
 * callbacks): in that window, and while the hub shuts down, a push would get 404 (no route yet) or 500, and a
 * department's status report 401 (its API key is declared in {@code routes/}, not yet read) — answers a platform or
 * a department takes as permanent. This filter answers {@code 503} with {@code Retry-After: 5} instead, the
 * temporary answer every contract retries, on the push endpoints and the case API the departments report to.
 */
public class InboundReadinessFilter extends OncePerRequestFilter {

    /** The push endpoints, and the case API (a department's status reports). */
    static final String[] URL_PATTERNS = {"/api/inbound/*", "/api/v1/cases/*"};

    private final CamelContext camel;

    public InboundReadinessFilter(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!camel.getStatus().isStarted()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"starting\",\"message\":\"the hub is starting or stopping; retry\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<InboundReadinessFilter> inboundReadinessFilter(CamelContext camel) {
            FilterRegistrationBean<InboundReadinessFilter> registration =
                    new FilterRegistrationBean<>(new InboundReadinessFilter(camel));
            registration.addUrlPatterns(URL_PATTERNS);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}
