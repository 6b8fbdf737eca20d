package org.disputehub.hub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The two loops of the ODR platform. (a) A signed dispute.created webhook is answered 200 with the case id, the case
 * is dispatched to its (WireMock) HTTP department, the department's events come back through the API, and ACCEPTED,
 * ASSIGNED, IN_PROGRESS, IN_PROGRESS, RESOLVED, CLOSED reach the (WireMock) platform as OAuth2 PUTs, in order.
 * (b) A consumer dispute is routed to the odr department 330108-TJ-ODR, handed to online mediation
 * (POST /api/v1/mediations, externalRef = case id); the signed mediation.concluded webhook then resolves and closes
 * the case as that department, and the platform hears ASSIGNED, RESOLVED and CLOSED for its own dispute.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class OdrClosedLoopTest {

    static final String SECRET = "test-odr-webhook-secret-e2e";
    static final String ODR_DEPT = "330108-TJ-ODR";
    static WireMockServer ODR;
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ODR = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.registerDepartments(registry, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        for (String stub : List.of("token", "status-ok", "mediation-created")) {
            ODR.addStubMapping(StubMapping.buildFrom(HubTestSupport.fixture("odr/mappings/" + stub + ".json")));
        }
        registry.add("hub.connectors.hotline12345.enabled", () -> "false");
        registry.add("hub.connectors.odr.enabled", () -> "true");
        registry.add("hub.connectors.odr.base-url", ODR::baseUrl);
        registry.add("hub.connectors.odr.client-id", () -> "e2e-hub");
        registry.add("hub.connectors.odr.client-secret", () -> "e2e-client-secret");
        registry.add("hub.connectors.odr.webhook-secrets[0]", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        ODR.stop();
        DEPTS.stop();
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDisputeFiledOnOdrClosesTheLoopWithStatusPutsInOrder() {
        String disputeId = "ODR-2026-000124";
        ObjectNode created = event("odr/samples/events/dispute-created-property.json");

        // 1. answered with the case id once the envelope is on the intake queue; the retried webhook the same
        ResponseEntity<String> accepted = webhook(created, SECRET);
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        String caseId = Json.read(accepted.getBody(), JsonNode.class).path("caseId").asText();
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(webhook(created, SECRET).getBody()).isEqualTo(accepted.getBody());
        assertThat(webhook(created, "not-the-secret").getStatusCode().value()).isEqualTo(401);

        // 2. classified (PROPERTY → B03) and dispatched to the property department
        String dispatchPath = "/depts/330108-WY-001/dispatch";
        await().atMost(Duration.ofSeconds(30)).until(() -> !DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).isEmpty());
        JsonNode order = Json.read(DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).get(0).getBodyAsString(),
                JsonNode.class);
        assertThat(order.path("caseId").asText()).isEqualTo(caseId);
        assertThat(order.at("/source/system").asText()).isEqualTo("ODR");
        assertThat(order.at("/source/sourceId").asText()).isEqualTo(disputeId);
        assertThat(order.at("/source/channel").asText()).isEqualTo("WEBHOOK");
        assertThat(order.at("/category/code").asText()).isEqualTo("B03");
        assertThat(order.at("/category/sourceCode").asText()).isEqualTo("PROPERTY");
        assertThat(order.at("/parties/1/role").asText()).isEqualTo("RESPONDENT");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE source_system = 'ODR' AND source_id = ?",
                Integer.class, disputeId)).as("delivered twice, one case").isEqualTo(1);

        // 3. the department reports its steps through the API
        for (String status : List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-odr-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(caseId)));
        }

        // 4. every change reaches ODR in its vocabulary, in order, with the bearer token
        await().atMost(Duration.ofSeconds(15)).until(() -> statusPuts(disputeId).size() == 6);
        List<LoggedRequest> puts = statusPuts(disputeId);
        assertThat(puts).extracting(r -> body(r).path("status").asText())
                .containsExactly("ACCEPTED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "RESOLVED", "CLOSED");
        assertThat(puts).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer odr-fixture-token");
            assertThat(body(r).path("updatedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*\\+08:00");
        });
        assertThat(body(puts.get(1)).path("assigneeCode").asText()).isEqualTo("330108-WY-001");
        assertThat(body(puts.get(1)).path("assignee").asText()).isEqualTo("滨江区物业管理科");
        assertThat(ODR.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))).as("the token is cached").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM raw_message WHERE system = 'ODR' AND outcome = 'REJECTED'", Integer.class) == 1);
    }

    @Test
    void aCaseHandedToOnlineMediationIsResolvedAndClosedByItsOutcome() {
        String disputeId = "ODR-2026-000123";

        // 1. a consumer dispute in 330108 (CONSUMER → B05) is routed to the odr department
        String caseId = Json.read(webhook(event("odr/samples/events/dispute-created.json"), SECRET).getBody(), JsonNode.class)
                .path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !ODR.findAll(postRequestedFor(urlPathEqualTo("/api/v1/mediations"))).isEmpty());
        LoggedRequest mediation = ODR.findAll(postRequestedFor(urlPathEqualTo("/api/v1/mediations"))).get(0);
        JsonNode request = body(mediation);
        assertThat(request.path("externalRef").asText()).isEqualTo(caseId);
        assertThat(request.path("disputeType").asText()).isEqualTo("CONSUMER");
        assertThat(request.path("region").asText()).isEqualTo("330108");
        assertThat(request.at("/respondent/type").asText()).isEqualTo("ORG");
        assertThat(mediation.getHeader("Authorization")).isEqualTo("Bearer odr-fixture-token");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        assertThat(jdbc.queryForObject("SELECT state FROM dispatch WHERE case_id = ?", String.class, caseId)).isEqualTo("SENT");

        // 2. the mediation's outcome arrives as a signed webhook
        ObjectNode concluded = event("odr/samples/events/mediation-concluded.json");
        ((ObjectNode) concluded.path("data")).put("disputeId", "MED-" + caseId);
        ResponseEntity<String> answer = webhook(concluded, SECRET);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(Json.read(answer.getBody(), JsonNode.class).path("caseId").asText()).isEqualTo(caseId);

        // 3. the case is resolved and closed as the odr department
        await().atMost(Duration.ofSeconds(15)).until(() -> "CLOSED".equals(caseStatus(caseId)));
        List<String> history = jdbc.queryForList("SELECT status || ' ' || COALESCE(actor_dept, '-') FROM status_event"
                + " WHERE case_id = ? AND outcome = 'ALLOWED' ORDER BY recorded_at", String.class, caseId);
        assertThat(history).containsExactly("RECEIVED -", "DISPATCHED " + ODR_DEPT, "RESOLVED " + ODR_DEPT, "CLOSED " + ODR_DEPT);
        assertThat(jdbc.queryForObject("SELECT note FROM status_event WHERE case_id = ? AND status = 'RESOLVED'",
                String.class, caseId)).contains("ODR-TJ-2026-0456");

        // 4. ODR hears its own dispute's progress
        await().atMost(Duration.ofSeconds(15)).until(() -> statusPuts(disputeId).size() == 4);
        List<LoggedRequest> puts = statusPuts(disputeId);
        assertThat(puts).extracting(r -> body(r).path("status").asText())
                .containsExactly("ACCEPTED", "ASSIGNED", "RESOLVED", "CLOSED");
        assertThat(body(puts.get(1)).path("assigneeCode").asText()).isEqualTo(ODR_DEPT);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message"
                + " WHERE system = ? AND direction = 'OUT' AND outcome = 'SENT' AND ref = ?", Integer.class,
                "DEPT:" + ODR_DEPT, caseId + ":1") == 1);
    }

    private ResponseEntity<String> webhook(JsonNode event, String secret) {
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.set("ODR-Signature", "t=" + t + ",v1=" + hmac(secret, t + "." + event));
        return rest.exchange("/api/inbound/odr", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private ResponseEntity<String> report(String caseId, String eventId, String status) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-wy001");
        String body = "{\"eventId\":\"" + eventId + "\",\"status\":\"" + status + "\",\"occurredAt\":\""
                + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"物业科\"},\"note\":\"" + status + "\"}";
        return rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    private String caseStatus(String caseId) {
        return jdbc.queryForObject("SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId);
    }

    private static List<LoggedRequest> statusPuts(String disputeId) {
        return ODR.findAll(putRequestedFor(urlPathEqualTo("/api/v1/disputes/" + disputeId + "/status"))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static JsonNode body(LoggedRequest r) {
        return Json.read(r.getBodyAsString(), JsonNode.class);
    }

    private static ObjectNode event(String fixture) {
        return (ObjectNode) Json.read(HubTestSupport.fixture(fixture), JsonNode.class);
    }

    /** Independent of the connector's verifier: plain javax.crypto over the string the contract defines. */
    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
