package org.disputehub.hub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.fixtures.zhengding.ZhengdingCallbackCrypto;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole loop through a department without its own system: a 12345 work order (价格收费 in 湖墅街道, region 330105)
 * becomes a case routed to the zhengding department 330105-SJ-001 (routes/departments-zhengding.yaml); its duty staff
 * get a work notification at the (WireMock) Zhengding platform; their encrypted SIGN / ARRIVE / FEEDBACK callbacks
 * (built with the fixtures' own crypto, not the connector's) move the case to SIGNED, ARRIVED, RESOLVED; and SIGN,
 * PROCESS, FINISH reach the 12345 platform in order. A repeated callback changes nothing; a forged one is refused.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ZhengdingClosedLoopTest {

    static final String ORDER = "GD20261122000131";
    static final String DEPT = "330105-SJ-001";
    static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";
    static final String AES_KEY = "P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI";
    static WireMockServer HOTLINE;
    static WireMockServer DEPTS;
    static WireMockServer ZHENGDING;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOTLINE = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        ZHENGDING = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("fixtures/zhengding"));
        ZHENGDING.start();
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        registry.add("hub.connectors.zhengding.enabled", () -> "true");
        registry.add("hub.connectors.zhengding.base-url", ZHENGDING::baseUrl);
        registry.add("hub.connectors.zhengding.app-key", () -> "zd-test-app");
        registry.add("hub.connectors.zhengding.app-secret", () -> "zd-test-secret");
        registry.add("hub.connectors.zhengding.callback-token", () -> "zd-test-token");
        registry.add("hub.connectors.zhengding.callback-aes-key", () -> AES_KEY);
        HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"total":1,"pageNo":1,"pageSize":50,"records":[
                 {"orderNo":"GD20261122000131","acceptTime":"2026-11-22 09:30:15","updateTime":"2026-11-22 09:31:00",
                  "callerName":"王五","callerPhone":"13700137000","appealType":"投诉","title":"农贸市场摊位费乱涨价",
                  "content":"湖墅街道xx农贸市场摊位费一月内上涨一倍，电话13700137000","categoryCode":"C0402",
                  "categoryName":"价格收费","areaCode":"330105","address":"杭州市拱墅区湖墅街道xx农贸市场",
                  "urgency":"一般","handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"}]}}""")));
        HOTLINE.stubFor(post(urlPathMatching("/api/v2/workorders/[^/]+/feedback")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
    }

    @AfterAll
    static void stop() {
        HOTLINE.stop();
        DEPTS.stop();
        ZHENGDING.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    private final ZhengdingCallbackCrypto platform = new ZhengdingCallbackCrypto("zd-test-token", AES_KEY, "zd-test-app");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCaseForAZhengdingDepartmentClosesTheLoopThroughEncryptedCallbacks() throws Exception {
        // 1. polled, classified (C0402 价格收费 → D01), routed to the zhengding department: its duty staff are notified
        await().atMost(Duration.ofSeconds(30)).until(() -> !ZHENGDING.findAll(postRequestedFor(urlPathEqualTo(SEND))).isEmpty());
        LoggedRequest notice = ZHENGDING.findAll(postRequestedFor(urlPathEqualTo(SEND))).get(0);
        JsonNode body = Json.read(notice.getBodyAsString(), JsonNode.class);
        String url = body.at("/msg/action_card/single_url").asText();
        String caseId = url.substring(url.lastIndexOf('/') + 1);
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(url).startsWith("http://localhost:").endsWith("/m/cases/" + caseId);
        assertThat(notice.queryParameter("access_token").firstValue()).isEqualTo("test-token");
        assertThat(body.path("agent_id").asLong()).isEqualTo(2751002L);
        assertThat(body.path("userid_list").asText()).isEqualTo("wanglei01,chenjing02,zhaomin03");
        assertThat(body.at("/msg/msgtype").asText()).isEqualTo("action_card");
        assertThat(body.at("/msg/action_card/title").asText()).isEqualTo("【新派单】投诉-价格收费 · 杭州市拱墅区湖墅街道xx农贸市场");
        assertThat(body.at("/msg/action_card/markdown").asText()).startsWith("**案件** " + caseId + "\n\n**来源** 12345\n\n"
                + "**地址** 杭州市拱墅区湖墅街道xx农贸市场").contains("**承办单位** 湖墅街道市场监管所（330105-SJ-001）");
        assertThat(notice.getBodyAsString()).doesNotContain("13700137000").doesNotContain("王五");
        assertThat(ZHENGDING.findAll(getRequestedFor(urlPathEqualTo("/gettoken")))).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        assertThat(DEPTS.findAll(postRequestedFor(urlPathMatching("/depts/.+/dispatch")))).as("no HTTP department").isEmpty();

        // 2. the duty staff act through Zhengding: encrypted, signed callbacks, each answered with the signed success
        String sign = action("SIGN", caseId, "");
        assertSuccess(callback(sign));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SIGNED".equals(caseStatus(caseId)));
        assertSuccess(callback(sign)); // the platform retries until it gets 200: nothing changes
        assertSuccess(callback(action("ARRIVE", caseId, "")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ARRIVED".equals(caseStatus(caseId)));
        assertSuccess(callback(action("FEEDBACK", caseId, ",\"resolved\":true")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "RESOLVED".equals(caseStatus(caseId)));

        // 3. the origin gets SIGN, PROCESS, FINISH in order, with the zhengding department as the handler
        await().atMost(Duration.ofSeconds(15)).until(() -> feedback().size() == 3);
        List<JsonNode> sent = feedback().stream().map(r -> Json.read(r.getBodyAsString(), JsonNode.class)).toList();
        assertThat(sent).extracting(b -> b.path("status").asText()).containsExactly("SIGN", "PROCESS", "FINISH");
        assertThat(sent).allSatisfy(b -> assertThat(b.path("handleDeptCode").asText()).isEqualTo(DEPT));
        assertThat(sent.get(0).path("handleResult").asText()).isEqualTo("收到，马上到");

        // 4. the case API shows the dispatch confirmed and the whole history, the retried SIGN counted once
        JsonNode view = Json.read(rest.withBasicAuth("viewer", "viewer").getForObject("/api/v1/cases/" + caseId, String.class),
                JsonNode.class);
        assertThat(view.at("/case/status").asText()).isEqualTo("RESOLVED");
        assertThat(view.at("/case/assignment/deptCode").asText()).isEqualTo(DEPT);
        assertThat(view.at("/dispatches/0/state").asText()).isEqualTo("SENT");
        assertThat(view.path("statusHistory")).extracting(e -> e.path("status").asText())
                .containsExactly("RECEIVED", "DISPATCHED", "SIGNED", "ARRIVED", "RESOLVED");
        assertThat(ZHENGDING.findAll(postRequestedFor(urlPathEqualTo(SEND)))).as("one new-dispatch notification")
                .filteredOn(r -> r.getBodyAsString().contains("【新派单】")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE"
                + " system = 'ZHENGDING' AND direction = 'OUT' AND outcome = 'SENT' AND ref = ?", Integer.class,
                caseId + ":dispatch:1") == 1);
    }

    @Test
    void aForgedCallbackIsRefusedAndRecorded() throws Exception {
        ZhengdingCallbackCrypto.Callback cb = platform.callback("{\"EventType\":\"check_url\"}", System.currentTimeMillis(), "n1");
        String tampered = cb.query().replace("signature=" + cb.signature(), "signature=" + "0".repeat(40));

        HttpResponse<String> response = postCallback(tampered, cb.body());

        assertThat(response.statusCode()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE"
                + " system = 'ZHENGDING' AND direction = 'IN' AND outcome = 'REJECTED' AND reason LIKE '%signature mismatch%'",
                Integer.class) == 1);
        ZhengdingCallbackCrypto.Callback valid = platform.callback("{\"EventType\":\"check_url\"}", System.currentTimeMillis(), "n2");
        assertSuccess(postCallback(valid.query(), valid.body()));
    }

    private String action(String action, String caseId, String extra) {
        return "{\"EventType\":\"case_action\",\"eventId\":\"zd-" + action + "-" + caseId + "\",\"caseId\":\"" + caseId
                + "\",\"action\":\"" + action + "\",\"userId\":\"wanglei01\",\"deptCode\":\"" + DEPT + "\",\"time\":"
                + System.currentTimeMillis() + ",\"note\":\"" + ("SIGN".equals(action) ? "收到，马上到" : action) + "\"" + extra + "}";
    }

    private HttpResponse<String> callback(String event) throws Exception {
        ZhengdingCallbackCrypto.Callback cb = platform.callback(event, System.currentTimeMillis(),
                UUID.randomUUID().toString().substring(0, 8));
        return postCallback(cb.query(), cb.body());
    }

    private HttpResponse<String> postCallback(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbound/zhengding/callback?" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertSuccess(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = Json.read(response.body(), JsonNode.class);
        assertThat(reply.path("msg_signature").asText()).isEqualTo(platform.sign(reply.path("timeStamp").asText(),
                reply.path("nonce").asText(), reply.path("encrypt").asText()));
        assertThat(platform.decrypt(reply.path("encrypt").asText())).isEqualTo("success");
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForList("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId).stream()
                .findFirst().orElse(null);
    }

    private static List<LoggedRequest> feedback() {
        return HOTLINE.findAll(postRequestedFor(urlPathMatching("/api/v2/workorders/" + ORDER + "/feedback"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }
}
