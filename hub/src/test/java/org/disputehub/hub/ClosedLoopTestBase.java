package org.disputehub.hub;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.disputehub.canonical.codec.Json;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop for the 12345 hotline: a work order polled from the (WireMock) platform becomes a case,
 * is dispatched to its (WireMock) department with the canonical JSON, the department's events come back
 * through the API, and SIGN / PROCESS / FINISH arrive at the platform, signed and in order.
 */
@CamelSpringBootTest
@DisableJmx(false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ClosedLoopTestBase {

    static WireMockServer HOTLINE;
    static WireMockServer DEPTS;
    static final String ORDER = "GD20261122000123";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOTLINE = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"total":1,"pageNo":1,"pageSize":50,"records":[
                 {"orderNo":"GD20261122000123","acceptTime":"2026-11-22 09:30:15","updateTime":"2026-11-22 09:31:00",
                  "callerName":"李四","callerPhone":"13900139000","appealType":"投诉","title":"小区物业乱收停车费",
                  "content":"小区物业超时1分钟按1小时收费，要求处理","categoryCode":"C0203","categoryName":"物业管理",
                  "areaCode":"330108","address":"杭州市滨江区浦沿街道xx小区","urgency":"一般",
                  "handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"}]}}""")));
        HOTLINE.stubFor(post(urlPathMatching("/api/v2/workorders/[^/]+/feedback"))
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
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

    @Test
    void workOrderClosesTheLoopWithSignedFeedbackInOrder() throws Exception {
        // 1. polled, stored, classified (C0203 物业管理 → B03 物业纠纷) and dispatched to the property department
        await().atMost(Duration.ofSeconds(30)).until(() -> !DEPTS.findAll(postRequestedFor(
                urlPathEqualTo("/depts/330108-WY-001/dispatch"))).isEmpty());
        LoggedRequest dispatch = DEPTS.findAll(postRequestedFor(urlPathEqualTo("/depts/330108-WY-001/dispatch"))).get(0);
        JsonNode order = Json.read(dispatch.getBodyAsString(), JsonNode.class);
        String caseId = order.path("caseId").asText();
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(dispatch.getHeader("Idempotency-Key")).isEqualTo(caseId + ":1");
        assertThat(dispatch.getHeader("Authorization")).isEqualTo("Bearer demo-token-wy001");
        assertThat(order.at("/source/system").asText()).isEqualTo("HOTLINE12345");
        assertThat(order.at("/source/sourceId").asText()).isEqualTo(ORDER);
        assertThat(order.at("/category/code").asText()).isEqualTo("B03");
        assertThat(order.at("/category/major").asText()).isEqualTo("求助纠纷类");
        assertThat(order.at("/category/sourceCode").asText()).isEqualTo("C0203");
        assertThat(order.at("/category/sourceName").asText()).isEqualTo("物业管理");
        assertThat(order.at("/assignment/deptCode").asText()).isEqualTo("330108-WY-001");
        assertThat(order.at("/parties/0/phone").asText()).isEqualTo("13900139000");
        assertThat(order.at("/location/regionCode").asText()).isEqualTo("330108");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE source_id = ?", Integer.class, ORDER))
                .as("polled again and again, still one case").isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));

        // 2. the department reports its steps through the API
        for (String status : List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-" + status, status, "demo-key-wy001").getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(caseId)));
        }

        // 3. SIGN, PROCESS, FINISH reach the platform in order, each signed over the exact bytes sent
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback().size() == 3);
        List<LoggedRequest> sent = feedback();
        assertThat(sent).extracting(r -> Json.read(r.getBodyAsString(), JsonNode.class).path("status").asText())
                .containsExactly("SIGN", "PROCESS", "FINISH");
        for (LoggedRequest r : sent) {
            assertThat(r.getUrl()).isEqualTo("/api/v2/workorders/" + ORDER + "/feedback");
            assertThat(r.getHeader("X-App-Key")).isEqualTo("test-hub");
            assertThat(r.getHeader("X-Sign")).isEqualTo(hmac("test-secret-12345", "test-hub\n" + r.getHeader("X-Timestamp")
                    + "\n" + r.getHeader("X-Nonce") + "\n" + r.getUrl() + "\n" + r.getBodyAsString()));
            JsonNode body = Json.read(r.getBodyAsString(), JsonNode.class);
            assertThat(body.path("handleDeptCode").asText()).isEqualTo("330108-WY-001");
            assertThat(body.path("handleTime").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        }

        // 4. the case API shows the case, its dispatch and its whole history
        JsonNode view = Json.read(rest.withBasicAuth("viewer", "viewer")
                .getForObject("/api/v1/cases/" + caseId, String.class), JsonNode.class);
        assertThat(view.at("/case/status").asText()).isEqualTo("CLOSED");
        assertThat(view.at("/dispatches/0/state").asText()).isEqualTo("SENT");
        assertThat(view.path("statusHistory")).extracting(e -> e.path("status").asText())
                .containsExactly("RECEIVED", "DISPATCHED", "SIGNED", "ARRIVED", "RESOLVED", "CLOSED");
        assertThat(view.at("/case/source/rawMessageId").asLong()).isPositive();
    }

    @Test
    void statusApiRejectsWhatItMust() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT case_id FROM hub_case WHERE source_id = ? AND status <> 'RECEIVED'", String.class, ORDER).size() == 1);
        String caseId = jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, ORDER);

        assertThat(report(caseId, "ev-x1", "SIGNED", "wrong-key").getStatusCode().value()).isEqualTo(401);
        assertThat(report(caseId, "ev-x2", "SIGNED", "demo-key-zf001").getStatusCode().value())
                .as("another department's key").isEqualTo(403);
        assertThat(report("HUB-20261122-999999", "ev-x3", "SIGNED", "demo-key-wy001").getStatusCode().value())
                .isEqualTo(404);
        assertThat(postEvent(caseId, "{\"eventId\":\"ev-x4\",\"status\":\"SIGNED\"}", "demo-key-wy001").getStatusCode().value())
                .as("occurredAt missing").isEqualTo(400);
        assertThat(postEvent(caseId, "{not json", "demo-key-wy001").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> back = report(caseId, "ev-x5", "RECEIVED", "demo-key-wy001");
        assertThat(back.getStatusCode().value()).isEqualTo(409);
        assertThat(back.getBody()).contains("\"to\":\"RECEIVED\"").contains("\"from\":\"");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE direction = 'IN' AND outcome = 'REJECTED'"
                + " AND system = 'DEPT:330108-WY-001'", Integer.class)).as("refusals are recorded").isGreaterThanOrEqualTo(3);
    }

    @Test
    void hawtioAndJolokiaNeedALoginAndShowEveryRoute() {
        // anonymous: never the console's data (the redirect of a browser to Hawtio's login page: HawtioLoginTest)
        ResponseEntity<String> anonymousJolokia = rest.getForEntity("/actuator/jolokia/version", String.class);
        assertThat(anonymousJolokia.getBody()).doesNotContain("\"agent\"");
        assertThat(rest.withBasicAuth("admin", "wrong").getForEntity("/actuator/jolokia/version", String.class)
                .getBody()).as("wrong password").doesNotContain("\"agent\"");
        assertThat(rest.withBasicAuth("viewer", "viewer").getForObject("/actuator/jolokia/version", String.class))
                .contains("\"agent\"");
        ResponseEntity<String> hawtio = rest.withBasicAuth("admin", "admin").getForEntity("/actuator/hawtio/", String.class);
        assertThat(hawtio.getStatusCode().value()).isEqualTo(200);
        assertThat(hawtio.getBody()).containsIgnoringCase("hawtio");
        String routes = rest.withBasicAuth("viewer", "viewer").getForObject(
                "/actuator/jolokia/search/org.apache.camel:type=routes,*", String.class);
        assertThat(routes).contains("hub-intake", "hub-status", "hub-status-in", "hub-audit", "hub-park",
                "dispatch-330108-wy-001", "dispatch-330108-zx-000", "hotline12345-poll", "hotline12345-relay");
    }

    private ResponseEntity<String> report(String caseId, String eventId, String status, String key) {
        return postEvent(caseId, "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + java.time.OffsetDateTime.now() + "\",\"actor\":{\"name\":\"王警官\"},\"note\":\"" + status + "\"}", key);
    }

    private ResponseEntity<String> postEvent(String caseId, String body, String key) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth(key);
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    private static List<LoggedRequest> feedback() {
        return HOTLINE.findAll(postRequestedFor(urlPathMatching("/api/v2/workorders/[^/]+/feedback"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    /** Independent of the connector's signer: plain javax.crypto over the string the contract defines. */
    private static String hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
