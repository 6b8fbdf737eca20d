package org.disputehub.hub.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.RawMessage;
import org.disputehub.fixtures.MutableClock;
import org.disputehub.hub.HubTestSupport;
import org.disputehub.hub.sla.SlaChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.springframework.util.FileSystemUtils;

/**
 * The lifecycle rules on a hub whose departments and tables are test data: a department onboarded by YAML only,
 * return and re-route (never back, duty centre after too many returns), withdrawal and update notices, SLA
 * escalation under a controllable clock, and reloading the tables (bad data refused, old tables kept).
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.connectors.hotline12345.poll-interval=1h", "hub.connectors.alarm110.enabled=false",
        "hub.connectors.petition.enabled=false", "hub.connectors.odr.enabled=false",
        "hub.connectors.labor.enabled=false", "hub.connectors.zhengding.enabled=false",
        "camel.main.routes-include-pattern=file:../routes/departments-http.yaml,file:src/test/resources/onboarding/*.yaml",
        "hub.sla.check-interval-ms=200", "hub.lifecycle.max-returns=2", "hub.duty-leader-user-ids=leader-on-duty"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LifecycleTest {

    static WireMockServer DEPTS;
    static Path MAPPINGS;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        DEPTS = HubTestSupport.started();
        HubTestSupport.acceptDispatches(DEPTS);
        HubTestSupport.registerDepartments(registry, DEPTS);
        registry.add("hub.departments.sj009.base-url", () -> DEPTS.baseUrl() + "/depts/330106-SJ-009");
        registry.add("hub.connectors.hotline12345.base-url", DEPTS::baseUrl); // enabled for its vocabulary only
        MAPPINGS = Files.createTempDirectory("hub-mappings");
        FileSystemUtils.copyRecursively(Path.of("../mappings"), MAPPINGS);
        Files.writeString(MAPPINGS.resolve("routing.csv"), """
                taxonomy_code,region_code,dept_code
                B03,330108,330108-WY-001
                B05,330106,330106-SJ-009
                C03,330106,330106-JD-010
                *,330106,330108-TJ-003
                *,*,330108-ZX-000
                """);
        registry.add("hub.mappings-dir", MAPPINGS::toString);
        registry.add("hub.linking.enabled", () -> "false"); // many look-alike test cases; linking has tests of its own
    }

    @AfterAll
    static void stop() throws IOException {
        DEPTS.stop();
        FileSystemUtils.deleteRecursively(MAPPINGS);
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    SlaChecker checker;
    @Autowired
    VocabularyReloader vocabularies;

    @Test
    void anOnboardedDepartmentGetsItsCasesAndReturnsAreReroutedNeverBackThenToTheDutyCentre() {
        String caseId = intake("GD-RET-1", "C0401", "330106");
        LoggedRequest first = awaitDispatch("330106-SJ-009", caseId, 1);
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer test-token-sj009");
        awaitStatus(caseId, "DISPATCHED");

        assertThat(report(caseId, "ret-1", "RETURNED", "test-key-sj009").getStatusCode().value()).isEqualTo(202);
        LoggedRequest second = awaitDispatch("330108-TJ-003", caseId, 2);
        assertThat(Json.read(second.getBodyAsString(), JsonNode.class).at("/assignment/dispatchNo").asInt()).isEqualTo(2);
        awaitStatus(caseId, "DISPATCHED");
        assertThat(report(caseId, "late-1", "SIGNED", "test-key-sj009").getStatusCode().value())
                .as("the department that returned it no longer reports on it").isEqualTo(403);

        assertThat(report(caseId, "ret-2", "RETURNED", "demo-key-tj003").getStatusCode().value()).isEqualTo(202);
        awaitDispatch("330108-ZX-000", caseId, 3);
        awaitStatus(caseId, "DISPATCHED");
        assertThat(DEPTS.findAll(postRequestedFor(urlPathEqualTo("/depts/330106-SJ-009/dispatch")))
                .stream().filter(r -> r.getHeader("Idempotency-Key").startsWith(caseId)).count())
                .as("never back to a department that returned it").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM status_event WHERE case_id = ? AND outcome = 'ALLOWED'"
                + " ORDER BY recorded_at", String.class, caseId))
                .containsExactly("RECEIVED", "DISPATCHED", "RETURNED", "DISPATCHED", "RETURNED", "DISPATCHED");
    }

    @Test
    void aRedCaseAlertsTheDutyLeaderAndCarriesItsReasons() throws Exception {
        send(envelope(EnvelopeType.NEW, "GD-RED-1", "C0203", "330108", "物业纠纷升级，业主扬言要跳楼"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "SELECT case_id FROM hub_case WHERE source_id = 'GD-RED-1'", String.class).isEmpty());
        String caseId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = 'GD-RED-1'", String.class);
        JsonNode order = Json.read(awaitDispatch("330108-WY-001", caseId, 1).getBodyAsString(), JsonNode.class);
        assertThat(order.at("/risk/level").asText()).isEqualTo("RED");
        assertThat(order.at("/risk/reasons").toString()).contains("R08 自伤自杀风险");
        jms.setReceiveTimeout(10000);
        TextMessage alert = (TextMessage) jms.receiveSelected("HUB.NOTIFY.ZHENGDING",
                "caseId = '" + caseId + "' AND JMSPriority >= 0");
        Notification n = Json.read(alert.getText(), Notification.class);
        if (!n.dedupeKey().endsWith(":red")) { // an SLA escalation of this case may come first
            n = Json.read(((TextMessage) jms.receiveSelected("HUB.NOTIFY.ZHENGDING", "caseId = '" + caseId + "'"))
                    .getText(), Notification.class);
        }
        assertThat(n.dedupeKey()).isEqualTo(caseId + ":red");
        assertThat(n.userIds()).containsExactly("leader-on-duty");
        assertThat(n.markdown()).contains("R08 自伤自杀风险").doesNotContain("13800138000");
    }

    @Test
    void aJmsDepartmentReceivesItsOrderOnItsQueue() throws Exception {
        String caseId = intake("GD-JMS-1", "C0601", "330106");
        jms.setReceiveTimeout(15000);
        TextMessage order = (TextMessage) jms.receiveSelected("DEPT.330106-JD-010.DISPATCH", "caseId = '" + caseId + "'");
        assertThat(order).isNotNull();
        assertThat(order.getStringProperty("JMSXGroupID")).isEqualTo(caseId);
        assertThat(order.getObjectProperty("dispatchNo").toString()).isEqualTo("1");
        assertThat(Json.read(order.getText(), JsonNode.class).at("/assignment/deptCode").asText()).isEqualTo("330106-JD-010");
        awaitStatus(caseId, "DISPATCHED");
        assertThat(report(caseId, "jms-sign", "SIGNED", "test-key-jd010").getStatusCode().value()).isEqualTo(202);
        awaitStatus(caseId, "SIGNED");
    }

    @Test
    void updatesAndWithdrawalsReachTheAssignedDepartment() {
        String caseId = intake("GD-UPD-1", "C0203", "330108");
        awaitDispatch("330108-WY-001", caseId, 1);
        awaitStatus(caseId, "DISPATCHED");

        send(envelope(EnvelopeType.UPDATE, "GD-UPD-1", "C0203", "330108", "补充：物业已第二次超额收费"));
        LoggedRequest update = awaitNotice("330108-WY-001", caseId, "UPDATE");
        assertThat(Json.read(update.getBodyAsString(), JsonNode.class).path("description").asText())
                .isEqualTo("补充：物业已第二次超额收费");

        assertThat(report(caseId, "upd-sign", "SIGNED", "demo-key-wy001").getStatusCode().value()).isEqualTo(202);
        awaitStatus(caseId, "SIGNED");
        assertThat(report(caseId, "upd-resolve", "RESOLVED", "demo-key-wy001").getStatusCode().value())
                .as("skipping forward is allowed").isEqualTo(202);
        awaitStatus(caseId, "RESOLVED");
        ResponseEntity<String> back = report(caseId, "upd-back", "ARRIVED", "demo-key-wy001");
        assertThat(back.getStatusCode().value()).isEqualTo(409);
        assertThat(back.getBody()).contains("\"from\":\"RESOLVED\"", "\"to\":\"ARRIVED\"");
        assertThat(report(caseId, "upd-resolve", "RESOLVED", "demo-key-wy001").getBody())
                .as("the same event again is ignored").contains("\"duplicate\":true");

        send(new CaseEnvelope(UUID.randomUUID().toString(), EnvelopeType.WITHDRAW, "HOTLINE12345", "GD-UPD-1",
                OffsetDateTime.now(), null, "来电人撤销", new RawMessage("application/json", "{}")));
        awaitNotice("330108-WY-001", caseId, "WITHDRAW");
        awaitStatus(caseId, "WITHDRAWN");
    }

    @Test
    void aMissedDeadlineIsEscalatedOnceAndTheSupervisorsAreTold() throws Exception {
        String caseId = intake("GD-SLA-1", "C0401", "330106");
        awaitDispatch("330106-SJ-009", caseId, 1);
        awaitStatus(caseId, "DISPATCHED");

        CLOCK.advance(Duration.ofMinutes(2)); // sign-off was due within 1 minute
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT escalated FROM hub_case"
                + " WHERE case_id = ?", Boolean.class, caseId));
        assertThat(jdbc.queryForList("SELECT note FROM status_event WHERE case_id = ? AND status = 'ESCALATED'",
                String.class, caseId)).singleElement().asString().startsWith("签收超时");
        assertThat(jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId))
                .as("escalation marks the case, it does not move it").isEqualTo("DISPATCHED");

        jms.setReceiveTimeout(5000);
        Notification n = null;
        for (int i = 0; i < 20 && n == null; i++) {
            TextMessage m = (TextMessage) jms.receiveSelected("HUB.NOTIFY.ZHENGDING", "caseId = '" + caseId + "'");
            n = m == null ? null : Json.read(m.getText(), Notification.class);
        }
        assertThat(n).isNotNull();
        assertThat(n.userIds()).containsExactly("leader01", "leader02");
        assertThat(n.dedupeKey()).isEqualTo(caseId + ":escalated:1:SIGN");
        assertThat(n.markdown()).doesNotContain("13800");

        CLOCK.advance(Duration.ofSeconds(30)); // another pass finds nothing new to escalate for this case
        assertThat(checker.check()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_event WHERE case_id = ? AND status = 'ESCALATED'",
                Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void aReloadWithBadDataIsRefusedAndTheOldTablesStay() throws IOException {
        Path routing = MAPPINGS.resolve("routing.csv");
        String good = Files.readString(routing);
        Files.writeString(routing, good + "C03,330106,330199-NOPE-1\n");
        ResponseEntity<String> refused = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/v1/admin/mappings/reload", null, String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("routing.csv:", "330199-NOPE-1");
        assertThat(rest.withBasicAuth("viewer", "viewer").postForEntity("/api/v1/admin/mappings/reload", null,
                String.class).getStatusCode().value()).as("viewers may not operate").isEqualTo(403);

        String caseId = intake("GD-RELOAD-1", "C0401", "330106");
        awaitDispatch("330106-SJ-009", caseId, 1); // the old table still routes

        Files.writeString(routing, good.replace("B05,330106,330106-SJ-009", "B05,330106,330108-TJ-003"));
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/mappings/reload", null,
                String.class).getStatusCode().value()).isEqualTo(200);
        String next = intake("GD-RELOAD-2", "C0401", "330106");
        awaitDispatch("330108-TJ-003", next, 1);
        Files.writeString(routing, good);
        rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/mappings/reload", null, String.class);
    }

    @Test
    void theAuditChainShowsAnEditedByteAndStaysVerifiableAcrossAPurge() {
        String caseId = intake("GD-AUDIT-1", "C0203", "330108");
        assertThat(verify()).isEqualTo("{\"intact\":true}");

        Long id = jdbc.queryForObject("SELECT MIN(id) FROM raw_message WHERE ref = 'GD-AUDIT-1'", Long.class);
        String body = jdbc.queryForObject("SELECT body FROM raw_message WHERE id = ?", String.class, id);
        jdbc.update("UPDATE raw_message SET body = ? WHERE id = ?", body.replace("GD-AUDIT-1", "GD-AUDIT-2"), id);
        assertThat(verify()).isEqualTo("{\"intact\":false,\"firstBrokenRecord\":" + id + "}");
        jdbc.update("UPDATE raw_message SET body = ? WHERE id = ?", body, id);
        assertThat(verify()).isEqualTo("{\"intact\":true}");

        String before = Instant.now().plusSeconds(60).toString();
        ResponseEntity<String> purged = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/v1/admin/audit/purge?before=" + before, null, String.class);
        assertThat(purged.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE id <= ?", Integer.class, id)).isZero();
        assertThat(verify()).as("what remains verifies from the new anchor").isEqualTo("{\"intact\":true}");
        intake("GD-AUDIT-3", "C0203", "330108");
        assertThat(verify()).isEqualTo("{\"intact\":true}");
        assertThat(caseId).isNotBlank();
    }

    private String verify() {
        return rest.withBasicAuth("viewer", "viewer").getForObject("/api/v1/admin/audit/verify", String.class);
    }

    @Test
    void statusVocabulariesInTheMappingsFolderReloadAllOrNothing() throws IOException {
        Path vocabulary = MAPPINGS.resolve("status/hotline12345/status-vocabulary.properties");
        String shipped = Files.readString(vocabulary);
        assertThat(vocabularies.vocabulary("HOTLINE12345").code(CaseStatus.ARRIVED)).contains("PROCESS");

        Files.writeString(vocabulary, shipped.replace("status.ARRIVED=PROCESS", "status.ARRIVED=ARRIVE"));
        ResponseEntity<String> refused = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/v1/admin/mappings/reload", null, String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).contains("status vocabulary", "status-vocabulary.properties", "ARRIVE");
        assertThat(vocabularies.vocabulary("HOTLINE12345").code(CaseStatus.ARRIVED)).as("the old vocabulary stays").contains("PROCESS");

        Files.writeString(vocabulary, shipped.replace("status.ARRIVED=PROCESS", "status.ARRIVED=SIGN"));
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/mappings/reload", null,
                String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(vocabularies.vocabulary("HOTLINE12345").code(CaseStatus.ARRIVED)).contains("SIGN");
        Files.writeString(vocabulary, shipped);
        rest.withBasicAuth("admin", "admin").postForEntity("/api/v1/admin/mappings/reload", null, String.class);
        assertThat(vocabularies.vocabulary("HOTLINE12345").code(CaseStatus.ARRIVED)).contains("PROCESS");
    }

    @Test
    void kpisCountAHandBuiltSetOfCases() {
        // four dispatches to KPI-DEPT on 2020-01-01: K1 signed, arrived in time, resolved, closed (a repeat report);
        // K2 signed, arrived late, unresolved; K3 only signed; K4 nothing at all
        kpiCase("K1", 1, "SIGNED@10:00", "ARRIVED@10:05", "RESOLVED@11:00", "CLOSED@12:00");
        kpiCase("K2", 0, "SIGNED@10:00", "ARRIVED@10:30", "UNRESOLVED@11:00");
        kpiCase("K3", 0, "SIGNED@10:00");
        kpiCase("K4", 0);
        JsonNode k = Json.read(rest.withBasicAuth("viewer", "viewer").getForObject(
                "/api/v1/kpis?from=2019-12-31T16:00:00Z&to=2020-01-01T16:00:00Z&deptCode=KPI-DEPT",
                String.class), JsonNode.class);
        assertThat(k.at("/signOff/numerator").asLong()).isEqualTo(3);
        assertThat(k.at("/signOff/denominator").asLong()).isEqualTo(4);
        assertThat(k.at("/signOff/rate").asDouble()).isEqualTo(0.75);
        assertThat(k.at("/onTimeArrival/numerator").asLong()).isEqualTo(1);
        assertThat(k.at("/onTimeArrival/denominator").asLong()).isEqualTo(4);
        assertThat(k.at("/closureFeedback/numerator").asLong()).isEqualTo(2);
        assertThat(k.at("/closureFeedback/denominator").asLong()).isEqualTo(4);
        assertThat(k.at("/resolution/numerator").asLong()).isEqualTo(1);
        assertThat(k.at("/resolution/denominator").asLong()).isEqualTo(2);
        assertThat(k.at("/repeatReports/numerator").asLong()).isEqualTo(1);
        assertThat(k.at("/repeatReports/denominator").asLong()).isEqualTo(4);
        assertThat(k.at("/signOff/name").asText()).isEqualTo("签收率");
    }

    private void kpiCase(String id, int repeats, String... events) {
        OffsetDateTime day = OffsetDateTime.parse("2020-01-01T09:00:00+08:00");
        jdbc.update("INSERT INTO hub_case (case_id, source_system, source_id, status, dept_code, dispatch_no, created_at,"
                + " updated_at, data, repeat_count, is_repeat) VALUES (?, 'HOTLINE12345', ?, 'DISPATCHED', 'KPI-DEPT', 1, ?, ?,"
                + " '{}', ?, ?)", "HUB-20200101-" + id, "KPI-" + id, day, day, repeats, repeats > 0);
        jdbc.update("INSERT INTO dispatch (case_id, dispatch_no, dept_code, channel, state, created_at, sent_at)"
                + " VALUES (?, 1, 'KPI-DEPT', 'http', 'SENT', ?, ?)", "HUB-20200101-" + id, day, day.plusMinutes(1));
        jdbc.update("INSERT INTO sla_clock (case_id, dispatch_no, kind, dept_code, due_at) VALUES (?, 1, 'ARRIVE',"
                + " 'KPI-DEPT', ?)", "HUB-20200101-" + id, day.withHour(10).withMinute(10));
        for (String e : events) {
            String[] se = e.split("@");
            OffsetDateTime at = OffsetDateTime.parse("2020-01-01T" + se[1] + ":00+08:00");
            jdbc.update("INSERT INTO status_event (event_id, case_id, status, outcome, occurred_at, recorded_at, actor_dept)"
                    + " VALUES (?, ?, ?, 'ALLOWED', ?, ?, 'KPI-DEPT')", id + "-" + se[0], "HUB-20200101-" + id, se[0], at, at);
        }
    }

    private String intake(String orderNo, String categoryCode, String region) {
        send(envelope(EnvelopeType.NEW, orderNo, categoryCode, region, "小区商户拒不退款，电话13800138000"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "SELECT case_id FROM hub_case WHERE source_id = ?", String.class, orderNo).isEmpty());
        return jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, orderNo);
    }

    static CaseEnvelope envelope(EnvelopeType type, String orderNo, String categoryCode, String region, String text) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
        CanonicalCase c = new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource("HOTLINE12345", orderNo, "HOTLINE", t, null), t, "测试工单", text,
                Category.unclassifiedFrom(categoryCode, "测试"), "投诉", List.of(Party.reporter("李四", phoneOf(orderNo))),
                null, null, new Location("测试地址", region, null, null, null), "NORMAL", null, null, null,
                CaseStatus.RECEIVED);
        return new CaseEnvelope(UUID.randomUUID().toString(), type, "HOTLINE12345", orderNo, t, c, null,
                new RawMessage("application/json", "{\"orderNo\":\"" + orderNo + "\"}"));
    }

    /** Each order its own caller (so no two are linked as the same matter), the same one for an update. */
    static String phoneOf(String orderNo) {
        return "139" + String.format("%08d", Math.abs(orderNo.hashCode()) % 100_000_000);
    }

    private void send(CaseEnvelope e) {
        jms.send("HUB.INTAKE", s -> {
            TextMessage m = s.createTextMessage(Json.write(e));
            m.setStringProperty("JMSXGroupID", "HOTLINE12345:" + e.sourceId());
            return m;
        });
    }

    private LoggedRequest awaitDispatch(String dept, String caseId, int dispatchNo) {
        String key = caseId + ":" + dispatchNo;
        await().atMost(Duration.ofSeconds(15)).until(() -> DEPTS.findAll(postRequestedFor(urlPathEqualTo(
                "/depts/" + dept + "/dispatch"))).stream().anyMatch(r -> key.equals(r.getHeader("Idempotency-Key"))));
        return DEPTS.findAll(postRequestedFor(urlPathEqualTo("/depts/" + dept + "/dispatch"))).stream()
                .filter(r -> key.equals(r.getHeader("Idempotency-Key"))).findFirst().orElseThrow();
    }

    private LoggedRequest awaitNotice(String dept, String caseId, String notice) {
        await().atMost(Duration.ofSeconds(15)).until(() -> DEPTS.findAll(postRequestedFor(urlPathEqualTo(
                "/depts/" + dept + "/dispatch"))).stream().anyMatch(r -> notice.equals(r.getHeader("X-Hub-Notice"))
                && r.getHeader("Idempotency-Key").startsWith(caseId + ":1:" + notice + ":")));
        return DEPTS.findAll(postRequestedFor(urlPathEqualTo("/depts/" + dept + "/dispatch"))).stream()
                .filter(r -> notice.equals(r.getHeader("X-Hub-Notice"))
                        && r.getHeader("Idempotency-Key").startsWith(caseId)).findFirst().orElseThrow();
    }

    private void awaitStatus(String caseId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(jdbc.queryForObject(
                "SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId)));
    }

    private ResponseEntity<String> report(String caseId, String eventId, String status, String key) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth(key);
        String body = "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + OffsetDateTime.now(CLOCK) + "\",\"note\":\"测试\"}";
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }
}
