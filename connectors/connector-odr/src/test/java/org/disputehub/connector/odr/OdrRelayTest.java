package org.disputehub.connector.odr;

import org.disputehub.canonical.connector.RelayRoute;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;

class OdrRelayTest extends OdrContextTest {

    private static final String STATUS_PATH = "/api/v1/disputes/%s/status";

    @Test
    void aRelayEventBecomesAnAuthorisedPutAndIsAudited() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000101", "ODR-2026-000123", CaseStatus.DISPATCHED, null));

        RawMessage audit = rawMessages(1).get(0);

        LoggedRequest sent = single(WIREMOCK.findAll(putRequestedFor(urlPathEqualTo(path("ODR-2026-000123")))));
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer odr-fixture-token");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/json");
        assertThat(sent.getBodyAsString()).isEqualTo("{\"status\":\"ASSIGNED\",\"assignee\":\"长河街道人民调解委员会\","
                + "\"assigneeCode\":\"330108-TJ-003\",\"note\":\"已分派处置单位\",\"updatedAt\":\"2026-11-22T10:20:00+08:00\"}");
        assertThat(audit.system()).isEqualTo("ODR");
        assertThat(audit.outcome()).isEqualTo("SENT");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.ref()).isEqualTo("ODR-2026-000123");
        assertThat(audit.body()).isEqualTo(sent.getBodyAsString());
        assertThat(store.relayDelivered(eventId, "ODR")).isTrue();
        assertThat(drain(AUDIT)).as("a relay is stored directly, not sent to the audit queue").isEmpty();
        assertThat(store.sourceVersion("ODR-ASSIGNEE", "HUB-20261122-000101")).as("the case's department is remembered")
                .contains("330108-TJ-003");
    }

    @Test
    void theEventsOfOneCaseArriveInOrderInTheOdrVocabulary() throws Exception {
        String caseId = "HUB-20261122-000102";
        List<CaseStatus> loop = List.of(CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.ARRIVED,
                CaseStatus.HANDLING, CaseStatus.RESOLVED, CaseStatus.CLOSED);
        for (CaseStatus s : loop) {
            relay(event(UUID.randomUUID().toString(), caseId, "ODR-2026-000130", s, s == CaseStatus.RESOLVED ? "当事双方和解" : null));
        }
        rawMessages(loop.size());

        assertThat(puts("ODR-2026-000130")).extracting(r -> json(r.getBodyAsString()).path("status").asText())
                .containsExactly("ACCEPTED", "ASSIGNED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "RESOLVED", "CLOSED");
        assertThat(json(puts("ODR-2026-000130").get(5).getBodyAsString()).path("note").asText()).isEqualTo("当事双方和解");
    }

    @Test
    void statusesWithoutAnOdrEquivalentAndEventsAlreadyDeliveredAreNotSent() {
        String delivered = UUID.randomUUID().toString();
        store.markRelayDelivered(delivered, "ODR");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Odr.CONNECTOR)).whenDone(5).create();

        for (CaseStatus s : List.of(CaseStatus.RETURNED, CaseStatus.WITHDRAWN, CaseStatus.REVISITED, CaseStatus.ESCALATED)) {
            relay(event(UUID.randomUUID().toString(), "HUB-20261122-000103", "ODR-2026-000131", s, null));
        }
        relay(event(delivered, "HUB-20261122-000103", "ODR-2026-000131", CaseStatus.SIGNED, null));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(WIREMOCK.findAll(putRequestedFor(urlPathMatching("/api/v1/disputes/.*")))).isEmpty();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void anUnknownDisputeIsParkedAtOnce() throws Exception {
        String body = Json.write(event(UUID.randomUUID().toString(), "HUB-20261122-000104", "ODR-0000-000404",
                CaseStatus.SIGNED, null));
        relay(RELAY, body, "HUB-20261122-000104");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("HTTP 404");
        assertThat(text(parked)).isEqualTo(body);
        assertThat(puts("ODR-0000-000404")).hasSize(1);
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void anOlderStatusThanThePlatformsIsDroppedWithAFailedRecordNotParked() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000105", "ODR-0000-000409", CaseStatus.SIGNED, null));

        RawMessage audit = rawMessages(1).get(0);

        assertThat(audit.outcome()).isEqualTo("FAILED");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.reason()).contains("409");
        assertThat(puts("ODR-0000-000409")).hasSize(1);
        assertThat(audit.body()).isEqualTo(puts("ODR-0000-000409").get(0).getBodyAsString());
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(drain(RELAY_DLQ)).isEmpty();
        assertThat(store.relayDelivered(eventId, "ODR")).isFalse();
    }

    @Test
    void rateLimitedWaitsAsLongAsRetryAfterSaysThenSends() throws Exception {
        String dispute = "ODR-2026-000140";
        failOnceWith(dispute, aResponse().withStatus(429).withHeader("Retry-After", "1"));

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000106", dispute, CaseStatus.SIGNED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        List<LoggedRequest> sent = puts(dispute);
        assertThat(sent).hasSize(2);
        assertThat(gap(sent)).as("the policy's own delay is 50 ms").isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsCutToIt() throws Exception {
        String dispute = "ODR-2026-000141";
        failOnceWith(dispute, aResponse().withStatus(429).withHeader("Retry-After", "3600"));

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000107", dispute, CaseStatus.SIGNED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        Duration gap = gap(puts(dispute));
        assertThat(gap).as("max-retry-after is 2 s").isGreaterThanOrEqualTo(Duration.ofMillis(2000))
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServerErrorIsRetriedAndTheEventDeliveredOnce() throws Exception {
        String dispute = "ODR-2026-000142";
        failOnceWith(dispute, aResponse().withStatus(503));
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000108", dispute, CaseStatus.RESOLVED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        assertThat(puts(dispute)).hasSize(2);
        assertThat(store.relayDelivered(eventId, "ODR")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
    }

    @Test
    void aServerErrorThatLastsIsParkedAfterTheRetries() throws Exception {
        WIREMOCK.stubFor(put(urlPathEqualTo(path("ODR-2026-000143"))).atPriority(1).willReturn(aResponse().withStatus(500)));

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000109", "ODR-2026-000143", CaseStatus.SIGNED, null));

        Message parked = next(RELAY_DLQ);
        assertThat(parked.getStringProperty("HubParkReason")).contains("TemporaryFailureException").contains("HTTP 500");
        assertThat(puts("ODR-2026-000143")).as("1 + 2 redeliveries").hasSize(3);
    }

    private void failOnceWith(String dispute, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder reply) {
        WIREMOCK.stubFor(put(urlPathEqualTo(path(dispute))).atPriority(1).inScenario(dispute)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(reply).willSetStateTo("ok"));
        WIREMOCK.stubFor(put(urlPathEqualTo(path(dispute))).atPriority(1).inScenario(dispute)
                .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(204)));
    }

    private static Duration gap(List<LoggedRequest> two) {
        return Duration.between(two.get(0).getLoggedDate().toInstant(), two.get(1).getLoggedDate().toInstant());
    }

    private static String path(String dispute) {
        return String.format(STATUS_PATH, dispute);
    }

    private static List<LoggedRequest> puts(String dispute) {
        return WIREMOCK.findAll(putRequestedFor(urlPathEqualTo(path(dispute)))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    static RelayEvent event(String eventId, String caseId, String disputeId, CaseStatus status, String note) {
        StatusEvent event = new StatusEvent(eventId, caseId, status, OffsetDateTime.parse("2026-11-22T02:20:00Z"),
                new StatusEvent.Actor("330108-TJ-003", "调解员"), note, "DEPT");
        return new RelayEvent(event, "ODR", disputeId, "330108-TJ-003", "长河街道人民调解委员会");
    }

    private void relay(RelayEvent event) {
        relay(RELAY, Json.write(event), event.event().caseId());
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
