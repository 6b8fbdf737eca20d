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

            camel.start();
            MockHttpServletResponse started = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            filter.doFilter(new MockHttpServletRequest("POST", "/api/inbound/odr"), started, chain);
            assertThat(chain.getRequest()).as("passed on to the route").isNotNull();
            assertThat(started.getStatus()).isEqualTo(200);
        }
    }
}
