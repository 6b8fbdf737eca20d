package org.disputehub.hub.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.RawMessage;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The department channel and the hub's API as the published interface describes them: a department answering
 * {@code 429}/{@code 503} with {@code Retry-After} (seconds or an HTTP-date) gets the retry no earlier than it asked,
 * cut to {@code hub.dispatch.max-retry-after}; every time the API writes (case, dispatches, history, KPIs, parked
 * messages) carries {@code +08:00}, whatever offset it was stored or reported with.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.connectors.hotline12345.poll-interval=1h", "hub.linking.enabled=false", "hub.dispatch.max-retry-after=PT3S"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DepartmentInterfaceTest {

    static final String DEPT = "330108-WY-001";
    static final String DISPATCH = "/depts/" + DEPT + "/dispatch";
    static WireMockServer DEPTS;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        DEPTS = HubTestSupport.started();
        HubTestSupport.acceptDispatches(DEPTS);
        HubTestSupport.registerDepartments(registry, DEPTS);
        registry.add("hub.connectors.hotline12345.base-url", DEPTS::baseUrl); // enabled for its vocabulary only
    }

    @AfterAll
    static void stop() {
        DEPTS.stop();
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    void a429WithRetryAfterInSecondsIsRetriedNoEarlierThanAsked() {
        failOnceWith("GD-RA-SECONDS", aResponse().withStatus(429).withHeader("Retry-After", "2"));
        String caseId = intake("GD-RA-SECONDS");

        List<LoggedRequest> sent = awaitTwoDispatches(caseId);
        assertThat(gap(sent)).as("the policy's own delay is 50 ms").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        awaitStatus(caseId, "DISPATCHED");
    }

    @Test
    void a503WithAnHttpDateIsRetriedNoEarlierThanThatDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3));
        Instant due = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        failOnceWith("GD-RA-DATE", aResponse().withStatus(503).withHeader("Retry-After", date));
        String caseId = intake("GD-RA-DATE");

        List<LoggedRequest> sent = awaitTwoDispatches(caseId);
        assertThat(sent.get(1).getLoggedDate().toInstant()).as("Retry-After: " + date).isAfterOrEqualTo(due);
        awaitStatus(caseId, "DISPATCHED");
    }

    @Test
    void aRetryAfterLongerThanTheCapIsCutToIt() {
        failOnceWith("GD-RA-LONG", aResponse().withStatus(429).withHeader("Retry-After", "3600"));
        String caseId = intake("GD-RA-LONG");

        List<LoggedRequest> sent = awaitTwoDispatches(caseId);
        assertThat(gap(sent)).as("max-retry-after is 3 s").isGreaterThanOrEqualTo(Duration.ofSeconds(3))
                .isLessThan(Duration.ofSeconds(15));
        awaitStatus(caseId, "DISPATCHED");
    }

    @Test
    void everyTimeTheApiWritesCarriesPlus0800() {
        String caseId = intake("GD-TZ-1");
        awaitStatus(caseId, "DISPATCHED");
        // reported in UTC: the API answers in +08:00 all the same
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBearerAuth("demo-key-wy001");
        String event = "{\"eventId\":\"tz-1\",\"status\":\"SIGNED\",\"occurredAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC)
                + "\",\"note\":\"已签收\"}";
        assertThat(rest.exchange("/api/v1/cases/" + caseId + "/events", HttpMethod.POST, new HttpEntity<>(event, h),
                String.class).getStatusCode().value()).isEqualTo(202);
        awaitStatus(caseId, "SIGNED");

        JsonNode view = get("viewer", "/api/v1/cases/" + caseId);
        assertThat(view.at("/dispatches/0/sentAt").isTextual()).as("the dispatch has been sent").isTrue();
        assertThat(view.at("/statusHistory/2/occurredAt").isTextual()).isTrue();
        assertAllTimesAtPlus0800(view, 6);

        JsonNode kpis = get("viewer", "/api/v1/kpis?from=2026-11-22T00:00:00Z&to=2030-01-01T00:00:00Z");
        assertThat(kpis.path("from").asText()).isEqualTo("2026-11-22T08:00:00+08:00");
        assertAllTimesAtPlus0800(kpis, 2);

        failOnceWith("GD-TZ-PARKED", aResponse().withStatus(400).withBody("{\"error\":\"no such street\"}"));
        String parked = intake("GD-TZ-PARKED");
        await().atMost(Duration.ofSeconds(15)).until(() -> get("admin", "/api/v1/admin/dlq/HUB.DISPATCH." + DEPT)
                .path("messages").findValuesAsText("caseId").contains(parked));
        assertAllTimesAtPlus0800(get("admin", "/api/v1/admin/dlq/HUB.DISPATCH." + DEPT), 1);
    }

    private static void assertAllTimesAtPlus0800(JsonNode json, int atLeast) {
        List<String> times = new ArrayList<>();
        collectTimes(json, "", times);
        assertThat(times).hasSizeGreaterThanOrEqualTo(atLeast)
                .allSatisfy(t -> assertThat(t).as(t).endsWith("+08:00"));
    }

    private static void collectTimes(JsonNode node, String path, List<String> out) {
        if (node.isTextual() && node.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
            out.add(path + " = " + node.asText());
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectTimes(e.getValue(), path + "/" + e.getKey(), out));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectTimes(node.get(i), path + "/" + i, out);
        }
    }

    private JsonNode get(String user, String path) {
        return Json.read(rest.withBasicAuth(user, user).getForObject(path, String.class), JsonNode.class);
    }

    /** The department answers the order of this work order with {@code reply} once, then accepts it. */
    private static void failOnceWith(String orderNo, ResponseDefinitionBuilder reply) {
        DEPTS.stubFor(post(urlPathEqualTo(DISPATCH)).atPriority(1).withRequestBody(containing(orderNo))
                .inScenario(orderNo).whenScenarioStateIs(Scenario.STARTED).willReturn(reply).willSetStateTo("answered"));
    }

    private static List<LoggedRequest> awaitTwoDispatches(String caseId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> orders(caseId).size() >= 2);
        List<LoggedRequest> sent = orders(caseId);
        assertThat(sent).hasSize(2);
        return sent;
    }

    private static List<LoggedRequest> orders(String caseId) {
        return DEPTS.findAll(postRequestedFor(urlPathEqualTo(DISPATCH))).stream()
                .filter(r -> (caseId + ":1").equals(r.getHeader("Idempotency-Key")))
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    private static Duration gap(List<LoggedRequest> two) {
        return Duration.between(two.get(0).getLoggedDate().toInstant(), two.get(1).getLoggedDate().toInstant());
    }

    private String intake(String orderNo) {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-22T01:30:15Z");
        CanonicalCase c = new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource("HOTLINE12345", orderNo, "HOTLINE", t, null), t, "小区物业乱收停车费 " + orderNo,
                "物业超时收费", Category.unclassifiedFrom("C0203", "物业管理"), "投诉", List.of(Party.reporter("李四", null)),
                null, null, new Location("杭州市滨江区浦沿街道xx小区", "330108", null, null, null), "NORMAL", null, null,
                null, CaseStatus.RECEIVED);
        CaseEnvelope e = new CaseEnvelope(UUID.randomUUID().toString(), EnvelopeType.NEW, "HOTLINE12345", orderNo, t, c,
                null, new RawMessage("application/json", Json.write(Map.of("orderNo", orderNo))));
        jms.send("HUB.INTAKE", s -> {
            TextMessage m = s.createTextMessage(Json.write(e));
            m.setStringProperty("JMSXGroupID", "HOTLINE12345:" + orderNo);
            return m;
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> !jdbc.queryForList(
                "SELECT case_id FROM hub_case WHERE source_id = ?", String.class, orderNo).isEmpty());
        return jdbc.queryForObject("SELECT case_id FROM hub_case WHERE source_id = ?", String.class, orderNo);
    }

    private void awaitStatus(String caseId, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(jdbc.queryForObject(
                "SELECT status FROM hub_case WHERE case_id = ?", String.class, caseId)));
    }
}
