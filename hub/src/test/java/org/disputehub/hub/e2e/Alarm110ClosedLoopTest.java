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
 * The whole loop for the 110 platform: a linkage incident (LDJQ) put on JCJ.LDJQ.OUT of the hub's embedded broker
 * becomes one case (also when 110 sends it twice), is dispatched to its (WireMock) department, the department's
 * events come back through the API, and FKXX feedback 01, 02, 03, 05 arrives at the (WireMock) 110 platform in order.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class Alarm110ClosedLoopTest {

    static final String JQBH = "330108202611220001";
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

    @Test
    void aLinkageIncidentClosesTheLoopWithFeedbackInOrder() {
        // 1. 110 hands over the incident — twice, as it may — and it becomes one case, dispatched to 综合执法 (0501 → C03)
        String xml = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml");
        publish(xml);
        publish(xml);
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        await().atMost(Duration.ofSeconds(30)).until(() -> !DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).isEmpty());
        JsonNode order = Json.read(DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).get(0).getBodyAsString(),
                JsonNode.class);
        String caseId = order.path("caseId").asText();
        assertThat(order.at("/source/system").asText()).isEqualTo("ALARM110");
        assertThat(order.at("/source/sourceId").asText()).isEqualTo(JQBH);
        assertThat(order.at("/source/channel").asText()).isEqualTo("JMS");
        assertThat(order.at("/category/code").asText()).isEqualTo("C03");
        assertThat(order.at("/category/sourceCode").asText()).isEqualTo("0501");
        assertThat(order.at("/category/sourceName").asText()).isEqualTo("噪声扰民");
        assertThat(order.at("/appealType").asText()).isEqualTo("非警务分流");
        assertThat(order.at("/reportedAt").asText()).isEqualTo("2026-11-22T09:30:15+08:00");
        assertThat(order.at("/location/lon").asDouble()).isEqualTo(120.1551);
        assertThat(order.at("/parties/0/phone").asText()).isEqualTo("13800138000");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> rawMessages("DUPLICATE") == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE source_system = 'ALARM110' AND source_id = ?",
                Integer.class, JQBH)).as("sent twice, one case").isEqualTo(1);

        // 2. the department reports its steps through the API
        for (String status : List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-110-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(caseId)));
        }

        // 3. FKZT 01 (dispatched), 02, 03, 05 reach 110 in order; CLOSED after RESOLVED sends no second 05
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback().size() == 4);
        List<LoggedRequest> sent = feedback();
        assertThat(sent).extracting(r -> element(r, "FKZT")).containsExactly("01", "02", "03", "05");
        for (LoggedRequest r : sent) {
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
            assertThat(r.getHeader("X-Api-Key")).isEqualTo("test-110-key");
            assertThat(element(r, "JQBH")).isEqualTo(JQBH);
            assertThat(element(r, "FKSJ")).matches("\\d{14}");
            assertThat(element(r, "CZDWDM")).isEqualTo(DEPT);
            assertThat(element(r, "CZDW")).isEqualTo("浦沿街道综合执法队");
        }
        assertThat(element(sent.get(3), "FKNR")).isEqualTo("RESOLVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message"
                + " WHERE system = 'ALARM110' AND direction = 'OUT' AND outcome = 'SENT'", Integer.class) == 4);
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

    private int rawMessages(String outcome) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE system = 'ALARM110' AND ref = ? AND outcome = ?",
                Integer.class, JQBH, outcome);
    }

    private static List<LoggedRequest> feedback() {
        List<ServeEvent> served = new ArrayList<>(ALARM110.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        return served.stream().map(ServeEvent::getRequest).filter(r -> r.getUrl().equals(FEEDBACK)).toList();
    }

    private static String element(LoggedRequest r, String name) {
        return SafeXml.text(SafeXml.parse(r.getBodyAsString().getBytes(StandardCharsets.UTF_8)).getDocumentElement(), name);
    }
}
