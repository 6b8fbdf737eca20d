package org.disputehub.connector.petition;

import org.disputehub.canonical.connector.RelayRoute;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.RelayEvent;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;

class PetitionRelayTest extends PetitionContextTest {

    private static final String XFJBH = "XF3301082026112200007";

    @Test
    void aRelayEventBecomesASignedBlztAndIsAudited() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000017", XFJBH, CaseStatus.DISPATCHED, "已交办属地街道"));

        RawMessage audit = rawMessages(1).get(0);

        LoggedRequest post = single(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(STATUS_PATH))));
        assertThat(post.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
        assertThat(post.getBodyAsString()).isEqualTo("<BLZT><XFJBH>XF3301082026112200007</XFJBH><ZT>交办</ZT>"
                + "<BLDWDM>330108-ZF-001</BLDWDM><BLDW>西兴街道社会治理中心</BLDW><BLSJ>2026-11-22T10:05:00+08:00</BLSJ>"
                + "<BLYJ>已交办属地街道</BLYJ></BLZT>");
        assertSignedIndependently(post);
        assertThat(audit.system()).isEqualTo("PETITION");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.outcome()).isEqualTo("SENT");
        assertThat(audit.ref()).isEqualTo(XFJBH);
        assertThat(audit.body()).isEqualTo(post.getBodyAsString());
        assertThat(store.relayDelivered(eventId, "PETITION")).isTrue();
        assertThat(drain(AUDIT)).as("a relay is stored directly, not sent to the audit queue").isEmpty();
    }

    @Test
    void theStatusesOfOneCaseArriveInOrderWithTheClosingSentOnce() throws Exception {
        String caseId = "HUB-20261122-000018";
        List<CaseStatus> statuses = List.of(CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.SIGNED,
                CaseStatus.ARRIVED, CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REVISITED);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Petition.CONNECTOR)).whenDone(statuses.size()).create();
        for (CaseStatus status : statuses) {
            relay(event(UUID.randomUUID().toString(), caseId, XFJBH, status, null));
        }

        assertThat(done.matches(15, TimeUnit.SECONDS)).isTrue();
        List<LoggedRequest> posts = posts();
        assertThat(posts).extracting(r -> element(r, "ZT")).containsExactly("受理", "交办", "办理中", "办理中", "办结", "回访");
        assertThat(posts).extracting(r -> element(r, "BLYJ")).containsExactly("信访件已受理", "已交办责任单位办理",
                "责任单位已签收", "工作人员已到现场", "已办结，问题已解决", "已回访信访人");
        assertThat(rawMessages()).extracting(RawMessage::body).containsExactlyElementsOf(posts.stream()
                .map(LoggedRequest::getBodyAsString).toList());
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aCaseClosedWithoutAResultStillGetsItsClosing() {
        String caseId = "HUB-20261122-000019";
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Petition.CONNECTOR)).whenDone(3).create();
        relay(event(UUID.randomUUID().toString(), caseId, XFJBH, CaseStatus.HANDLING, null));
        relay(event(UUID.randomUUID().toString(), caseId, XFJBH, CaseStatus.RETURNED, "非本单位职责"));
        relay(event(UUID.randomUUID().toString(), caseId, XFJBH, CaseStatus.CLOSED, "已结案"));

        assertThat(done.matches(15, TimeUnit.SECONDS)).isTrue();
        assertThat(posts()).extracting(r -> element(r, "ZT") + ":" + element(r, "BLYJ"))
                .containsExactly("办理中:正在办理中", "退回:非本单位职责", "办结:已结案");
    }

    @Test
    void statusesWithoutAZtAndEventsAlreadyDeliveredAreNotSent() {
        String delivered = UUID.randomUUID().toString();
        store.markRelayDelivered(delivered, "PETITION");
        double skipped = count("hub.connector.messages", "direction", "out", "outcome", "skipped");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Petition.CONNECTOR)).whenDone(3).create();

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", XFJBH, CaseStatus.WITHDRAWN, null));
        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", XFJBH, CaseStatus.ESCALATED, null));
        relay(event(delivered, "HUB-20261122-000020", XFJBH, CaseStatus.SIGNED, null));

        assertThat(done.matches(15, TimeUnit.SECONDS)).isTrue();
        assertThat(posts()).isEmpty();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(count("hub.connector.messages", "direction", "out", "outcome", "skipped") - skipped).isEqualTo(3);
    }

    @Test
    void anUnknownPetitionIsParkedOnTheDlqAtOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        String body = Json.write(event(eventId, "HUB-20261122-000021", "XF0000000000000000000", CaseStatus.SIGNED, null));
        relay(RELAY, body, "HUB-20261122-000021");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("HTTP 404");
        assertThat(parked.getStringProperty("HubParkedFrom")).isEqualTo(RELAY);
        assertThat(text(parked)).isEqualTo(body);
        assertThat(posts()).hasSize(1);
        assertThat(store.relayDelivered(eventId, "PETITION")).isFalse();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndTheEventDeliveredOnce() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(STATUS_PATH)).atPriority(1).inScenario("busy").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000022", XFJBH, CaseStatus.RESOLVED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        List<LoggedRequest> posts = posts();
        assertThat(posts).hasSize(2);
        assertThat(posts).extracting(r -> element(r, "ZT")).containsOnly("办结");
        assertSignedIndependently(posts.get(1));
        assertThat(store.relayDelivered(eventId, "PETITION")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
    }

    @Test
    void aNonZeroAckIsRetriedThenParked() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(STATUS_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody("<Ack><Code>E500</Code></Ack>")));

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000023", XFJBH, CaseStatus.SIGNED, null));

        Message parked = next(RELAY_DLQ);
        assertThat(parked.getStringProperty("HubParkReason")).contains("TemporaryFailureException").contains("Ack code E500");
        assertThat(posts()).as("the first try and two redeliveries").hasSize(3);
        assertThat(rawMessages()).as("nothing was taken").isEmpty();
    }

    @Test
    void aMalformedRelayMessageIsParked() throws Exception {
        relay(RELAY, "{\"event\":{\"caseId\":\"HUB-20261122-000024\"}}", "HUB-20261122-000024");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("eventId");
        assertThat(posts()).isEmpty();
    }

    private static RelayEvent event(String eventId, String caseId, String xfjbh, CaseStatus status, String note) {
        StatusEvent event = new StatusEvent(eventId, caseId, status, OffsetDateTime.parse("2026-11-22T02:05:00Z"),
                new StatusEvent.Actor("330108-ZF-001", "王警官"), note, "DEPT");
        return new RelayEvent(event, "PETITION", xfjbh, "330108-ZF-001", "西兴街道社会治理中心");
    }

    private void relay(RelayEvent event) {
        relay(RELAY, Json.write(event), event.event().caseId());
    }

    /** The status posts in the order they arrived (the journal lists the most recent first). */
    private static List<LoggedRequest> posts() {
        List<LoggedRequest> posts = new ArrayList<>(WIREMOCK.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().equals(STATUS_PATH)).toList());
        Collections.reverse(posts);
        return posts;
    }

    private static String element(LoggedRequest request, String name) {
        return SafeXml.text(SafeXml.parse(request.getBody()).getDocumentElement(), name);
    }

    private static LoggedRequest single(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** X-Signature recomputed with javax.crypto over X-Timestamp and the exact bytes WireMock received. */
    static void assertSignedIndependently(LoggedRequest request) {
        String timestamp = request.getHeader("X-Timestamp");
        assertThat(timestamp).matches("\\d{10}");
        assertThat(Math.abs(Long.parseLong(timestamp) - java.time.Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(request.getHeader("X-Signature")).isEqualTo(hmac(timestamp, request.getBody()));
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo(request.getBodyAsString());
    }
}
