package org.disputehub.demo;

import java.io.IOException;
import java.time.Duration;
import org.disputehub.fixtures.departments.DepartmentSimulator;
import org.disputehub.fixtures.departments.DepartmentWorkflow;
import org.disputehub.hub.config.HubProperties;
import org.disputehub.hub.department.DepartmentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's departments of the http channel (routes/departments-http.yaml): the department simulator of
 * test-fixtures on {@code hub.demo.department-port} takes their dispatch orders and reports SIGNED → ARRIVED →
 * RESOLVED → CLOSED through the hub's status API after short random delays, with each department's API key. About one
 * first dispatch in twelve is returned ("not our matter": the hub re-routes it) and one order in twelve is signed too
 * late (the hub escalates it). A report refused because the case moved on meanwhile is logged at INFO; anything else
 * the departments or the hub refuse breaks the interface and is a WARN.
 */
@Component
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
class DemoDepartments extends DemoSimulator<DepartmentSimulator> {

    private static final Logger DEPARTMENTS = LoggerFactory.getLogger("hub.demo.department");

    private final DepartmentRegistry departments;
    private final String hubUrl;
    private final int port;

    DemoDepartments(DepartmentRegistry departments, HubProperties hub, @Value("${hub.demo.department-port}") int port) {
        super("departments", port);
        this.departments = departments;
        this.hubUrl = hub.publicUrl();
        this.port = port;
    }

    @Override
    protected DepartmentSimulator open() throws IOException {
        DepartmentWorkflow workflow = DepartmentWorkflow.reportingTo(hubUrl, dept -> departments.get(dept).apiKey())
                .returning(0.08, Duration.ofMillis(1500))
                .signingLate(0.08, Duration.ofSeconds(65))
                .onReport(DemoDepartments::answered);
        try {
            DepartmentSimulator simulator = DepartmentSimulator.on(port).reporting(workflow)
                    .onDispatch(DemoDepartments::received).start();
            LOG.info("demo: departments take their orders on :{} and report to {}", simulator.port(), hubUrl);
            return simulator;
        } catch (IOException | RuntimeException e) {
            workflow.close();
            throw e;
        }
    }

    @Override
    protected void close(DepartmentSimulator simulator) {
        simulator.close();
    }

    private static void received(DepartmentSimulator.Dispatch d) {
        if (d.status() != 202) {
            DEPARTMENTS.warn("demo department {} refused a dispatch request ({} {}): HTTP {}", d.dept(), d.key(),
                    d.notice(), d.status());
        }
    }

    private static void answered(DepartmentWorkflow.Report r) {
        if (r.accepted()) {
            return; // hub.status logs the step
        }
        if (r.code() == 409) {
            DEPARTMENTS.info("demo department {}: {} for case {} refused, the case moved on: {}", r.dept(), r.status(),
                    r.caseId(), r.answer());
        } else {
            DEPARTMENTS.warn("demo department {}: {} for case {} answered {} {}{}", r.dept(), r.status(), r.caseId(),
                    r.code(), r.answer(), r.code() == -1 || r.code() >= 500 ? " (sent again)" : "");
        }
    }
}
