package org.disputehub.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InboundReadinessFilterTest {

    @Test
    void answers503UntilCamelHasStartedThenPassesThrough() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            InboundReadinessFilter filter = new InboundReadinessFilter(camel);

            MockHttpServletResponse starting = new MockHttpServletResponse();
            MockFilterChain notReached = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("POST", "/api/inbound/odr"), starting, notReached);
            assertThat(starting.getStatus()).isEqualTo(503);
            assertThat(starting.getHeader("Retry-After")).isEqualTo("5");
            assertThat(notReached.getRequest()).as("the route is not reached").isNull();

            // a department's report before routes/ (and with it its API key) is read: 503, not 401
            MockHttpServletResponse report = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/cases/HUB-1/events"), report, new MockFilterChain());
            assertThat(report.getStatus()).isEqualTo(503);
            assertThat(new InboundReadinessFilter.Registration().inboundReadinessFilter(camel).getUrlPatterns())
                    .as("registered before the security filters on the case API too")
                    .contains("/api/inbound/*", "/api/v1/cases/*");

            camel.start();
            MockHttpServletResponse started = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("POST", "/api/inbound/odr"), started, chain);
            assertThat(chain.getRequest()).as("passed on to the route").isNotNull();
            assertThat(started.getStatus()).isEqualTo(200);
        }
    }
}
