package org.disputehub.hub.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Collections;
import java.util.function.Supplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Pausing and resuming connectors on a running hub, over REST and JMX: a paused connector's routes are suspended and
 * its health is PAUSED; a JMS source leaves its messages on the queue, a poller stops polling, push endpoints answer
 * 503 with Retry-After; on resume the queued alarm and the work order published meanwhile become cases — nothing lost.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.connectors.labor.enabled=false", "hub.ops.paused-retry-after-seconds=30"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorPauseTest {

    static final String JQBH = "330108202611220001";
    static final String WORK_ORDERS = "/api/v2/workorders";
    static WireMockServer HOTLINE;
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOTLINE = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        HOTLINE.stubFor(get(urlPathEqualTo(WORK_ORDERS)).willReturn(okJson(orders(""))));
        HOTLINE.stubFor(post(urlPathMatching(WORK_ORDERS + "/[^/]+/feedback")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
    }

    static String orders(String records) {
        return "{\"code\":0,\"msg\":\"ok\",\"data\":{\"total\":" + (records.isEmpty() ? 0 : 1)
                + ",\"pageNo\":1,\"pageSize\":50,\"records\":[" + records + "]}}";
    }

    @AfterAll
    static void stop() {
        HOTLINE.stop();
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
    void onlyAdminsPauseAndOnlyConnectorsThatExist() {
        assertThat(rest.withBasicAuth("viewer", "viewer").postForEntity("/api/v1/admin/connectors/alarm110/pause", null,
                String.class).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> unknown = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/v1/admin/connectors/fax/pause", null, String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("no enabled connector named fax", "alarm110");
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/connectors/labor/resume", null,
                String.class).getStatusCode().value()).as("a disabled connector").isEqualTo(404);
        JsonNode list = Json.read(rest.withBasicAuth("viewer", "viewer").getForObject("/api/v1/admin/connectors",
                String.class), JsonNode.class);
        assertThat(list.findValuesAsText("connector")).contains("alarm110", "hotline12345", "petition", "odr", "zhengding");
        assertThat(camel.getRouteController().getRouteStatus("alarm110-intake").isStarted()).isTrue();
    }

    @Test
    @Order(2)
    void aPausedJmsSourceLeavesItsMessagesOnTheQueue() {
        JsonNode paused = adminPost("/api/v1/admin/connectors/alarm110/pause");
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(paused.at("/routes/alarm110-intake").asText()).isEqualTo("Suspended");
        assertThat(paused.at("/routes/alarm110-relay").asText()).isEqualTo("Suspended");
        assertThat(connectorHealth("alarm110").path("status").asText()).isEqualTo("PAUSED");

        publishAlarm();
        Supplier<Integer> queued = () -> queueDepth("JCJ.LDJQ.OUT");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> queued.get() == 1 && caseOf(JQBH) == null);

        JsonNode resumed = adminPost("/api/v1/admin/connectors/alarm110/resume");
        assertThat(resumed.path("paused").asBoolean()).isFalse();
        assertThat(resumed.at("/routes/alarm110-intake").asText()).isEqualTo("Started");
        await().atMost(Duration.ofSeconds(20)).until(() -> caseOf(JQBH) != null);
        assertThat(queued.get()).isZero();
        assertThat(connectorHealth("alarm110").path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(3)
    void aPausedPollerStopsPollingAndResumesFromItsWatermark() throws Exception {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        ObjectName connectors = new ObjectName("org.disputehub:type=Connectors");
        String[] sig = {String.class.getName()};
        assertThat((String) mbeans.invoke(connectors, "pause", new Object[] {"hotline12345"}, sig))
                .startsWith("hotline12345: PAUSED").contains("hotline12345-poll=Suspended");
        assertThat((String) mbeans.getAttribute(connectors, "States")).contains("hotline12345: PAUSED", "alarm110: running");
        assertThat(connectorHealth("hotline12345").path("status").asText()).isEqualTo("PAUSED");

        // a work order appears on the platform while the connector is paused: nobody asks for it
        HOTLINE.stubFor(get(urlPathEqualTo(WORK_ORDERS)).willReturn(okJson(orders("""
                {"orderNo":"GD-PAUSE-1","acceptTime":"2026-11-22 10:30:15","updateTime":"2026-11-22 10:31:00",
                 "callerName":"李四","callerPhone":"13900139000","appealType":"投诉","title":"小区物业乱收停车费",
                 "content":"物业超时收费","categoryCode":"C0203","categoryName":"物业管理","areaCode":"330108",
                 "address":"杭州市滨江区浦沿街道xx小区","urgency":"一般","handleDeadline":"2026-11-25 09:30:15",
                 "orderStatus":"待签收"}"""))));
        int[] polls = {HOTLINE.findAll(getRequestedFor(urlPathEqualTo(WORK_ORDERS))).size()};
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
            int now = HOTLINE.findAll(getRequestedFor(urlPathEqualTo(WORK_ORDERS))).size();
            boolean none = now == polls[0];
            polls[0] = now;
            return none;
        });
        assertThat(caseOf("GD-PAUSE-1")).isNull();

        assertThat((String) mbeans.invoke(connectors, "resume", new Object[] {"hotline12345"}, sig))
                .startsWith("hotline12345: running");
        await().atMost(Duration.ofSeconds(20)).until(() -> caseOf("GD-PAUSE-1") != null);
        assertThat(HOTLINE.findAll(getRequestedFor(urlPathEqualTo(WORK_ORDERS))).get(polls[0]).queryParameter("updatedSince")
                .firstValue()).as("the first poll after resuming starts from the watermark").startsWith("2026-11-22T");
        assertThat((String) mbeans.invoke(connectors, "pause", new Object[] {"fax"}, sig)).startsWith("no enabled connector");
    }

    @Test
    @Order(4)
    void thePushEndpointsOfAPausedConnectorAnswer503WithRetryAfter() {
        String[][] pushes = {{"petition", "/api/inbound/petition"}, {"odr", "/api/inbound/odr"},
                {"zhengding", "/api/inbound/zhengding/callback?signature=x&timestamp=1&nonce=n"}};
        for (String[] p : pushes) {
            assertThat(push(p[1]).getStatusCode().value()).as(p[0] + " running").isNotEqualTo(503);
            adminPost("/api/v1/admin/connectors/" + p[0] + "/pause");
            ResponseEntity<String> refused = push(p[1]);
            assertThat(refused.getStatusCode().value()).as(p[0] + " paused").isEqualTo(503);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(refused.getBody()).contains("\"connector\":\"" + p[0] + "\"", "paused");
            assertThat(connectorHealth(p[0]).path("status").asText()).isEqualTo("PAUSED");
            adminPost("/api/v1/admin/connectors/" + p[0] + "/resume");
            assertThat(push(p[1]).getStatusCode().value()).as(p[0] + " resumed").isNotEqualTo(503);
        }
        assertThat(health().path("status").asText()).as("the instance itself").isEqualTo("UP");
    }

    private ResponseEntity<String> push(String path) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.postForEntity(path, new HttpEntity<>("{}", h), String.class);
    }

    private JsonNode adminPost(String path) {
        ResponseEntity<String> r = rest.withBasicAuth("admin", "admin").postForEntity(path, null, String.class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        return Json.read(r.getBody(), JsonNode.class);
    }

    private JsonNode health() {
        return Json.read(rest.withBasicAuth("admin", "admin").getForObject("/actuator/health", String.class), JsonNode.class);
    }

    private JsonNode connectorHealth(String connector) {
        return health().at("/components/connectors/components/" + connector);
    }

    private void publishAlarm() {
        String xml = HubTestSupport.fixture("alarm110/samples/valid/ldlx1-noise.xml");
        new JmsTemplate(connectionFactory).send("JCJ.LDJQ.OUT", session -> {
            Message m = session.createTextMessage(xml);
            m.setStringProperty("MsgType", "LDJQ");
            return m;
        });
    }

    private int queueDepth(String queue) {
        return new JmsTemplate(connectionFactory).browse(queue, (s, b) -> Collections.list(b.getEnumeration()).size());
    }

    private String caseOf(String sourceId) {
        return jdbc.queryForList("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, sourceId).stream()
                .findFirst().orElse(null);
    }
}
