package org.disputehub.connector.odr;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application that runs the connector: auto-configuration only, a meter registry to read, and one
 * department declared on the {@code dispatch-odr} template as routes/*.yaml would declare it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

    static final String DEPT_CODE = "330108-TJ-ODR";
    static final String DEPT_NAME = "线上调解(ODR平台)";

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    RouteBuilder odrTestDepartment() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                templatedRoute(DispatchOdrTemplate.TEMPLATE_ID).routeId("dispatch-330108-tj-odr")
                        .parameter("deptCode", DEPT_CODE)
                        .parameter("deptName", DEPT_NAME);
            }
        };
    }
}
