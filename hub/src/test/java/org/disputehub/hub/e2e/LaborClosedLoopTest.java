package org.disputehub.hub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.fixtures.labor.BatchWriter;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop for the labor-inspection system: a GBK batch dropped into the inbox with its marker becomes cases
 * (its bad row goes to the rejected list and the audit log), the group wage-arrears complaint is classified 欠薪 →
 * B04, marked RED and dispatched to the labour security office (WireMock), the office's events come back through
 * the API, and 已受理, 已交办, 调处中, 调处中, 已办结 arrive at the (WireMock) labor system in order. A later batch
 * with the same complaint number updates the case instead of opening a second one.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LaborClosedLoopTest {

    static final String DEPT = "330108-LB-002";
    static final String GROUP = "LD20261122000105";
    static final String INJURY = "LD20261122000104";
    static final Path ROOT = temporaryRoot();
    static final Path INBOX = ROOT.resolve("inbox");
    static WireMockServer LABOR;
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LABOR = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.registerDepartments(registry, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        LABOR.addStubMapping(StubMapping.buildFrom(HubTestSupport.fixture("labor/mappings/progress-ok.json")));
        registry.add("hub.connectors.hotline12345.enabled", () -> "false");
        registry.add("hub.connectors.labor.enabled", () -> "true");
        registry.add("hub.connectors.labor.inbox", INBOX::toString);
        registry.add("hub.connectors.labor.done-dir", () -> ROOT.resolve("done").toString());
        registry.add("hub.connectors.labor.error-dir", () -> ROOT.resolve("error").toString());
        registry.add("hub.connectors.labor.poll-interval", () -> "200ms");
        registry.add("hub.connectors.labor.base-url", LABOR::baseUrl);
        registry.add("hub.connectors.labor.api-key", () -> "test-labor-key");
    }

    @AfterAll
    static void stop() {
        LABOR.stop();
        DEPTS.stop();
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchClosesTheLoopWithProgressInOrder() throws Exception {
        // 1. a batch with a group wage-arrears complaint, a work injury and a bad row, written as the labor system does
        BatchWriter.write(INBOX, "LDJC_20261122093000.csv", List.of(
                row(GROUP, "25", "380000.00", "欠薪", "25名工人被拖欠工资38万元，包工头失联"),
                row(INJURY, "1", "", "工伤", "在车间受伤，单位称\"自己不小心\"，拒绝申报工伤,\r\n要求认定工伤"),
                row("LD20261122000199", "1", "", "加班费", "事项类型不在合同之内")));

        // 2. classified (欠薪 → B04 劳资纠纷), marked RED and dispatched to the labour security office
        JsonNode order = dispatched(GROUP);
        String caseId = order.path("caseId").asText();
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(order.at("/source/system").asText()).isEqualTo("LABOR");
        assertThat(order.at("/source/channel").asText()).isEqualTo("FILE");
        assertThat(order.at("/category/code").asText()).isEqualTo("B04");
        assertThat(order.at("/category/major").asText()).isEqualTo("求助纠纷类");
        assertThat(order.at("/category/sourceCode").asText()).isEqualTo("欠薪");
        assertThat(order.at("/risk/level").asText()).isEqualTo("RED");
        assertThat(order.at("/risk/reasons/0").asText()).isEqualTo("群体性欠薪: 涉及25人/欠薪¥380000.00");
        assertThat(order.at("/headcount").asInt()).isEqualTo(25);
        assertThat(order.at("/amount").decimalValue()).isEqualByComparingTo("380000.00");
        assertThat(order.at("/parties/1/organization").asText()).isEqualTo("杭州宏图建设工程有限公司");
        assertThat(order.at("/assignment/deptCode").asText()).isEqualTo(DEPT);
        assertThat(order.at("/reportedAt").asText()).isEqualTo("2026-11-22T09:20:00+08:00");
        assertThat(dispatched(INJURY).at("/category/code").asText()).as("工伤 → B20, also the labour office's").isEqualTo("B20");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));

        // 3. the batch is done; the bad row is in the rejected list and the audit log
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(ROOT.resolve("done/LDJC_20261122093000.csv.ok")));
        assertThat(Files.readAllLines(ROOT.resolve("error/LDJC_20261122093000.rejected.csv")))
                .containsExactly("line,reason,raw", "5,事项类型: '加班费' is not one of 欠薪、未签合同、社保、工伤、解除劳动关系、其他,"
                        + "\"LD20261122000199,2026-11-22 09:20,陈大勇,13600136004,,杭州宏图建设工程有限公司,91330108MA2KL3M4N5,1,,"
                        + "加班费,330108,杭州市滨江区浦沿街道六和路500号工地,事项类型不在合同之内\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE"
                + " system = 'LABOR' AND outcome = 'REJECTED' AND ref = 'LDJC_20261122093000:5'", Integer.class) == 1);

        // 4. the office reports its steps through the API
        for (String status : List.of("SIGNED", "HANDLING", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-ld-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(caseId)));
        }

        // 5. 已受理, 已交办, 调处中 ×2, 已办结 reach the labor system in order (RESOLVED has no stage of its own)
        await().atMost(Duration.ofSeconds(15)).until(() -> progress(GROUP).size() == 5);
        List<LoggedRequest> sent = progress(GROUP);
        assertThat(sent).extracting(r -> body(r).path("stage").asText())
                .containsExactly("已受理", "已交办", "调处中", "调处中", "已办结");
        for (LoggedRequest r : sent) {
            assertThat(r.getHeader("X-Api-Key")).isEqualTo("test-labor-key");
            assertThat(body(r).path("deptCode").asText()).isEqualTo(DEPT);
            assertThat(body(r).path("dept").asText()).isEqualTo("浦沿街道劳动保障所");
            assertThat(body(r).path("time").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        assertThat(body(sent.get(4)).path("remark").asText()).isEqualTo("CLOSED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message"
                + " WHERE system = 'LABOR' AND direction = 'OUT' AND outcome = 'SENT' AND ref = ?", Integer.class, GROUP) == 5);

        // 6. a later batch with the same complaint number is an update of that case, not a second case
        BatchWriter.write(INBOX, "LDJC_20261122130000.csv", List.of(
                row(GROUP, "30", "450000.00", "欠薪", "又有五名工人反映被拖欠工资")));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("SELECT data FROM hub_case WHERE case_id = ?",
                String.class, caseId).contains("又有五名工人"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE source_system = 'LABOR' AND source_id = ?",
                Integer.class, GROUP)).isEqualTo(1);
    }

    private static String row(String complaintNo, String headcount, String amount, String matter, String content) {
        return BatchWriter.row(complaintNo, "2026-11-22 09:20", "陈大勇", "13600136004", "", "杭州宏图建设工程有限公司",
                "91330108MA2KL3M4N5", headcount, amount, matter, "330108", "杭州市滨江区浦沿街道六和路500号工地", content);
    }

    private static JsonNode dispatched(String complaintNo) {
        String path = "/depts/" + DEPT + "/dispatch";
        await().atMost(Duration.ofSeconds(30)).until(() -> DEPTS.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .anyMatch(r -> body(r).at("/source/sourceId").asText().equals(complaintNo)));
        LoggedRequest request = DEPTS.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(r -> body(r).at("/source/sourceId").asText().equals(complaintNo)).findFirst().orElseThrow();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer demo-token-lb002");
        return body(request);
    }

    private ResponseEntity<String> report(String caseId, String eventId, String status) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-lb002");
        String body = "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"劳动保障所\"},\"note\":\"" + status + "\"}";
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    private static List<LoggedRequest> progress(String complaintNo) {
        return LABOR.findAll(postRequestedFor(urlPathEqualTo("/ldjc/api/v1/complaints/" + complaintNo + "/progress")))
                .stream().sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static JsonNode body(LoggedRequest r) {
        return Json.read(r.getBodyAsString(), JsonNode.class);
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("labor-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
