package org.disputehub.hub.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.fixtures.MutableClock;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Operations on one running hub: dead-letter queues present at start-up, replay of parked dispatches (one by id over
 * JMX, the rest by filter over REST) that never delivers twice, throttled alerts through Zhengding, the connectors'
 * health, and the Prometheus series. The tests run in order on one context: each builds on the traffic before it.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.connectors.petition.enabled=false", "hub.connectors.labor.enabled=false",
        "hub.alerts.check-interval=PT1H", "hub.alerts.throttle=PT10M", "hub.alerts.dlq-growth=2",
        "hub.alerts.connector-failures=3", "hub.alerts.silence.alarm110=PT10M", "hub.alerts.silence.hotline12345=PT24H",
        "hub.alerts.user-ids=ops-oncall01", "hub.health.connector-failing-after=PT5M"})
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {

    static final String DEPT = "330108-WY-001";
    static final String QUEUE = "HUB.DISPATCH." + DEPT;
    static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static WireMockServer HOTLINE;
    static WireMockServer DEPTS;
    static WireMockServer ZHENGDING;
    static StubMapping downForA;
    static StubMapping refusesB;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOTLINE = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        ZHENGDING = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("fixtures/zhengding"));
        ZHENGDING.start();
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        registry.add("hub.connectors.zhengding.base-url", ZHENGDING::baseUrl);
        registry.add("hub.connectors.zhengding.app-key", () -> "zd-test-app");
        registry.add("hub.connectors.zhengding.app-secret", () -> "zd-test-secret");
        // the property department is down for order A and refuses order B (both C0203 物业管理 → 330108-WY-001)
        downForA = DEPTS.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch")).atPriority(1)
                .withRequestBody(containing("GD-OPS-A")).willReturn(status(503)));
        refusesB = DEPTS.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch")).atPriority(1)
                .withRequestBody(containing("GD-OPS-B")).willReturn(status(422).withBody("{\"error\":\"incomplete\"}")));
        HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"total":2,"pageNo":1,"pageSize":50,"records":[
                 {"orderNo":"GD-OPS-A","acceptTime":"2026-11-22 09:30:15","updateTime":"2026-11-22 09:31:00",
                  "callerName":"李四","callerPhone":"13900139000","appealType":"投诉","title":"小区物业乱收停车费",
                  "content":"物业超时收费","categoryCode":"C0203","categoryName":"物业管理","areaCode":"330108",
                  "address":"杭州市滨江区浦沿街道xx小区","urgency":"一般","handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"},
                 {"orderNo":"GD-OPS-B","acceptTime":"2026-11-22 09:32:15","updateTime":"2026-11-22 09:33:00",
                  "callerName":"赵六","callerPhone":"13800138000","appealType":"投诉","title":"物业不修电梯",
                  "content":"电梯坏了一周","categoryCode":"C0203","categoryName":"物业管理","areaCode":"330108",
                  "address":"杭州市滨江区浦沿街道yy小区","urgency":"一般","handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"}]}}""")));
        HOTLINE.stubFor(post(urlPathMatching("/api/v2/workorders/[^/]+/feedback")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
    }

    @AfterAll
    static void stop() {
        HOTLINE.stop();
        DEPTS.stop();
        ZHENGDING.stop();
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    MeterRegistry meters;
    @Autowired
    OpsMonitor monitor;
    @Autowired
    CamelContext camel;
    @Autowired
    BrokerQueues queues;

    @Test
    @Order(1)
    void everyStageHasItsDlqFromTheStartVisibleInJmx() throws Exception {
        JsonNode dlqs = admin("/api/v1/admin/dlq");
        assertThat(dlqs.fieldNames()).toIterable().contains("DLQ.HUB.INTAKE", "DLQ.HUB.STATUS", "DLQ.HUB.STATUS.IN",
                "DLQ.HUB.AUDIT", "DLQ.HUB.NOTIFY.ZHENGDING", "DLQ.HUB.RELAY.HOTLINE12345", "DLQ.JCJ.LDJQ.OUT",
                "DLQ." + QUEUE, "DLQ.HUB.DISPATCH.330108-ZX-000");
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        assertThat(mbeans.queryNames(new ObjectName("org.apache.activemq.artemis:component=addresses,subcomponent=queues,*"), null))
                .as("the broker's queue MBeans Hawtio shows").extracting(n -> n.getKeyProperty("queue"))
                .contains("\"DLQ.HUB.INTAKE\"", "\"DLQ.HUB.STATUS\"", "\"DLQ." + QUEUE + "\"");
        assertThat(rest.withBasicAuth("viewer", "viewer").postForEntity("/api/v1/admin/dlq/HUB.INTAKE/replay?all=true",
                null, String.class).getStatusCode().value()).as("replay is for admins").isEqualTo(403);
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/dlq/NOT.A.QUEUE/replay?all=true",
                null, String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void parkedDispatchesAreReplayedOnceByIdOrByFilterAndNeverDeliveredTwice() throws Exception {
        // both orders parked on the department's DLQ: A after its retries (503), B at once (422)
        await().atMost(Duration.ofSeconds(30)).until(() -> parked().size() == 2);
        List<JsonNode> listed = parked();
        JsonNode a = listed.stream().filter(m -> m.path("reason").asText().contains("HTTP 503")).findFirst().orElseThrow();
        JsonNode b = listed.stream().filter(m -> m.path("reason").asText().contains("HTTP 422")).findFirst().orElseThrow();
        String caseA = caseOf("GD-OPS-A");
        String caseB = caseOf("GD-OPS-B");
        assertThat(a.path("caseId").asText()).isEqualTo(caseA);
        assertThat(a.path("from").asText()).isEqualTo(QUEUE);
        assertThat(a.path("size").asLong()).isPositive();
        assertThat(a.path("parkedAt").asText()).isNotBlank();
        assertThat(listed.toString()).as("no personal data in the listing").doesNotContain("13900139000", "李四", "赵六");
        assertThat(caseStatus(caseA)).isEqualTo("RECEIVED");

        // a second copy of A on the DLQ (as a message parked twice would be)
        duplicateOnDlq(a.path("messageId").asText());
        assertThat(parked()).hasSize(3);

        // the department is back; replaying "503" moves both copies of A, not B: A reaches it exactly once
        DEPTS.removeStub(downForA);
        DEPTS.resetRequests();
        double dispatchedBefore = dispatched();
        ResponseEntity<String> replay = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/v1/admin/dlq/" + QUEUE + "/replay?reason=HTTP 503", null, String.class);
        assertThat(replay.getStatusCode().value()).isEqualTo(200);
        assertThat(Json.read(replay.getBody(), JsonNode.class).path("replayed").asInt()).isEqualTo(2);
        assertThat(parked()).extracting(m -> m.path("caseId").asText()).containsExactly(caseB);
        await().atMost(Duration.ofSeconds(15)).until(() -> dispatched() - dispatchedBefore == 2);
        assertThat(caseStatus(caseA)).isEqualTo("DISPATCHED");
        assertThat(deliveries(caseA + ":1")).as("one delivery of A at the department").isEqualTo(1);

        // replaying A's id again: nothing parked under it any more
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/dlq/" + QUEUE + "/replay?messageId="
                + a.path("messageId").asText(), null, String.class).getStatusCode().value()).isEqualTo(404);

        // B, once the department takes it, by message id through the HubAdmin MBean (Hawtio's way), then once more
        DEPTS.removeStub(refusesB);
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        ObjectName admin = new ObjectName("org.disputehub:type=HubAdmin");
        Object[] args = {QUEUE, b.path("messageId").asText()};
        String[] sig = {String.class.getName(), String.class.getName()};
        assertThat((String) mbeans.invoke(admin, "replayParked", args, sig)).startsWith("replayed 1 message(s)");
        await().atMost(Duration.ofSeconds(15)).until(() -> "DISPATCHED".equals(caseStatus(caseB)));
        assertThat((String) mbeans.invoke(admin, "replayParked", args, sig)).startsWith("replayed 0 message(s)")
                .contains("not parked");
        assertThat(deliveries(caseB + ":1")).isEqualTo(1);
        assertThat(deliveries(caseA + ":1")).isEqualTo(1);
        assertThat(parked()).isEmpty();

        // each replay in the audit log, with who did it
        List<String> audited = jdbc.queryForList("SELECT body FROM raw_message WHERE system = 'HUB-ADMIN' AND ref LIKE ?",
                String.class, "replay:DLQ." + QUEUE + ":%");
        assertThat(audited).hasSize(3);
        assertThat(audited).filteredOn(r -> r.contains(caseA)).hasSize(2).allMatch(r -> r.contains("\"by\":\"admin\""));
        assertThat(audited).filteredOn(r -> r.contains(caseB)).hasSize(1);
    }

    @Test
    @Order(3)
    void eachConnectorReportsItsHealthAndReadinessDependsOnBrokerAndDatabaseOnly() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> !"none".equals(connector("hotline12345").at("/details/lastSuccessAt").asText()));
        JsonNode health = health("/actuator/health");
        assertThat(health.at("/components/connectors/components").fieldNames()).toIterable()
                .as("the enabled connectors").containsExactlyInAnyOrder("alarm110", "hotline12345", "odr", "zhengding");
        JsonNode hotline = connector("hotline12345");
        assertThat(hotline.path("status").asText()).isEqualTo("UP");
        assertThat(hotline.at("/details/routes/hotline12345-poll").asText()).isEqualTo("Started");
        assertThat(hotline.at("/details/routes/hotline12345-relay").asText()).isEqualTo("Started");

        // a connector whose route is stopped (from Hawtio, say) is out of service; the instance stays ready
        camel.getRouteController().stopRoute("alarm110-intake");
        JsonNode alarm = connector("alarm110");
        assertThat(alarm.path("status").asText()).isEqualTo("OUT_OF_SERVICE");
        assertThat(alarm.at("/details/routes/alarm110-intake").asText()).isEqualTo("Stopped");
        ResponseEntity<String> ready = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(ready.getStatusCode().value()).isEqualTo(200);
        assertThat(health("/actuator/health/readiness").path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "jms", "readinessState");
        camel.getRouteController().startRoute("alarm110-intake");
        assertThat(connector("alarm110").path("status").asText()).isEqualTo("UP");

        // the 12345 platform fails: still UP within hub.health.connector-failing-after, DOWN beyond it, and alerted
        StubMapping failing = HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).atPriority(1).willReturn(serverError()));
        await().atMost(Duration.ofSeconds(15)).until(() -> connector("hotline12345").at("/details/failures").asLong() >= 3);
        assertThat(connector("hotline12345").path("status").asText()).isEqualTo("UP");
        CLOCK.advance(Duration.ofMinutes(6));
        hotline = connector("hotline12345");
        assertThat(hotline.path("status").asText()).isEqualTo("DOWN");
        assertThat(hotline.at("/details/lastError").asText()).contains("500");
        assertThat(hotline.at("/details/failingSince").asText()).isNotBlank();
        assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/actuator/health", String.class).getStatusCode().value())
                .isEqualTo(503);
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);
        monitor.check();
        await().atMost(Duration.ofSeconds(15)).until(() -> alerts("hotline12345").size() == 1);
        JsonNode alert = alerts("hotline12345").get(0);
        assertThat(alert.at("/msg/action_card/title").asText()).isEqualTo("【运维告警】接口 hotline12345 连续失败");
        assertThat(alert.at("/msg/action_card/markdown").asText()).contains("500");
        assertThat(alert.path("userid_list").asText()).isEqualTo("ops-oncall01");

        HOTLINE.removeStub(failing);
        await().atMost(Duration.ofSeconds(15)).until(() -> "UP".equals(connector("hotline12345").path("status").asText()));
    }

    @Test
    @Order(4)
    void dlqGrowthAndSilentConnectorsAreAlertedThroughZhengdingAtMostOncePerInterval() {
        monitor.check(); // the reference depths
        park(2);
        monitor.check();
        await().atMost(Duration.ofSeconds(15)).until(() -> alerts("DLQ.HUB.INTAKE").size() == 1);
        JsonNode first = alerts("DLQ.HUB.INTAKE").get(0);
        assertThat(first.at("/msg/action_card/title").asText()).isEqualTo("【运维告警】DLQ.HUB.INTAKE 新增 2 条停放消息");
        assertThat(first.at("/msg/action_card/markdown").asText()).contains("**现有** 2").doesNotContain("合并");

        // within the throttle interval (10 min): held back and counted
        park(2);
        monitor.check();
        assertThat(meters.find("hub.alerts").tags("kind", "dlq-growth", "outcome", "suppressed").counter().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> depth("HUB.NOTIFY.ZHENGDING") == 0);
        assertThat(alerts("DLQ.HUB.INTAKE")).hasSize(1);

        // after it: sent again, saying how many were held back; alarm110 has now been silent for longer than 10 min
        CLOCK.advance(Duration.ofMinutes(11));
        park(2);
        monitor.check();
        await().atMost(Duration.ofSeconds(15)).until(() -> alerts("DLQ.HUB.INTAKE").size() == 2);
        assertThat(alerts("DLQ.HUB.INTAKE").get(1).at("/msg/action_card/markdown").asText())
                .contains("**现有** 6").contains("同类告警又发生 1 次（已抑制）");
        await().atMost(Duration.ofSeconds(15)).until(() -> alerts("接口 alarm110").size() == 1);
        assertThat(alerts("接口 alarm110").get(0).at("/msg/action_card/title").asText()).matches("【运维告警】接口 alarm110 已 \\d+ 分钟无数据");
        assertThat(alerts("hotline12345 已")).as("12345 polls, it is not silent").isEmpty();
    }

    @Test
    @Order(5)
    void prometheusShowsTheStagesAndConnectorsAfterTraffic() {
        // the 12345 platform has no code for RECEIVED and DISPATCHED (never sent to its relay queue): A is signed
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-wy001");
        String signed = "{\"eventId\":\"ev-ops-signed\",\"status\":\"SIGNED\",\"occurredAt\":\"2026-11-22T10:00:00+08:00\"}";
        assertThat(rest.exchange("/api/v1/cases/" + caseOf("GD-OPS-A") + "/events", HttpMethod.POST, new HttpEntity<>(signed, h),
                String.class).getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> meters.find("hub.messages")
                .tags("route", "hotline12345-relay", "outcome", "relayed").counter() != null);
        monitor.check();
        String scrape = rest.withBasicAuth("admin", "admin").getForObject("/actuator/prometheus", String.class);
        assertThat(scrape).contains(
                "hub_messages_total{connector=\"hub\",outcome=\"parked\",route=\"dispatch-330108-wy-001\",stage=\"dispatch\"} 2.0",
                "hub_messages_total{connector=\"hub\",outcome=\"parked\",route=\"hub-intake\",stage=\"intake\"} 6.0",
                "hub_messages_total{connector=\"hub\",outcome=\"dispatched\",route=\"dispatch-330108-wy-001\",stage=\"dispatch\"}",
                "hub_messages_total{connector=\"hub\",outcome=\"accepted\",route=\"hub-intake\",stage=\"intake\"}",
                "hub_messages_total{connector=\"hub\",outcome=\"retried\",route=\"dispatch-330108-wy-001\",stage=\"dispatch\"}",
                "hub_messages_total{connector=\"hotline12345\",outcome=\"relayed\",route=\"hotline12345-relay\",stage=\"relay\"}",
                "hub_messages_total{connector=\"hotline12345\",outcome=\"received\",route=\"hotline12345-poll\",stage=\"inbound\"}",
                "hub_messages_total{connector=\"hotline12345\",outcome=\"failed\",route=\"hotline12345-poll\",stage=\"inbound\"}",
                "hub_messages_total{connector=\"zhengding\",outcome=\"sent\",route=\"zhengding-notify\",stage=\"notify\"}",
                "hub_stage_duration_seconds_count{connector=\"hub\",route=\"dispatch-330108-wy-001\",stage=\"dispatch\"}",
                "hub_queue_depth{kind=\"dlq\",queue=\"DLQ.HUB.INTAKE\"} 6.0",
                "hub_queue_depth{kind=\"stage\",queue=\"HUB.DISPATCH.330108-WY-001\"} 0.0",
                "hub_alerts_total{kind=\"dlq-growth\",outcome=\"suppressed\"} 1.0");
        assertThat(scrape.lines().filter(l -> l.startsWith("camel_exchanges_total{") && l.contains("routeId=\"hotline12345-poll\""))
                .toList()).as("Camel's own route metrics carry the hub's tags")
                .singleElement().asString().contains("connector=\"hotline12345\"", "stage=\"inbound\"");
    }

    // --- helpers

    private JsonNode health(String path) {
        return Json.read(rest.withBasicAuth("admin", "admin").getForEntity(path, String.class).getBody(), JsonNode.class);
    }

    private JsonNode connector(String name) {
        return health("/actuator/health").at("/components/connectors/components/" + name);
    }

    /** The operations alerts the (WireMock) Zhengding platform received whose title contains the text. */
    private List<JsonNode> alerts(String text) {
        return ZHENGDING.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
                .sorted(java.util.Comparator.comparing(r -> r.getLoggedDate()))
                .map(r -> Json.read(r.getBodyAsString(), JsonNode.class))
                .filter(b -> b.at("/msg/action_card/title").asText().startsWith("【运维告警】")
                        && b.at("/msg/action_card/title").asText().contains(text))
                .toList();
    }

    /** Puts messages on HUB.INTAKE that are not envelopes: the intake parks each at once. */
    private void park(int n) {
        long before = depth("DLQ.HUB.INTAKE");
        for (int i = 0; i < n; i++) {
            jms.convertAndSend("HUB.INTAKE", "{not an envelope " + i);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> depth("DLQ.HUB.INTAKE") == before + n);
    }

    private long depth(String queue) {
        return queues.depth(queue);
    }

    private JsonNode admin(String path) {
        ResponseEntity<String> r = rest.withBasicAuth("admin", "admin").getForEntity(path, String.class);
        assertThat(r.getStatusCode().value()).as(path).isEqualTo(200);
        return Json.read(r.getBody(), JsonNode.class);
    }

    private List<JsonNode> parked() {
        return StreamSupport.stream(admin("/api/v1/admin/dlq/" + QUEUE).path("messages").spliterator(), false).toList();
    }

    private String caseOf(String order) {
        return jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, order);
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    private double dispatched() {
        var c = meters.find("hub.messages").tags("route", "dispatch-" + DEPT.toLowerCase(), "outcome", "dispatched").counter();
        return c == null ? 0 : c.count();
    }

    private long deliveries(String idempotencyKey) {
        return DEPTS.findAll(postRequestedFor(urlPathEqualTo("/depts/" + DEPT + "/dispatch"))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey))).size();
    }

    private void duplicateOnDlq(String messageId) throws Exception {
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED);
             QueueBrowser browser = s.createBrowser(s.createQueue("DLQ." + QUEUE), "JMSMessageID = '" + messageId + "'")) {
            c.start();
            TextMessage original = (TextMessage) browser.getEnumeration().nextElement();
            Message copy = s.createTextMessage(original.getText());
            for (Object name : Collections.list(original.getPropertyNames())) {
                if (!((String) name).startsWith("JMSX") && !((String) name).startsWith("_AMQ")) {
                    copy.setObjectProperty((String) name, original.getObjectProperty((String) name));
                }
            }
            s.createProducer(s.createQueue("DLQ." + QUEUE)).send(copy);
            s.commit();
        }
    }
}
