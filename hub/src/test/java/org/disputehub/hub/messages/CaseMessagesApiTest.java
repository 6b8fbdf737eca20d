package org.disputehub.hub.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case search and the message log of a case on a running hub: two 12345 work orders, one dispatched to its
 * department and followed by its events and the feedback to 12345, the other refused by the department and parked.
 * The log lists what came in and went out with hash and outcome (bodies for ADMIN only), and the parked dispatch with
 * the admin operation that replays it — which does.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.connectors.petition.enabled=false", "hub.connectors.labor.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CaseMessagesApiTest {

    static final String DEPT = "330108-WY-001";
    static WireMockServer HOTLINE;
    static WireMockServer DEPTS;
    static StubMapping refusesB;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HOTLINE = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.register(registry, HOTLINE, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        refusesB = DEPTS.stubFor(post(urlPathEqualTo("/depts/" + DEPT + "/dispatch")).atPriority(1)
                .withRequestBody(containing("GD-LOG-B")).willReturn(status(422).withBody("{\"error\":\"incomplete\"}")));
        HOTLINE.stubFor(get(urlPathEqualTo("/api/v2/workorders")).willReturn(okJson("""
                {"code":0,"msg":"ok","data":{"total":2,"pageNo":1,"pageSize":50,"records":[
                 {"orderNo":"GD-LOG-A","acceptTime":"2026-11-22 09:30:15","updateTime":"2026-11-22 09:31:00",
                  "callerName":"李四","callerPhone":"13900139000","appealType":"投诉","title":"小区物业乱收停车费",
                  "content":"物业超时收费","categoryCode":"C0203","categoryName":"物业管理","areaCode":"330108",
                  "address":"杭州市滨江区浦沿街道xx小区","urgency":"一般","handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"},
                 {"orderNo":"GD-LOG-B","acceptTime":"2026-11-22 09:32:15","updateTime":"2026-11-22 09:33:00",
                  "callerName":"赵六","callerPhone":"13800138000","appealType":"投诉","title":"物业不修电梯",
                  "content":"电梯坏了一周","categoryCode":"C0203","categoryName":"物业管理","areaCode":"330108",
                  "address":"杭州市滨江区浦沿街道yy小区","urgency":"一般","handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"}]}}""")));
        HOTLINE.stubFor(post(urlPathMatching("/api/v2/workorders/[^/]+/feedback")).willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
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
    void theMessageLogListsEveryMessageInAndOutAndWhatIsParked() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(statusOf("GD-LOG-A")));
        String caseA = caseOf("GD-LOG-A");
        assertThat(event(caseA, "ev-log-1", "SIGNED").getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> !HOTLINE.findAll(postRequestedFor(
                urlPathEqualTo("/api/v2/workorders/GD-LOG-A/feedback"))).isEmpty());
        String feedbackSent = HOTLINE.findAll(postRequestedFor(urlPathEqualTo("/api/v2/workorders/GD-LOG-A/feedback")))
                .get(0).getBodyAsString();
        assertThat(event(caseA, "ev-log-2", "RECEIVED").getStatusCode().value()).as("backwards").isEqualTo(409);
        await().atMost(Duration.ofSeconds(15)).until(() -> messages("admin", caseA).path("messages").size() >= 5);

        JsonNode log = messages("admin", caseA);
        assertThat(log.path("bodies").asBoolean()).isTrue();
        List<String> kinds = new ArrayList<>();
        log.path("messages").forEach(m -> kinds.add(m.path("direction").asText() + " " + m.path("system").asText() + " "
                + m.path("outcome").asText()));
        assertThat(kinds).containsExactly("IN HOTLINE12345 accepted", "OUT DEPT:" + DEPT + " sent",
                "IN DEPT:" + DEPT + " accepted", "OUT HOTLINE12345 sent", "IN DEPT:" + DEPT + " rejected");
        List<OffsetDateTime> times = new ArrayList<>();
        for (JsonNode m : log.path("messages")) {
            String body = m.path("body").asText();
            assertThat(m.path("sha256").asText()).isEqualTo(MessageLog.sha256(body));
            assertThat(m.path("size").asLong()).isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(m.path("at").asText()).endsWith("+08:00");
            assertThat(m.path("caseId").asText()).isEqualTo(caseA);
            times.add(OffsetDateTime.parse(m.path("at").asText()));
        }
        assertThat(times).isSorted();
        JsonNode in = log.at("/messages/0");
        assertThat(in.path("ref").asText()).isEqualTo("GD-LOG-A");
        assertThat(in.path("endpoint").asText()).isEqualTo("GET " + HOTLINE.baseUrl() + "/api/v2/workorders (poll)");
        assertThat(in.path("body").asText()).contains("小区物业乱收停车费");
        JsonNode dispatch = log.at("/messages/1");
        assertThat(dispatch.path("ref").asText()).isEqualTo(caseA + ":1");
        assertThat(dispatch.path("endpoint").asText()).isEqualTo("POST " + DEPTS.baseUrl() + "/depts/" + DEPT + "/dispatch");
        assertThat(log.at("/messages/3/body").asText()).isEqualTo(feedbackSent);
        assertThat(log.at("/messages/3/endpoint").asText())
                .isEqualTo("POST " + HOTLINE.baseUrl() + "/api/v2/workorders/{orderNo}/feedback");
        assertThat(log.at("/messages/4/reason").asText()).contains("RECEIVED");
        assertThat(log.at("/messages/4/endpoint").asText()).isEqualTo("POST /api/v1/cases/{caseId}/events");
        assertThat(log.path("parked")).isEmpty();

        JsonNode viewed = messages("viewer", caseA);
        assertThat(viewed.path("bodies").asBoolean()).isFalse();
        assertThat(viewed.path("messages")).hasSize(log.path("messages").size());
        viewed.path("messages").forEach(m -> assertThat(m.has("body")).as("no body for a viewer").isFalse());
        assertThat(viewed.toString()).doesNotContain("13900139000", "李四");

        // the case links to its log; unknown cases are 404, anonymous callers must log in
        JsonNode view = Json.read(rest.withBasicAuth("viewer", "viewer").getForObject("/api/v1/cases/" + caseA, String.class),
                JsonNode.class);
        assertThat(view.at("/links/messages").asText()).isEqualTo("/api/v1/cases/" + caseA + "/messages");
        assertThat(rest.withBasicAuth("viewer", "viewer").getForEntity("/api/v1/cases/HUB-20261122-999999/messages",
                String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> anonymous = rest.getForEntity("/api/v1/cases/" + caseA + "/messages", String.class);
        assertThat(anonymous.getBody()).as("anonymous: nothing of the log").doesNotContain("sha256");
        assertThat(anonymous.getStatusCode().value() == 401 || String.valueOf(anonymous.getBody()).contains("Hawtio"))
                .as("anonymous: refused or sent to the login page, got " + anonymous.getStatusCode()).isTrue();
    }

    @Test
    void aParkedMessageIsListedWithTheOperationThatReplaysIt() {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf("GD-LOG-B") != null
                && messages("viewer", caseOf("GD-LOG-B")).path("parked").size() == 1);
        String caseB = caseOf("GD-LOG-B");
        JsonNode parked = messages("viewer", caseB).at("/parked/0");
        assertThat(parked.path("queue").asText()).isEqualTo("DLQ.HUB.DISPATCH." + DEPT);
        assertThat(parked.path("from").asText()).isEqualTo("HUB.DISPATCH." + DEPT);
        assertThat(parked.path("outcome").asText()).isEqualTo("parked");
        assertThat(parked.path("reason").asText()).contains("422");
        String href = parked.at("/replay/href").asText();
        assertThat(href).isEqualTo("/api/v1/admin/dlq/HUB.DISPATCH." + DEPT + "/replay?messageId="
                + parked.path("messageId").asText());
        assertThat(parked.at("/replay/method").asText()).isEqualTo("POST");

        DEPTS.removeStub(refusesB);
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity(href, null, String.class).getStatusCode().value())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> "DISPATCHED".equals(statusOf("GD-LOG-B")));
        assertThat(messages("admin", caseB).path("parked")).isEmpty();
        assertThat(messages("admin", caseB).path("messages")).extracting(m -> m.path("direction").asText() + " "
                + m.path("system").asText()).contains("OUT DEPT:" + DEPT);
    }

    @Test
    void theSearchFindsCasesByEachFilterAndNamesWhatIsWrongInARequest() {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf("GD-LOG-A") != null && caseOf("GD-LOG-B") != null);
        String caseA = caseOf("GD-LOG-A");
        JsonNode bySource = search("source=hotline12345&sourceId=GD-LOG-A");
        assertThat(bySource.path("total").asLong()).isEqualTo(1);
        JsonNode a = bySource.at("/items/0");
        assertThat(a.path("caseId").asText()).isEqualTo(caseA);
        assertThat(a.at("/source/system").asText()).isEqualTo("HOTLINE12345");
        assertThat(a.path("title").asText()).isEqualTo("小区物业乱收停车费");
        assertThat(a.at("/category/name").asText()).isNotBlank();
        assertThat(a.path("risk").asText()).isIn("RED", "YELLOW", "GREEN");
        assertThat(a.path("receivedAt").asText()).endsWith("+08:00");
        assertThat(a.path("updatedAt").asText()).endsWith("+08:00");
        assertThat(a.path("href").asText()).isEqualTo("/api/v1/cases/" + caseA);
        assertThat(a.toString()).doesNotContain("13900139000", "李四");

        JsonNode byDept = search("deptCode=" + DEPT + "&size=1");
        assertThat(byDept.path("total").asLong()).isEqualTo(2);
        assertThat(byDept.path("items")).hasSize(1);
        String newest = byDept.at("/items/0/caseId").asText();
        assertThat(search("deptCode=" + DEPT + "&size=1&page=1").at("/items/0/caseId").asText()).isNotEqualTo(newest);
        String received = byDept.at("/items/0/receivedAt").asText();
        // an unencoded '+' of the offset arrives as a space and is still understood
        assertThat(search("deptCode=" + DEPT + "&from=" + received).path("total").asLong()).isEqualTo(1);
        assertThat(search("deptCode=" + DEPT + "&to=" + received).path("total").asLong()).isEqualTo(1);
        assertThat(search("status=WITHDRAWN").path("total").asLong()).isZero();
        assertThat(search("risk=" + a.path("risk").asText() + "&sourceId=GD-LOG-A").path("total").asLong()).isEqualTo(1);

        ResponseEntity<String> refused = rest.withBasicAuth("viewer", "viewer")
                .getForEntity("/api/v1/cases?size=201&status=DONE&from=yesterday&stauts=x", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problems = Json.read(refused.getBody(), JsonNode.class).path("problems");
        assertThat(problems).hasSize(4);
        assertThat(problems.toString()).contains("'size' must be a whole number from 1 to 200", "'status' must be one of",
                "'from' must be ISO-8601 with an offset", "unknown parameter 'stauts'");
        assertThat(rest.withBasicAuth("viewer", "viewer").getForEntity("/api/v1/cases?page=100&size=200", String.class)
                .getStatusCode().value()).as("deeper than the first 10 000").isEqualTo(400);
    }

    private JsonNode search(String query) {
        ResponseEntity<String> r = rest.withBasicAuth("viewer", "viewer").getForEntity("/api/v1/cases?" + query, String.class);
        assertThat(r.getStatusCode().value()).as(query).isEqualTo(200);
        return Json.read(r.getBody(), JsonNode.class);
    }

    private JsonNode messages(String user, String caseId) {
        return Json.read(rest.withBasicAuth(user, user).getForObject("/api/v1/cases/" + caseId + "/messages", String.class),
                JsonNode.class);
    }

    private String caseOf(String order) {
        return jdbc.queryForList("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, order).stream()
                .findFirst().orElse(null);
    }

    private String statusOf(String order) {
        return jdbc.queryForList("SELECT status FROM hub_case WHERE source_id = ?", String.class, order).stream()
                .findFirst().orElse(null);
    }

    private ResponseEntity<String> event(String caseId, String eventId, String status) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-wy001");
        return rest.postForEntity("/api/v1/cases/" + caseId + "/events", new HttpEntity<>("{\"eventId\":\"" + eventId
                + "\",\"status\":\"" + status + "\",\"occurredAt\":\"" + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"王警官\"}}", h),
                String.class);
    }
}
