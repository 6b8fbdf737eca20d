package org.disputehub.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.disputehub.fixtures.departments.DepartmentSimulator;
import org.disputehub.fixtures.departments.DepartmentWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The department simulator the demo, the fault tests and the benchmark share: what it answers the hub's dispatch
 * requests and what it reports to the hub's status API (a WireMock server plays the hub).
 */
class DepartmentSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = "/api/v1/cases/[^/]+/events";
    private static final String CASE = "HUB-20261203-000001";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<DepartmentSimulator.Dispatch> dispatches = new CopyOnWriteArrayList<>();
    private final List<DepartmentWorkflow.Report> reports = new CopyOnWriteArrayList<>();
    private WireMockServer hub;
    private DepartmentSimulator departments;

    @BeforeEach
    void hub() {
        hub = new WireMockServer(options().dynamicPort());
        hub.start();
        hub.stubFor(post(urlPathMatching(EVENTS)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        if (departments != null) {
            departments.close();
        }
        hub.stop();
    }

    private DepartmentWorkflow workflow() {
        return DepartmentWorkflow.reportingTo(hub.baseUrl(), dept -> "key-" + dept)
                .stepsAfter(Duration.ofMillis(10), Duration.ofMillis(30)).onReport(reports::add);
    }

    private void start(DepartmentWorkflow workflow) throws IOException {
        departments = DepartmentSimulator.on(0).reporting(workflow).onDispatch(dispatches::add).start();
    }

    private int dispatch(String dept, String key, String notice) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(departments.baseUrl(dept) + "/dispatch"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer token-" + dept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"caseId\":\"" + CASE + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (notice != null) {
            request.header("X-Hub-Notice", notice);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<JsonNode> reported() {
        return hub.findAll(postRequestedFor(urlPathMatching(EVENTS))).stream().map(DepartmentSimulatorTest::json).toList();
    }

    private static JsonNode json(LoggedRequest r) {
        try {
            return JSON.readTree(r.getBodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anOrderIsWorkedOnOnceAndEachStepReportedWithTheDepartmentsKey() throws Exception {
        start(workflow());
        assertThat(dispatch("330108-ZF-001", CASE + ":1", "ORDER")).isEqualTo(202);
        assertThat(dispatch("330108-ZF-001", CASE + ":1", "ORDER")).as("a repeat of the same key").isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 4);
        List<JsonNode> steps = reported();
        assertThat(steps).extracting(s -> s.path("status").asText()).containsExactly("SIGNED", "ARRIVED", "RESOLVED", "CLOSED");
        assertThat(steps).extracting(s -> s.path("caseId").asText()).containsOnly(CASE);
        assertThat(steps).extracting(s -> s.at("/actor/deptCode").asText()).containsOnly("330108-ZF-001");
        assertThat(steps).extracting(s -> s.path("eventId").asText()).doesNotHaveDuplicates();
        assertThat(steps).extracting(s -> s.path("occurredAt").asText()).allMatch(t -> t.endsWith("+08:00"));
        assertThat(hub.findAll(postRequestedFor(urlPathMatching(EVENTS)))).extracting(r -> r.getHeader("Authorization"))
                .containsOnly("Bearer key-330108-ZF-001");
        assertThat(dispatches).extracting(DepartmentSimulator.Dispatch::caseId, DepartmentSimulator.Dispatch::dispatchNo)
                .containsOnly(tuple(CASE, 1));
    }

    @Test
    void aWithdrawalStopsTheWorkOnItsCase() throws Exception {
        start(workflow().stepsAfter(Duration.ofMillis(400), Duration.ofMillis(500)));
        dispatch("330108-WY-001", CASE + ":1", "ORDER");
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 1);
        assertThat(dispatch("330108-WY-001", CASE + ":1:WITHDRAW:w1", "WITHDRAW")).isEqualTo(202);
        int beforeWithdrawal = reports.size();

        // a later order's second step comes after the withdrawn case's next step would have come
        dispatch("330108-WY-001", "HUB-20261203-000002:1", "ORDER");
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().filter(r -> r.caseId().endsWith("02")).count() >= 2);
        assertThat(reports).filteredOn(r -> r.caseId().equals(CASE)).hasSize(beforeWithdrawal)
                .extracting(DepartmentWorkflow.Report::status).containsExactly("SIGNED");
    }

    @Test
    void returnsFirstDispatchesOnlyAndSignsTheOthersLateWhenAsked() throws Exception {
        start(workflow().returning(1.0, Duration.ofMillis(10)).signingLate(1.0, Duration.ofMillis(700)));
        dispatch("330108-TJ-003", CASE + ":1", "ORDER");
        long sent = System.currentTimeMillis();
        dispatch("330108-ZX-000", "HUB-20261203-000002:2", "ORDER");
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 5);

        assertThat(reports).filteredOn(r -> r.caseId().equals(CASE)).extracting(DepartmentWorkflow.Report::status)
                .containsExactly("RETURNED");
        assertThat(reports).filteredOn(r -> !r.caseId().equals(CASE)).extracting(DepartmentWorkflow.Report::status)
                .containsExactly("SIGNED", "ARRIVED", "RESOLVED", "CLOSED");
        long signed = hub.findAll(postRequestedFor(urlPathMatching("/api/v1/cases/HUB-20261203-000002/events"))).get(0)
                .getLoggedDate().getTime();
        assertThat(signed - sent).as("signed late").isGreaterThanOrEqualTo(700);
    }

    @Test
    void aReportTheHubDidNotTakeIsSentAgainWithTheSameEventId() throws Exception {
        hub.stubFor(post(urlPathMatching(EVENTS)).inScenario("restart").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        hub.stubFor(post(urlPathMatching(EVENTS)).inScenario("restart").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));
        start(workflow());
        dispatch("330108-LB-002", CASE + ":1", "ORDER");

        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().filter(DepartmentWorkflow.Report::accepted).count() == 4);
        assertThat(reports.get(0).code()).isEqualTo(503);
        assertThat(reports.get(1).eventId()).as("sent again as the same event").isEqualTo(reports.get(0).eventId());
        assertThat(reports.get(1).status()).isEqualTo("SIGNED");
    }

    @Test
    void refusesWhatTheDepartmentChannelDoesNotAllowAndWorksOnNone() throws Exception {
        start(workflow());
        assertThat(dispatch("330108-ZF-001", null, "ORDER")).as("no Idempotency-Key").isEqualTo(400);
        assertThat(dispatch("330108-ZF-001", "not-a-key", "ORDER")).as("a key not of the hub's form").isEqualTo(400);
        String url = departments.baseUrl("330108-ZF-001") + "/dispatch";
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Idempotency-Key", CASE + ":1").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("no bearer token").isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/plain")
                .header("Authorization", "Bearer t").header("Idempotency-Key", CASE + ":1")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("not JSON").isEqualTo(415);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(405);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(departments.baseUrl() + "/depts/x/other"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);

        assertThat(dispatches).extracting(DepartmentSimulator.Dispatch::status).containsExactly(400, 400, 401, 415, 405, 404);
        dispatch("330108-ZF-001", "HUB-20261203-000009:1", "ORDER");
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.size() >= 4);
        assertThat(reports).extracting(DepartmentWorkflow.Report::caseId).containsOnly("HUB-20261203-000009");
    }

    @Test
    void theEndpointGoesAwayAndComesBackOnTheSamePort() throws Exception {
        start(workflow());
        int port = departments.port();
        departments.endpointDown();
        assertThatThrownBy(() -> dispatch("330108-ZF-001", CASE + ":1", "ORDER")).isInstanceOf(ConnectException.class);
        departments.endpointUp();
        assertThat(departments.port()).isEqualTo(port);
        assertThat(dispatch("330108-ZF-001", CASE + ":1", "ORDER")).isEqualTo(202);
    }

    @Test
    void withoutAWorkflowAnyPostIsAcknowledgedAndHandedOnWithItsBody() throws Exception {
        departments = DepartmentSimulator.on(0).acceptingAnyRequest().onDispatch(dispatches::add)
                .serve("/xf/", ex -> DepartmentSimulator.reply(ex, 200, "application/xml", "<Ack><Code>0</Code></Ack>"))
                .start();
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(departments.baseUrl("BARE-000") + "/dispatch"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("<JQBH>330108202612031443</JQBH>")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> feedback = http.send(HttpRequest.newBuilder(URI.create(departments.baseUrl() + "/xf/status"))
                .POST(HttpRequest.BodyPublishers.ofString("<BLZT/>")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(raw.statusCode()).isEqualTo(202);
        assertThat(feedback.body()).isEqualTo("<Ack><Code>0</Code></Ack>");
        assertThat(dispatches).singleElement().satisfies(d -> {
            assertThat(d.dept()).isEqualTo("BARE-000");
            assertThat(d.body()).isEqualTo("<JQBH>330108202612031443</JQBH>");
            assertThat(d.isOrder()).isTrue();
            assertThat(d.receivedNanos()).isPositive();
        });
        assertThat(hub.findAll(postRequestedFor(urlPathMatching(EVENTS)))).isEmpty();
    }
}
