package org.disputehub.connector.hotline12345;

import org.disputehub.canonical.connector.RelayRoute;
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

class Hotline12345RelayTest extends Hotline12345ContextTest {

    private static final String FEEDBACK = ORDERS + "/[A-Za-z0-9]+/feedback";

    @Test
    void aRelayEventBecomesASignedFeedbackPostAndIsAudited() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000017", "GD20261122000105", CaseStatus.SIGNED, "已签收，正在联系物业"));

        RawMessage audit = rawMessages(1).get(0);

        LoggedRequest post = single(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(ORDERS + "/GD20261122000105/feedback"))));
        assertThat(post.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(post.getBodyAsString()).isEqualTo("{\"status\":\"SIGN\",\"handleDeptCode\":\"330108-ZF-001\","
                + "\"handleDept\":\"浦沿街道综合执法队\",\"handleTime\":\"2026-11-22 09:40:10\","
                + "\"handleResult\":\"已签收，正在联系物业\"}");
        assertSignedIndependently(post, APP_KEY, APP_SECRET);
        assertThat(audit.system()).isEqualTo("HOTLINE12345");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.outcome()).isEqualTo("SENT");
        assertThat(audit.ref()).isEqualTo("GD20261122000105");
        assertThat(audit.contentType()).isEqualTo("application/json");
        assertThat(audit.body()).isEqualTo(post.getBodyAsString());
        assertThat(store.relayDelivered(eventId, "HOTLINE12345")).isTrue();
        assertThat(drain(AUDIT)).as("a relay is stored directly, not sent to the audit queue").isEmpty();
    }

    @Test
    void aRelayRedeliveredAfterItsDatabaseCommitIsNeitherSentNorAuditedAgain() throws Exception {
        String route = RelayRoute.routeId(Hotline12345.CONNECTOR);
        rollBackNextCommit(route);
        double skipped = count("hub.connector.messages", "direction", "out", "outcome", "skipped");
        NotifyBuilder twice = new NotifyBuilder(camel).fromRoute(route).whenDone(2).create();
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000024", "GD20261122000110", CaseStatus.SIGNED, null));

        assertThat(twice.matches(10, TimeUnit.SECONDS)).as("delivered, rolled back, delivered again").isTrue();
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(ORDERS + "/GD20261122000110/feedback")))).hasSize(1);
        assertThat(rawMessages()).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        assertThat(count("hub.connector.messages", "direction", "out", "outcome", "skipped") - skipped)
                .as("the second delivery found it delivered").isEqualTo(1);
        assertThat(store.relayDelivered(eventId, "HOTLINE12345")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void theEventsOfOneCaseAreSentInOrder() throws Exception {
        String caseId = "HUB-20261122-000018";
        relay(event(UUID.randomUUID().toString(), caseId, "GD20261122000106", CaseStatus.SIGNED, null));
        relay(event(UUID.randomUUID().toString(), caseId, "GD20261122000106", CaseStatus.HANDLING, null));
        relay(event(UUID.randomUUID().toString(), caseId, "GD20261122000106", CaseStatus.RESOLVED, "已协调包工头当场支付工资"));
        rawMessages(3);

        List<ServeEvent> served = new ArrayList<>(WIREMOCK.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        assertThat(served).extracting(e -> Json.mapper().readTree(e.getRequest().getBodyAsString()).path("status").asText())
                .containsExactly("SIGN", "PROCESS", "FINISH");
        assertThat(Json.mapper().readTree(served.get(1).getRequest().getBodyAsString()).path("handleResult").asText())
                .isEqualTo("正在处置中");
        assertThat(Json.mapper().readTree(served.get(2).getRequest().getBodyAsString()).path("handleResult").asText())
                .isEqualTo("已协调包工头当场支付工资");
    }

    @Test
    void anEventAlreadyDeliveredIsNotSentAgain() {
        String eventId = UUID.randomUUID().toString();
        store.markRelayDelivered(eventId, "HOTLINE12345");
        double skipped = count("hub.connector.messages", "direction", "out", "outcome", "skipped");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Hotline12345.CONNECTOR)).whenDone(1).create();

        relay(event(eventId, "HUB-20261122-000019", "GD20261122000107", CaseStatus.SIGNED, null));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathMatching(FEEDBACK)))).isEmpty();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(count("hub.connector.messages", "direction", "out", "outcome", "skipped") - skipped).isEqualTo(1);
    }

    @Test
    void statusesWithoutAHotlineEquivalentAreNotSent() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Hotline12345.CONNECTOR)).whenDone(3).create();

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", "GD20261122000108", CaseStatus.DISPATCHED, null));
        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", "GD20261122000108", CaseStatus.ESCALATED, null));
        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", "GD20261122000108", CaseStatus.CLOSED, null));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathMatching(FEEDBACK)))).isEmpty();
    }

    @Test
    void anUnknownOrderIsParkedOnTheDlqAtOnce() throws Exception {
        String body = Json.write(event(UUID.randomUUID().toString(), "HUB-20261122-000021", "GD00000000000000",
                CaseStatus.SIGNED, null));
        relay(RELAY, body, "HUB-20261122-000021");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("4004");
        assertThat(parked.getStringProperty("HubParkedFrom")).isEqualTo(RELAY);
        assertThat(text(parked)).isEqualTo(body);
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(ORDERS + "/GD00000000000000/feedback")))).hasSize(1);
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aMalformedRelayMessageIsParked() throws Exception {
        relay(RELAY, "{\"event\":{\"caseId\":\"HUB-20261122-000022\"}}", "HUB-20261122-000022");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("eventId");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathMatching(FEEDBACK)))).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndTheEventDeliveredOnce() throws Exception {
        String url = ORDERS + "/GD20261122000109/feedback";
        WIREMOCK.stubFor(post(urlPathEqualTo(url)).atPriority(1).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(okJson(Fixtures.text("samples/errors/5000-server-error.json"))).willSetStateTo("ok"));
        WIREMOCK.stubFor(post(urlPathEqualTo(url)).atPriority(1).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"code\":0,\"msg\":\"ok\"}")));
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000023", "GD20261122000109", CaseStatus.RESOLVED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        List<LoggedRequest> posts = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(url))
                .withRequestBody(equalToJson("{\"status\":\"FINISH\",\"handleResult\":\"已办结，问题已解决\"}", true, true)));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(0).getHeader("X-Nonce")).isNotEqualTo(posts.get(1).getHeader("X-Nonce"));
        assertThat(store.relayDelivered(eventId, "HOTLINE12345")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    private static RelayEvent event(String eventId, String caseId, String orderNo, CaseStatus status, String note) {
        StatusEvent event = new StatusEvent(eventId, caseId, status, OffsetDateTime.parse("2026-11-22T09:40:10+08:00"),
                new StatusEvent.Actor("330108-ZF-001", "王警官"), note, "DEPT");
        return new RelayEvent(event, "HOTLINE12345", orderNo, "330108-ZF-001", "浦沿街道综合执法队");
    }

    private void relay(RelayEvent event) {
        relay(RELAY, Json.write(event), event.event().caseId());
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
