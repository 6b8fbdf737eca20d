package org.disputehub.demo;

import org.disputehub.hub.HubApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The demo: the hub ({@link HubApplication}, its embedded default) with the simulators of every external system and
 * its departments beside it, so a newcomer sees cases move through the whole loop. Profile {@code demo}
 * ({@code application-demo.yml}) is always on; the {@code prod} profile turns the simulators off.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class DemoApplication {

    public static void main(String[] args) {
        SpringApplication demo = new SpringApplication(HubApplication.class, DemoApplication.class);
        demo.setAdditionalProfiles("demo");
        demo.run(args);
    }
}
