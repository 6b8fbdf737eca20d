package org.disputehub.connector.labor;

import org.disputehub.canonical.connector.RelayRoute;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;

class LaborRelayTest extends LaborContextTest {

    private static final String COMPLAINTS = "/ldjc/api/v1/complaints/";
    private static final String ANY_PROGRESS = COMPLAINTS + "[^/]+/progress";

    @Test
    void aRelayEventBecomesAProgressPostWithTheApiKeyAndIsAudited() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000031", "LD20261122000101", CaseStatus.DISPATCHED, "已交办属地劳动保障所"));

        RawMessage audit = rawMessages(1).get(0);

        List<LoggedRequest> posts = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(COMPLAINTS + "LD20261122000101/progress")));
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        assertThat(post.getHeader("X-Api-Key")).isEqualTo("test-labor-key");
        assertThat(post.getHeader("Content-Type")).startsWith("application/json");
        assertThat(post.getBodyAsString()).isEqualTo("{\"stage\":\"已交办\",\"dept\":\"浦沿街道劳动保障所\","
                + "\"deptCode\":\"330108-LB-002\",\"time\":\"2026-11-22 11:00\",\"remark\":\"已交办属地劳动保障所\"}");
        assertThat(audit.system()).isEqualTo("LABOR");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.outcome()).isEqualTo("SENT");
        assertThat(audit.ref()).isEqualTo("LD20261122000101");
        assertThat(audit.body()).isEqualTo(post.getBodyAsString());
        assertThat(store.relayDelivered(eventId, "LABOR")).isTrue();
        assertThat(drain(AUDIT)).as("a relay is stored directly, not sent to the audit queue").isEmpty();
    }

    @Test
    void theStagesOfOneCaseAreSentInOrderAndTheUnsentOnesAreSkipped() throws Exception {
        String caseId = "HUB-20261122-000032";
        List<CaseStatus> statuses = List.of(CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.SIGNED,
                CaseStatus.ARRIVED, CaseStatus.HANDLING, CaseStatus.RESOLVED, CaseStatus.ESCALATED, CaseStatus.CLOSED,
                CaseStatus.REVISITED);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Labor.CONNECTOR)).whenDone(statuses.size()).create();
        for (CaseStatus status : statuses) {
            relay(event(UUID.randomUUID().toString(), caseId, "LD20261122000102", status, null));
        }

        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();

        List<ServeEvent> served = new ArrayList<>(WIREMOCK.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        assertThat(served).extracting(e -> Json.mapper().readTree(e.getRequest().getBodyAsString()).path("stage").asText())
                .containsExactly("已受理", "已交办", "调处中", "调处中", "调处中", "已办结", "已回访");
        assertThat(served).extracting(e -> Json.mapper().readTree(e.getRequest().getBodyAsString()).path("remark").asText())
                .containsExactly("已受理，正在分派", "已交办属地劳动保障所", "承办单位已签收", "工作人员已到达现场", "正在调处中",
                        "已办结", "已回访投诉人");
        assertThat(rawMessages()).extracting(RawMessage::body).containsExactlyElementsOf(served.stream()
                .map(e -> e.getRequest().getBodyAsString()).toList());
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void anEventAlreadyDeliveredIsNotSentAgain() {
        String eventId = UUID.randomUUID().toString();
        store.markRelayDelivered(eventId, "LABOR");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Labor.CONNECTOR)).whenDone(1).create();

        relay(event(eventId, "HUB-20261122-000033", "LD20261122000103", CaseStatus.SIGNED, null));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathMatching(ANY_PROGRESS)))).isEmpty();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void anUnknownComplaintIsParkedAtOnce() throws Exception {
        String body = Json.write(event(UUID.randomUUID().toString(), "HUB-20261122-000034", "LD00000000000000",
                CaseStatus.SIGNED, null));
        relay(RELAY, body, "HUB-20261122-000034");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("404");
        assertThat(parked.getStringProperty("HubParkedFrom")).isEqualTo(RELAY);
        assertThat(text(parked)).isEqualTo(body);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(COMPLAINTS + "LD00000000000000/progress")))).hasSize(1);
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aMalformedRelayMessageIsParked() throws Exception {
        relay(RELAY, "{\"event\":{\"caseId\":\"HUB-20261122-000035\"}}", "HUB-20261122-000035");

        assertThat(next(RELAY_DLQ).getStringProperty("HubParkReason")).contains("eventId");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathMatching(ANY_PROGRESS)))).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndTheEventDeliveredOnce() throws Exception {
        String url = COMPLAINTS + "LD20261122000106/progress";
        WIREMOCK.stubFor(post(urlPathEqualTo(url)).atPriority(1).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        WIREMOCK.stubFor(post(urlPathEqualTo(url)).atPriority(1).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"ok\":true}")));
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000036", "LD20261122000106", CaseStatus.CLOSED, "已协调用人单位支付工资"));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(url))
                .withRequestBody(equalToJson("{\"stage\":\"已办结\",\"remark\":\"已协调用人单位支付工资\"}", true, true))))
                .hasSize(2);
        assertThat(store.relayDelivered(eventId, "LABOR")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
    }

    @Test
    void aRefusedApiKeyAndAReplyWithoutOkArePermanentAndTemporaryRespectively() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(COMPLAINTS + "LD401/progress")).atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        WIREMOCK.stubFor(post(urlPathEqualTo(COMPLAINTS + "LD200/progress")).atPriority(1)
                .willReturn(okJson("{\"ok\":false}")));

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000037", "LD401", CaseStatus.SIGNED, null));
        assertThat(next(RELAY_DLQ).getStringProperty("HubParkReason")).contains("HTTP 401").contains("api-key");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(COMPLAINTS + "LD401/progress")))).hasSize(1);

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000038", "LD200", CaseStatus.SIGNED, null));
        assertThat(next(RELAY_DLQ).getStringProperty("HubParkReason")).contains("TemporaryFailureException")
                .contains("without {\"ok\":true}");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(COMPLAINTS + "LD200/progress"))))
                .as("tried, then retried twice (hub.errors.maximum-redeliveries=2)").hasSize(3);
    }

    private static RelayEvent event(String eventId, String caseId, String complaintNo, CaseStatus status, String note) {
        StatusEvent event = new StatusEvent(eventId, caseId, status, OffsetDateTime.parse("2026-11-22T03:00:10Z"),
                new StatusEvent.Actor("330108-LB-002", "王调解员"), note, "DEPT");
        return new RelayEvent(event, "LABOR", complaintNo, "330108-LB-002", "浦沿街道劳动保障所");
    }

    private void relay(RelayEvent event) {
        relay(RELAY, Json.write(event), event.event().caseId());
    }
}
