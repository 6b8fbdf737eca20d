package org.disputehub.hub.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.disputehub.canonical.codec.Json;
import org.disputehub.hub.department.DepartmentRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The demo's simulated departments: a WireMock server that accepts dispatch orders (stub from
 * test-fixtures/departments) and, for each one, reports SIGNED → ARRIVED → RESOLVED → CLOSED through the
 * hub's status API after short random delays, with the department's API key. About one order in twelve is
 * returned ("not our matter", so the hub re-routes it) and one in twelve is signed too late (an SLA escalation).
 */
final class DemoDepartment implements ServeEventListener {

    private static final Logger LOG = LoggerFactory.getLogger("hub.demo.department");
    private static final List<String[]> STEPS = List.of(
            new String[] {"SIGNED", "已签收，正在联系当事人"}, new String[] {"ARRIVED", "已到场"},
            new String[] {"RESOLVED", "已协调处理，当事双方达成一致"}, new String[] {"CLOSED", "办结"});

    private final DepartmentRegistry departments;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService scheduler;
    private final String hubUrl;
    private final java.util.Set<String> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    DemoDepartment(DepartmentRegistry departments, ScheduledExecutorService scheduler, String hubUrl) {
        this.departments = departments;
        this.scheduler = scheduler;
        this.hubUrl = hubUrl;
    }

    static WireMockServer start(int port, DemoDepartment listener) throws Exception {
        WireMockServer server = new WireMockServer(options().port(port).bindAddress("127.0.0.1")
                .extensions(listener).disableRequestJournal().containerThreads(16));
        String stub = new String(DemoDepartment.class.getResourceAsStream(
                "/fixtures/departments/mappings/dispatch-accept.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        server.addStubMapping(StubMapping.buildFrom(stub));
        server.start();
        return server;
    }

    @Override
    public String getName() {
        return "demo-department";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        if (event.getResponse().getStatus() != 202) {
            return;
        }
        String path = event.getRequest().getUrl();
        String dept = path.substring("/depts/".length(), path.indexOf("/dispatch"));
        JsonNode order = Json.read(event.getRequest().getBodyAsString(), JsonNode.class);
        String caseId = order.path("caseId").asText();
        String notice = event.getRequest().getHeader("X-Hub-Notice");
        if ("WITHDRAW".equals(notice)) {
            withdrawn.add(caseId); // the origin withdrew it: stop working on it
        }
        if (notice != null && !"ORDER".equals(notice)) {
            return;
        }
        double dice = ThreadLocalRandom.current().nextDouble();
        if (order.at("/assignment/dispatchNo").asInt() == 1 && dice < 0.08) {
            // now and then a department says the matter is not theirs: the hub re-routes the case
            scheduler.schedule(() -> report(caseId, dept, new String[] {"RETURNED", "非本单位职责，请改派"}),
                    1500, TimeUnit.MILLISECONDS);
            return;
        }
        // now and then a department is slow to sign: the 1-minute sign-off deadline is missed and escalated
        scheduleStep(caseId, dept, 0, dice < 0.16 ? 65_000 : 0);
    }

    private void scheduleStep(String caseId, String dept, int step) {
        scheduleStep(caseId, dept, step, 0);
    }

    private void scheduleStep(String caseId, String dept, int step, long extraDelay) {
        if (step >= STEPS.size()) {
            return;
        }
        long delay = extraDelay + ThreadLocalRandom.current().nextLong(1000, 3500);
        scheduler.schedule(() -> {
            if (!withdrawn.contains(caseId) && report(caseId, dept, STEPS.get(step))) {
                scheduleStep(caseId, dept, step + 1);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private boolean report(String caseId, String dept, String[] step) {
        String body = Json.write(java.util.Map.of("eventId", UUID.randomUUID().toString(), "caseId", caseId,
                "status", step[0], "occurredAt", OffsetDateTime.now().toString(),
                "actor", java.util.Map.of("deptCode", dept, "name", "值班员"), "note", step[1]));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/cases/" + caseId + "/events"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + departments.get(dept).apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                LOG.warn("demo department {}: {} for case {} answered {} {}", dept, step[0], caseId, r.statusCode(), r.body());
            }
            return r.statusCode() == 202;
        } catch (Exception e) {
            LOG.warn("demo department {}: could not report {} for case {}: {}", dept, step[0], caseId, e.toString());
            return false;
        }
    }
}
