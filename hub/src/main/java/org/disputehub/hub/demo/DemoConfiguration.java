package org.disputehub.hub.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.disputehub.fixtures.hotline12345.Hotline12345Simulator;
import org.disputehub.hub.config.HubProperties;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.kpi.KpiService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default run is the demo: simulators of the external systems (fixtures from test-fixtures/) start
 * beside the hub, so a newcomer sees cases move through the whole loop. Off in the prod profile.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoConfiguration implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("hub.demo");

    private final DepartmentRegistry departments;
    private final JdbcTemplate jdbc;
    private final KpiService kpis;
    private final HubProperties hub;
    private final int departmentPort;
    private final int hotlinePort;
    private final Duration orderEvery;
    private final String hotlineAppKey;
    private final String hotlineSecret;
    private ScheduledExecutorService scheduler;
    private WireMockServer department;
    private WireMockServer hotline;

    DemoConfiguration(DepartmentRegistry departments, JdbcTemplate jdbc, KpiService kpis, HubProperties hub,
                      @Value("${hub.demo.department-port}") int departmentPort,
                      @Value("${hub.demo.hotline12345-port}") int hotlinePort,
                      @Value("${hub.demo.order-every}") Duration orderEvery,
                      @Value("${hub.connectors.hotline12345.app-key}") String hotlineAppKey,
                      @Value("${hub.connectors.hotline12345.app-secret}") String hotlineSecret) {
        this.departments = departments;
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.hub = hub;
        this.departmentPort = departmentPort;
        this.hotlinePort = hotlinePort;
        this.orderEvery = orderEvery;
        this.hotlineAppKey = hotlineAppKey;
        this.hotlineSecret = hotlineSecret;
    }

    @Override
    public void start() {
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "demo");
            t.setDaemon(true);
            return t;
        });
        try {
            department = DemoDepartment.start(departmentPort, new DemoDepartment(departments, scheduler, hub.publicUrl()));
            hotline = Hotline12345Simulator.start(hotlinePort, hotlineAppKey, hotlineSecret, orderEvery);
        } catch (Exception e) {
            throw new IllegalStateException("demo simulators could not start (ports " + departmentPort + ", "
                    + hotlinePort + " free?)", e);
        }
        long every = hub.summary().interval().toMillis();
        scheduler.scheduleAtFixedRate(new SummaryReporter(jdbc, kpis), every, every, TimeUnit.MILLISECONDS);
        LOG.info("demo: 12345 simulator on :{} (a work order every {}), departments on :{}; Hawtio at {}/actuator/hawtio"
                + " (admin/admin)", hotlinePort, orderEvery, departmentPort, hub.publicUrl());
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (hotline != null) {
            hotline.stop();
        }
        if (department != null) {
            department.stop();
        }
    }

    /** Also on a failed start-up, where Spring destroys beans without stopping lifecycles: no simulator outlives it. */
    @Override
    public void destroy() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
