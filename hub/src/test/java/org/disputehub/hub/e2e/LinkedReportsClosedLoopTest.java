package org.disputehub.hub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 一事多次 through the whole hub: a second 110 report of the same matter (same caller, the address written
 * differently, another incident number) is linked to the case the department already has — not dispatched again;
 * the department gets the case as an UPDATE naming the report; the case API shows the link with score and rule;
 * and the second report's origin gets the case's statuses (FKZT 02 at once, then 03 and 05) like the first one.
 * When the first reporter withdraws, the matter goes on as the report's own case (before it was resolved) or the
 * report is closed with it (after).
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LinkedReportsClosedLoopTest {

    static final String JQBH = "330108202611220001";
    static final String JQBH2 = "330108202611220002";
    static final String DEPT = "330108-ZF-001";
    static final String FEEDBACK = "/jcj/api/v1/ldjq/feedback";
    static WireMockServer ALARM110;
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ALARM110 = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.registerDepartments(registry, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        ALARM110.addStubMapping(StubMapping.buildFrom(HubTestSupport.fixture("alarm110/mappings/feedback-ok.json")));
        registry.add("hub.connectors.hotline12345.enabled", () -> "false");
        registry.add("hub.connectors.alarm110.enabled", () -> "true");
        registry.add("hub.connectors.alarm110.base-url", ALARM110::baseUrl);
        registry.add("hub.connectors.alarm110.api-key", () -> "test-110-key");
    }

    @AfterAll
    static void stop() {
        ALARM110.stop();
        DEPTS.stop();
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    CamelContext camel;

    @Test
    void aSecondReportOfTheSameMatterJoinsTheCaseAndHearsItsStatuses() {
        String first = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml");
        publish(first);
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        await().atMost(Duration.ofSeconds(30)).until(() -> !dispatches(dispatchPath).isEmpty());
        String caseId = Json.read(dispatches(dispatchPath).get(0).getBodyAsString(), JsonNode.class).path("caseId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        assertThat(report(caseId, "ev-link-SIGNED", "SIGNED").getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SIGNED".equals(caseStatus(caseId)));

        // the same caller reports it again an hour later, the address written another way
        publish(first.replace(JQBH, JQBH2).replace("20261122093015", "20261122103015")
                .replace("杭州市滨江区浦沿街道至善路88号3幢", "浦沿街道 至善路 ８８号 3幢")
                .replace("双方发生口角", "又吵起来了"));
        await().atMost(Duration.ofSeconds(15)).until(() -> dispatches(dispatchPath).size() == 2);
        String reportId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, JQBH2);
        List<LoggedRequest> sent = dispatches(dispatchPath);
        assertThat(sent).extracting(r -> r.getHeader("X-Hub-Notice")).containsExactly("ORDER", "UPDATE");
        JsonNode update = Json.read(sent.get(1).getBodyAsString(), JsonNode.class);
        assertThat(update.path("caseId").asText()).as("an update of the case the department has").isEqualTo(caseId);
        assertThat(update.at("/related/caseIds/0").asText()).isEqualTo(reportId);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispatch WHERE case_id = ?", Integer.class, reportId))
                .as("the report is not dispatched").isZero();

        JsonNode reportView = caseView(reportId);
        assertThat(reportView.at("/links/linkedTo/caseId").asText()).isEqualTo(caseId);
        assertThat(reportView.at("/links/linkedTo/score").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(reportView.at("/links/linkedTo/rule").asText()).startsWith("PHONE+ADDRESS(1.00)+CATEGORY+REGION");
        assertThat(reportView.at("/links/repeat").asBoolean()).isTrue();
        assertThat(reportView.at("/links/reporterCount").asInt()).isEqualTo(1);
        assertThat(reportView.at("/case/status").asText()).isEqualTo("SIGNED");
        assertThat(caseView(caseId).at("/links/linkedReports/0").asText()).isEqualTo(reportId);

        for (String status : List.of("ARRIVED", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-link-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(reportId)));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback(JQBH2).size() == 3 && feedback(JQBH).size() == 4);
        assertThat(feedback(JQBH)).extracting(r -> element(r, "FKZT")).containsExactly("01", "02", "03", "05");
        assertThat(feedback(JQBH2)).extracting(r -> element(r, "FKZT")).containsExactly("02", "03", "05");
        assertThat(feedback(JQBH2)).allSatisfy(r -> assertThat(element(r, "CZDWDM")).isEqualTo(DEPT));
        assertThat(report(reportId, "ev-link-report", "SIGNED").getStatusCode().value())
                .as("the department acts on its case, not on the report").isIn(403, 404, 409);
    }

    @Test
    void whenTheFirstReporterWithdrawsBeforeTheMatterIsResolvedTheLinkedReportGoesOnAsACaseOfItsOwn() {
        String[] ids = reportTwice("330108202611220011", "330108202611220012", "13700137011", "至善路120号5幢");
        String caseId = ids[0];
        String reportId = ids[1];
        withdraw("330108202611220011");
        // the report was DISPATCHED (mirrored) while linked: wait for the withdrawal and the report's new dispatch
        await().atMost(Duration.ofSeconds(15)).until(() -> "WITHDRAWN".equals(caseStatus(caseId))
                && dispatchedAgain(jdbc.queryForList("SELECT status FROM status_event WHERE case_id = ? ORDER BY seq",
                        String.class, reportId)));
        assertThat(caseStatus(reportId)).isEqualTo("DISPATCHED");
        List<LoggedRequest> sent = dispatches("/depts/" + DEPT + "/dispatch");
        assertThat(sent).filteredOn(r -> "ORDER".equals(r.getHeader("X-Hub-Notice")))
                .extracting(r -> r.getHeader("Idempotency-Key")).contains(caseId + ":1", reportId + ":1");
        assertThat(sent).filteredOn(r -> "WITHDRAW".equals(r.getHeader("X-Hub-Notice")))
                .extracting(r -> Json.read(r.getBodyAsString(), JsonNode.class).path("caseId").asText()).contains(caseId);
        assertThat(jdbc.queryForList("SELECT status FROM status_event WHERE case_id = ? ORDER BY seq", String.class, reportId))
                .as("mirrored while linked, then started again").containsSubsequence("DISPATCHED", "RECEIVED", "DISPATCHED");
        assertThat(report(reportId, "ev-promoted-SIGNED", "SIGNED").getStatusCode().value())
                .as("the department acts on the promoted report now").isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SIGNED".equals(caseStatus(reportId)));
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback("330108202611220012").stream()
                .anyMatch(r -> "02".equals(element(r, "FKZT"))));
        assertThat(caseView(reportId).at("/links/linkedTo").isMissingNode()).as("no longer linked").isTrue();
    }

    @Test
    void whenTheFirstReporterWithdrawsAfterTheMatterWasResolvedTheLinkedReportIsClosedWithIt() {
        String[] ids = reportTwice("330108202611220021", "330108202611220022", "13700137021", "至善路150号2幢");
        String caseId = ids[0];
        String reportId = ids[1];
        for (String status : List.of("SIGNED", "ARRIVED", "RESOLVED")) {
            assertThat(report(caseId, "ev-resolved-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(reportId)));
        }
        withdraw("330108202611220021");
        await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(caseStatus(reportId)));
        assertThat(caseStatus(caseId)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dispatch WHERE case_id = ?", Integer.class, reportId))
                .as("not dispatched: the matter is done").isZero();
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback("330108202611220022").size() == 4);
        assertThat(feedback("330108202611220022")).extracting(r -> element(r, "FKZT")).containsExactly("01", "02", "03", "05");
    }

    /**
     * The report's intake stored it and stopped before its JMS commit: its relays (here the DISPATCHED mirrored when
     * it joined) never reached the relay queue. The case's next status, mirrored onto the report, takes them along
     * ahead of its own, so the report's origin hears 01 before 02; the report's incident sent again hands on nothing
     * the origin has.
     */
    @Test
    void aReportWhoseIntakeRelaysWereLostHearsThemAheadOfTheNextStatus() throws Exception {
        String jqbh = "330108202611220031";
        String jqbh2 = "330108202611220032";
        String xml = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml").replace(JQBH, jqbh)
                .replace("13800138000", "13700137031").replace("至善路88号3幢", "至善路177号1幢");
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        int before = dispatches(dispatchPath).size();
        String caseId = dispatchedCase(xml, jqbh);
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback(jqbh).size() == 1);

        String report = xml.replace(jqbh, jqbh2).replace("20261122093015", "20261122100015");
        camel.getRouteController().stopRoute("alarm110-relay");
        String reportId;
        try {
            publish(report);
            await().atMost(Duration.ofSeconds(15)).until(() -> dispatches(dispatchPath).size() == before + 2);
            reportId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, jqbh2);
            // the intake's JMS commit "lost": its relay of the report taken off the queue
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            jms.setReceiveTimeout(5000);
            Message lost = jms.receiveSelected("HUB.RELAY.ALARM110", "caseId = '" + reportId + "'");
            assertThat(lost).as("the report's relay of the joined DISPATCHED").isNotNull();
            assertThat(lost.getBody(String.class)).contains(caseId + ":joined@" + reportId);
            jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
            assertThat(jms.receiveSelected("HUB.RELAY.ALARM110", "caseId = '" + reportId + "'")).isNull();

            assertThat(report(caseId, "ev-ahead-SIGNED", "SIGNED").getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> "SIGNED".equals(caseStatus(reportId)));
        } finally {
            camel.getRouteController().startRoute("alarm110-relay");
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback(jqbh2).size() == 2);
        assertThat(feedback(jqbh2)).extracting(r -> element(r, "FKZT")).as("01 (DISPATCHED, taken along) before 02 (SIGNED)").containsExactly("01", "02");

        // the report's incident comes again: a duplicate; nothing its origin lacks, so nothing is handed on
        NotifyBuilder intake = new NotifyBuilder(camel)
                .fromRoute("hub-intake").whenDone(1).create();
        camel.getRouteController().stopRoute("alarm110-relay");
        try {
            publish(report);
            assertThat(intake.matches(15, TimeUnit.SECONDS)).isTrue();
            JmsTemplate jms = new JmsTemplate(connectionFactory);
            jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
            assertThat(jms.receiveSelected("HUB.RELAY.ALARM110", "caseId = '" + reportId + "'"))
                    .as("no relay handed on again").isNull();
        } finally {
            camel.getRouteController().startRoute("alarm110-relay");
        }
        assertThat(feedback(jqbh2)).hasSize(2);
    }

    /** Two 110 reports of one matter (same caller and address, another incident number): the case and its report. */
    private String[] reportTwice(String jqbh, String jqbh2, String phone, String address) {
        String xml = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml").replace(JQBH, jqbh)
                .replace("13800138000", phone).replace("至善路88号3幢", address);
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        int before = dispatches(dispatchPath).size();
        String caseId = dispatchedCase(xml, jqbh);
        publish(xml.replace(jqbh, jqbh2).replace("20261122093015", "20261122100015"));
        await().atMost(Duration.ofSeconds(15)).until(() -> dispatches(dispatchPath).size() == before + 2);
        String reportId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, jqbh2);
        assertThat(caseView(reportId).at("/links/linkedTo/caseId").asText()).isEqualTo(caseId);
        return new String[] {caseId, reportId};
    }

    /** Publishes a 110 incident and waits until its case is dispatched (the order at the department, DISPATCHED). */
    private String dispatchedCase(String xml, String jqbh) {
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        int before = dispatches(dispatchPath).size();
        publish(xml);
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatches(dispatchPath).size() == before + 1);
        String caseId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, jqbh);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        return caseId;
    }

    private void withdraw(String jqbh) {
        String xml = HubTestSupport.fixture("alarm110/samples/valid/withdrawal.xml").replace(JQBH, jqbh)
                .replace("20261122094500", "20261122110000");
        new JmsTemplate(connectionFactory).send("JCJ.LDJQ.OUT", session -> {
            Message m = session.createTextMessage(xml);
            m.setStringProperty("MsgType", "LDJQ_CX");
            return m;
        });
    }

    private static List<LoggedRequest> dispatches(String path) {
        List<LoggedRequest> found = new ArrayList<>(DEPTS.findAll(postRequestedFor(urlPathEqualTo(path))));
        return found;
    }

    private JsonNode caseView(String caseId) {
        return Json.read(rest.withBasicAuth("viewer", "viewer").getForObject("/api/v1/cases/" + caseId, String.class),
                JsonNode.class);
    }

    private void publish(String xml) {
        new JmsTemplate(connectionFactory).send("JCJ.LDJQ.OUT", session -> {
            Message m = session.createTextMessage(xml);
            m.setStringProperty("MsgType", "LDJQ");
            return m;
        });
    }

    private org.springframework.http.ResponseEntity<String> report(String caseId, String eventId, String status) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-zf001");
        String body = "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"王队长\"},\"note\":\"" + status + "\"}";
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    private static List<LoggedRequest> feedback(String jqbh) {
        List<ServeEvent> served = new ArrayList<>(ALARM110.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        return served.stream().map(ServeEvent::getRequest).filter(r -> r.getUrl().equals(FEEDBACK))
                .filter(r -> jqbh.equals(element(r, "JQBH"))).toList();
    }

    private static String element(LoggedRequest r, String name) {
        return SafeXml.text(SafeXml.parse(r.getBodyAsString().getBytes(StandardCharsets.UTF_8)).getDocumentElement(), name);
    }

    /** DISPATCHED, then RECEIVED (started again), then DISPATCHED once more, in this order. */
    private static boolean dispatchedAgain(List<String> statuses) {
        int first = statuses.indexOf("DISPATCHED");
        int again = first < 0 ? -1 : statuses.subList(first, statuses.size()).indexOf("RECEIVED");
        return again >= 0 && statuses.subList(first + again, statuses.size()).contains("DISPATCHED");
    }
}
