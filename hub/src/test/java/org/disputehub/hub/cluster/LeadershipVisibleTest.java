package org.disputehub.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default: one instance, the same election on H2, won at once. The singleton routes run, and the
 * instance says that it leads and since when — health component {@code leadership}, JMX
 * {@code org.disputehub:type=Leadership}, gauge {@code hub.cluster.leader}.
 */
@CamelSpringBootTest
@SpringBootTest(properties = {"hub.connectors.hotline12345.base-url=http://127.0.0.1:9", "hub.alerts.check-interval=PT1H"})
@ActiveProfiles("test")
class LeadershipVisibleTest {

    @Autowired
    CamelContext camel;
    @Autowired
    Leadership leadership;
    @Autowired
    HealthEndpoint health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theOneInstanceLeadsAndSaysSo() throws Exception {
        await("leader").atMost(Duration.ofSeconds(15)).until(leadership::isLeader);
        for (String route : new String[] {"hotline12345-poll", "hub-sla-check", "hub-ops-check"}) {
            assertThat(camel.getRouteController().getRouteStatus(route)).as(route).isEqualTo(ServiceStatus.Started);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM int_lock", Integer.class)).isEqualTo(1);

        HealthComponent component = ((SystemHealth) health.health()).getComponents().get("leadership");
        assertThat(component.getStatus()).isEqualTo(Status.UP);
        Map<String, Object> details = ((org.springframework.boot.actuate.health.Health) component).getDetails();
        assertThat(details).containsEntry("leader", true).containsKey("instanceId");
        assertThat(Instant.parse((String) details.get("since"))).isBeforeOrEqualTo(Instant.now());
        assertThat((String) details.get("singletonRoutes")).contains("hotline12345-poll=Started", "hub-sla-check=Started");

        ObjectName name = new ObjectName(Leadership.OBJECT_NAME);
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Leader")).isEqualTo(true);
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Since")).isEqualTo(details.get("since"));
        assertThat(meters.get("hub.cluster.leader").gauge().value()).isEqualTo(1.0);

        // yielding (from Hawtio) stops the singleton routes; the one instance wins the next round and starts them again
        ManagementFactory.getPlatformMBeanServer().invoke(name, "yieldLeadership", null, null);
        await("leads again").atMost(Duration.ofSeconds(15)).until(() -> leadership.isLeader()
                && !((String) ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Since")).equals(details.get("since")));
        assertThat(camel.getRouteController().getRouteStatus("hub-sla-check")).isEqualTo(ServiceStatus.Started);
    }
}
