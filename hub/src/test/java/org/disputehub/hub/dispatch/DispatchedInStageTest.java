package org.disputehub.hub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.hub.HubTestSupport;
import org.disputehub.hub.SentMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
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
 * The dispatch stage applies DISPATCHED itself (route {@code hub-dispatched}): the event is recorded and relayed
 * with nothing on {@code HUB.STATUS}; a second copy of the order (a redelivery after the database commit, a DLQ
 * replay) posts nothing to the department again, records no second DISPATCHED and relays it again, which the
 * origin's sink skips; and a relay the origin has no code for is not sent (110 has none for RECEIVED). A department's
 * report that comes before its order's DISPATCHED is applied takes DISPATCHED along ahead of it.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SentMessages.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first counts the 110 platform's feedback from nothing
class DispatchedInStageTest {

    static final String DEPT = "330108-ZF-001";
    static final String DISPATCH = "/depts/" + DEPT + "/dispatch";
    static final String FEEDBACK = "/jcj/api/v1/ldjq/feedback";
    static final String RELAY = "HUB.RELAY.ALARM110";
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
    @Order(1)
    void dispatchedIsAppliedInTheDispatchStageOnceAndRelayedWhereTheOriginHasACode() throws Exception {
        SentMessages.clear();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        // the 110 relay route's exchanges: DISPATCHED, then its copy (RECEIVED has no 110 code and never comes)
        NotifyBuilder twoRelays = new NotifyBuilder(camel).fromRoute("alarm110-relay").whenDone(2).create();
        jms.send("JCJ.LDJQ.OUT", s -> {
            Message m = s.createTextMessage(HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml"));
            m.setStringProperty("MsgType", "LDJQ");
            return m;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH))).isEmpty());
        LoggedRequest order = DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH))).get(0);
        String caseId = Json.read(order.getBodyAsString(), JsonNode.class).path("caseId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback("01") == 1);

        // recorded and relayed by the dispatch stage: nothing went through HUB.STATUS
        assertThat(SentMessages.to("HUB.STATUS")).as("no round trip through the status stage").isEmpty();
        assertThat(statuses(caseId)).containsExactly("RECEIVED", "DISPATCHED");
        assertThat(jdbc.queryForObject("SELECT state FROM dispatch WHERE case_id = ? AND dispatch_no = 1", String.class, caseId))
                .isEqualTo("SENT");
        assertThat(orderAudits(caseId)).as("the order as sent, in the audit log").isEqualTo(1);
        // 110 has no code for RECEIVED: only DISPATCHED went to its relay queue
        assertThat(relayed(caseId)).containsExactly(caseId + ":dispatched:1");

        // a second copy of the order: not posted again, no second DISPATCHED, relayed again and skipped by the sink
        jms.send("HUB.DISPATCH." + DEPT, s -> {
            Message m = s.createTextMessage(order.getBodyAsString());
            m.setStringProperty("caseId", caseId);
            m.setIntProperty("dispatchNo", 1);
            m.setStringProperty("deptCode", DEPT);
            m.setStringProperty("JMSXGroupID", caseId);
            return m;
        });
        assertThat(twoRelays.matches(30, TimeUnit.SECONDS)).as("the relay sent again reached the 110 connector").isTrue();
        assertThat(relayed(caseId)).containsExactly(caseId + ":dispatched:1", caseId + ":dispatched:1");
        assertThat(DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH)).withHeader("Idempotency-Key", equalTo(caseId + ":1"))))
                .as("the department got the order once").hasSize(1);
        assertThat(statuses(caseId)).containsExactly("RECEIVED", "DISPATCHED");
        assertThat(orderAudits(caseId)).isEqualTo(1);
        assertThat(feedback("01")).as("110 heard 01 once").isEqualTo(1);
        assertThat(SentMessages.to("HUB.STATUS")).isEmpty();

        // a department's own report still goes through the ordered status stage, and is relayed
        assertThat(report(caseId, "ev-stage-signed", "SIGNED")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback("02") == 1);
        assertThat(SentMessages.to("HUB.STATUS")).hasSize(1).allSatisfy(t -> assertThat(t).contains("ev-stage-signed"));
        assertThat(relayed(caseId)).containsExactly(caseId + ":dispatched:1", caseId + ":dispatched:1", "ev-stage-signed");
    }

    /**
     * The order's DISPATCHED relay not yet at the origin when the department's next report is applied (on its way —
     * or unsent: the dispatch stage killed between its database and JMS commits): the report's change sends the
     * DISPATCHED relay again ahead of its own, so the origin hears 01 before 02, once each, also when the late
     * redelivered order relays DISPATCHED once more.
     */
    @Test
    @Order(2)
    void aReportThatOvertakesTheDispatchedRelayTakesItAlongInOrder() throws Exception {
        SentMessages.clear();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        String sample = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml")
                .replace("<JQBH>330108202611220001</JQBH>", "<JQBH>330108202611220099</JQBH>")
                // another caller, place and matter: a case of its own, not a report linked to the first
                .replace("13800138000", "13900139099").replace("至善路88号3幢", "江南大道1099号")
                .replace("<JD>120.1551</JD>", "<JD>120.2120</JD>").replace("<WD>30.2084</WD>", "<WD>30.1710</WD>")
                .replace("楼上装修噪音扰民，多次协商无果，双方发生口角", "夜间工地施工噪声持续");
        camel.getRouteController().suspendRoute("alarm110-relay");
        jms.send("JCJ.LDJQ.OUT", s -> {
            Message m = s.createTextMessage(sample);
            m.setStringProperty("MsgType", "LDJQ");
            return m;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH))).stream()
                .anyMatch(r -> r.getBodyAsString().contains("330108202611220099")));
        LoggedRequest order = DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH))).stream()
                .filter(r -> r.getBodyAsString().contains("330108202611220099")).findFirst().orElseThrow();
        String caseId = Json.read(order.getBodyAsString(), JsonNode.class).path("caseId").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> relayed(caseId).size() == 1);
        long before01 = feedback("01");
        long before02 = feedback("02");

        assertThat(report(caseId, "ev-overtake-signed", "SIGNED")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> relayed(caseId).size() == 3);
        assertThat(relayed(caseId)).as("DISPATCHED again, ahead of SIGNED")
                .containsExactly(caseId + ":dispatched:1", caseId + ":dispatched:1", "ev-overtake-signed");

        NotifyBuilder fourRelays = new NotifyBuilder(camel).fromRoute("alarm110-relay").whenDone(4).create();
        jms.send("HUB.DISPATCH." + DEPT, s -> {
            Message m = s.createTextMessage(order.getBodyAsString());
            m.setStringProperty("caseId", caseId);
            m.setIntProperty("dispatchNo", 1);
            m.setStringProperty("deptCode", DEPT);
            m.setStringProperty("JMSXGroupID", caseId);
            return m;
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> relayed(caseId).size() == 4);
        camel.getRouteController().resumeRoute("alarm110-relay");
        assertThat(fourRelays.matches(30, TimeUnit.SECONDS)).isTrue();
        List<String> heard = ALARM110.findAll(postRequestedFor(urlPathEqualTo(FEEDBACK))).stream()
                .map(r -> SafeXml.parse(r.getBodyAsString().getBytes(StandardCharsets.UTF_8)).getDocumentElement())
                .filter(e -> "330108202611220099".equals(SafeXml.text(e, "JQBH")))
                .map(e -> SafeXml.text(e, "FKZT")).toList();
        assertThat(heard).as("110 heard DISPATCHED then SIGNED, once each").containsExactly("01", "02");
        assertThat(feedback("01") - before01).isEqualTo(1);
        assertThat(feedback("02") - before02).isEqualTo(1);
    }

    /**
     * The department reports on its order before the dispatch stage committed (it stopped between the department's
     * 2xx and its commit; here the stage has not run yet): the report proves the hand-over, so DISPATCHED is applied
     * and relayed ahead of it; the order the stage then sends (again, the same key) records the delivery and adds no
     * second DISPATCHED, and the origin hears 01 then 02 once each.
     */
    @Test
    @Order(3)
    void aReportBeforeTheDispatchIsConfirmedAppliesDispatchedFirst() throws Exception {
        SentMessages.clear();
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        String jqbh = "330108202611220098";
        String sample = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml")
                .replace("<JQBH>330108202611220001</JQBH>", "<JQBH>" + jqbh + "</JQBH>")
                .replace("13800138000", "13900139098").replace("至善路88号3幢", "滨盛路1098号")
                .replace("<JD>120.1551</JD>", "<JD>120.2230</JD>").replace("<WD>30.2084</WD>", "<WD>30.1890</WD>")
                .replace("楼上装修噪音扰民，多次协商无果，双方发生口角", "深夜广场音响扰民");
        String route = "dispatch-" + DEPT.toLowerCase();
        NotifyBuilder threeRelays = new NotifyBuilder(camel).fromRoute("alarm110-relay").whenDone(3).create();
        camel.getRouteController().stopRoute(route);
        String caseId;
        try {
            jms.send("JCJ.LDJQ.OUT", s -> {
                Message m = s.createTextMessage(sample);
                m.setStringProperty("MsgType", "LDJQ");
                return m;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                    "SELECT case_id FROM hub_case WHERE source_id LIKE ?", String.class, "%" + jqbh + "%").isEmpty());
            caseId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id LIKE ?", String.class, "%" + jqbh + "%");
            assertThat(statuses(caseId)).containsExactly("RECEIVED");

            assertThat(report(caseId, "ev-early-signed", "SIGNED")).isEqualTo(202);
            await().atMost(Duration.ofSeconds(15)).until(() -> statuses(caseId).size() == 3);
            assertThat(statuses(caseId)).containsExactly("RECEIVED", "DISPATCHED", "SIGNED");
            assertThat(relayed(caseId)).containsExactly(caseId + ":dispatched:1", "ev-early-signed");
            assertThat(jdbc.queryForObject("SELECT state FROM dispatch WHERE case_id = ? AND dispatch_no = 1", String.class,
                    caseId)).as("the delivery is the stage's to record").isNotEqualTo("SENT");
        } finally {
            camel.getRouteController().startRoute(route);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(jdbc.queryForObject(
                "SELECT state FROM dispatch WHERE case_id = ? AND dispatch_no = 1", String.class, caseId)));
        assertThat(threeRelays.matches(30, TimeUnit.SECONDS)).as("the stage's DISPATCHED relay reached the connector").isTrue();
        assertThat(relayed(caseId)).containsExactly(caseId + ":dispatched:1", "ev-early-signed", caseId + ":dispatched:1");
        assertThat(DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH)).withHeader("Idempotency-Key", equalTo(caseId + ":1"))))
                .hasSize(1);
        assertThat(orderAudits(caseId)).as("the order as sent, in the audit log").isEqualTo(1);
        assertThat(statuses(caseId)).as("no second DISPATCHED").containsExactly("RECEIVED", "DISPATCHED", "SIGNED");
        assertThat(heard(jqbh)).as("110 heard DISPATCHED then SIGNED, once each").containsExactly("01", "02");
    }

    private List<String> heard(String jqbh) {
        return ALARM110.findAll(postRequestedFor(urlPathEqualTo(FEEDBACK))).stream()
                .map(r -> SafeXml.parse(r.getBodyAsString().getBytes(StandardCharsets.UTF_8)).getDocumentElement())
                .filter(e -> jqbh.equals(SafeXml.text(e, "JQBH")))
                .map(e -> SafeXml.text(e, "FKZT")).toList();
    }

    private List<String> relayed(String caseId) {
        return SentMessages.to(RELAY).stream().map(t -> Json.read(t, RelayEvent.class).event())
                .filter(e -> caseId.equals(e.caseId())).map(e -> e.eventId()).toList();
    }

    private List<String> statuses(String caseId) {
        return jdbc.queryForList("SELECT status FROM status_event WHERE case_id = ? ORDER BY seq", String.class, caseId);
    }

    private int orderAudits(String caseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE system = ? AND direction = 'OUT' AND ref = ?",
                Integer.class, "DEPT:" + DEPT, caseId + ":1");
    }

    private long feedback(String fkzt) {
        return ALARM110.findAll(postRequestedFor(urlPathEqualTo(FEEDBACK))).stream()
                .map(r -> SafeXml.text(SafeXml.parse(r.getBodyAsString().getBytes(StandardCharsets.UTF_8)).getDocumentElement(),
                        "FKZT"))
                .filter(fkzt::equals).count();
    }

    private int report(String caseId, String eventId, String status) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-zf001");
        String body = "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"王警官\"},\"note\":\"" + status + "\"}";
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class)
                .getStatusCode().value();
    }
}
