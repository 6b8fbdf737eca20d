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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.hub.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * The whole loop for the petition platform: a signed petition pushed to the hub is answered 200 with its case id,
 * becomes one case (also when pushed again), is dispatched to its (WireMock) department, the department's events
 * come back through the API, and 受理, 交办, 办理中, 办理中, 办结 arrive at the (WireMock) platform as signed BLZT,
 * in order; CLOSED after RESOLVED sends no second 办结. A DOCTYPE push is refused and kept in the audit log.
 */
@CamelSpringBootTest
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PetitionClosedLoopTest {

    static final String SECRET = "test-petition-secret-e2e-0001";
    static final String XFJBH = "XF3301082026112200007";
    static final String DEPT = "330108-WY-001";
    static final String BLZT = "/xf/api/v1/blzt";
    static WireMockServer PETITION;
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PETITION = HubTestSupport.started();
        DEPTS = HubTestSupport.started();
        HubTestSupport.registerDepartments(registry, DEPTS);
        HubTestSupport.acceptDispatches(DEPTS);
        PETITION.addStubMapping(StubMapping.buildFrom(HubTestSupport.fixture("petition/mappings/blzt-ok.json")));
        registry.add("hub.connectors.hotline12345.enabled", () -> "false");
        registry.add("hub.connectors.petition.enabled", () -> "true");
        registry.add("hub.connectors.petition.base-url", PETITION::baseUrl);
        registry.add("hub.connectors.petition.shared-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        PETITION.stop();
        DEPTS.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPushedPetitionClosesTheLoopWithSignedStatusInOrder() throws Exception {
        // 1. pushed, answered with the case id once stored; pushed again unchanged: the same id, still one case
        byte[] petition = HubTestSupport.fixture("petition/samples/valid/contract-example.xml").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> accepted = push(petition);
        assertThat(accepted.statusCode()).isEqualTo(200);
        String caseId = element(accepted.body(), "CaseId");
        assertThat(accepted.body()).isEqualTo("<Ack><Code>0</Code><CaseId>" + caseId + "</CaseId></Ack>");
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(element(push(petition).body(), "CaseId")).isEqualTo(caseId);

        // 2. classified (物业管理 → B03) and dispatched to the property department, group and repeat marks carried
        String dispatchPath = "/depts/" + DEPT + "/dispatch";
        await().atMost(Duration.ofSeconds(30)).until(() -> !DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).isEmpty());
        JsonNode order = Json.read(DEPTS.findAll(postRequestedFor(urlPathEqualTo(dispatchPath))).get(0).getBodyAsString(),
                JsonNode.class);
        assertThat(order.path("caseId").asText()).isEqualTo(caseId);
        assertThat(order.at("/source/system").asText()).isEqualTo("PETITION");
        assertThat(order.at("/source/sourceId").asText()).isEqualTo(XFJBH);
        assertThat(order.at("/source/channel").asText()).isEqualTo("PUSH");
        assertThat(order.at("/category/code").asText()).isEqualTo("B03");
        assertThat(order.at("/category/sourceCode").asText()).isEqualTo("物业管理");
        assertThat(order.at("/headcount").asInt()).isEqualTo(12);
        assertThat(order.at("/related/repeatCount").asInt()).isEqualTo(1);
        assertThat(order.at("/appealType").asText()).isEqualTo("网上信访");
        assertThat(order.at("/parties/1/name").asText()).isEqualTo("赵六");
        assertThat(order.at("/reportedAt").asText()).isEqualTo("2026-11-22T10:02:00+08:00");
        assertThat(order.at("/risk/level").asText()).as("a group petition").isEqualTo("YELLOW");
        assertThat(order.at("/risk/reasons").toString()).contains("集体访");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(caseStatus(caseId)));
        await().atMost(Duration.ofSeconds(10)).until(() -> rawMessages("DUPLICATE") == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_case WHERE source_system = 'PETITION' AND source_id = ?",
                Integer.class, XFJBH)).as("pushed twice, one case").isEqualTo(1);

        // 3. the department reports its steps through the API
        for (String status : List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED")) {
            assertThat(report(caseId, "ev-xf-" + status, status).getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(caseStatus(caseId)));
        }

        // 4. 受理, 交办, 办理中 ×2, 办结 reach the platform in order, each signed over the exact bytes sent
        await().atMost(Duration.ofSeconds(15)).until(() -> statusPosts().size() == 5);
        List<LoggedRequest> sent = statusPosts();
        assertThat(sent).extracting(r -> element(r.getBodyAsString(), "ZT")).containsExactly("受理", "交办", "办理中", "办理中", "办结");
        for (LoggedRequest r : sent) {
            assertThat(r.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
            assertThat(r.getHeader("X-Signature")).isEqualTo(hmac(r.getHeader("X-Timestamp"), r.getBody()));
            assertThat(element(r.getBodyAsString(), "XFJBH")).isEqualTo(XFJBH);
            assertThat(element(r.getBodyAsString(), "BLDWDM")).isEqualTo(DEPT);
            assertThat(element(r.getBodyAsString(), "BLSJ")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        }
        assertThat(element(sent.get(4).getBodyAsString(), "BLYJ")).isEqualTo("RESOLVED");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message"
                + " WHERE system = 'PETITION' AND direction = 'OUT' AND outcome = 'SENT'", Integer.class) == 5);
    }

    @Test
    void aHostilePushIsRefusedAndKeptInTheAuditLog() {
        HttpResponse<String> refused = push(HubTestSupport.fixture("petition/samples/hostile/doctype-xxe.xml")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("<Ack><Code>E400</Code><Message>DOCTYPE is not allowed</Message></Ack>");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM raw_message"
                + " WHERE system = 'PETITION' AND outcome = 'REJECTED' AND body LIKE '%file:///etc/passwd%'", Integer.class) == 1);
    }

    private HttpResponse<String> push(byte[] body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/inbound/petition"))
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .header("X-Timestamp", timestamp)
                    .header("X-Signature", hmac(timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("push failed: " + e, e);
        }
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

    private int rawMessages(String outcome) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM raw_message WHERE system = 'PETITION' AND ref = ? AND outcome = ?",
                Integer.class, XFJBH, outcome);
    }

    private static List<LoggedRequest> statusPosts() {
        List<ServeEvent> served = new ArrayList<>(PETITION.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        return served.stream().map(ServeEvent::getRequest).filter(r -> r.getUrl().equals(BLZT)).toList();
    }

    private static String element(String xml, String name) {
        return SafeXml.text(SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement(), name);
    }

    /** Independent of the connector's signer: base64(HMAC-SHA256(secret, timestamp + "." + body)) with javax.crypto. */
    private static String hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
