package org.disputehub.hub.cockpit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The cockpit page at {@code /cockpit}: static HTML and JavaScript ({@code static/cockpit/}) drawing the
 * {@code /api/v1/cockpit/*} answers with Apache ECharts from the hub's own webjar ({@code /webjars/echarts/}).
 */
@Configuration(proxyBeanMethods = false)
class CockpitPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/cockpit").setViewName("forward:/cockpit/index.html");
        registry.addViewController("/cockpit/").setViewName("forward:/cockpit/index.html");
    }
}
