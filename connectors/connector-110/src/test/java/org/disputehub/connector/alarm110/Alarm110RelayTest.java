package org.disputehub.connector.alarm110;

import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.canonical.connector.RelayRoute;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.time.Duration;
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

class Alarm110RelayTest extends Alarm110ContextTest {

    private static final String JQBH = "330108202611220001";

    @Test
    void aRelayEventBecomesAnFkxxPostAndIsAudited() throws Exception {
        String eventId = UUID.randomUUID().toString();
        relay(event(eventId, "HUB-20261122-000017", JQBH, CaseStatus.SIGNED, "已签收，安排人员10分钟内到场"));

        RawMessage audit = rawMessages(1).get(0);

        List<LoggedRequest> posts = posts();
        assertThat(posts).hasSize(1);
        LoggedRequest post = posts.get(0);
        assertThat(post.getHeader("Content-Type")).isEqualTo("application/xml; charset=UTF-8");
        assertThat(post.getHeader("X-Api-Key")).isEqualTo(API_KEY);
        assertThat(post.getBodyAsString()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <FKXX>
                  <JQBH>330108202611220001</JQBH>
                  <FKSJ>20261122094010</FKSJ>
                  <FKZT>02</FKZT>
                  <CZDWDM>330108-ZF-001</CZDWDM>
                  <CZDW>浦沿街道综合执法队</CZDW>
                  <FKNR>已签收，安排人员10分钟内到场</FKNR>
                </FKXX>
                """);
        assertThat(audit.system()).isEqualTo("ALARM110");
        assertThat(audit.direction()).isEqualTo("OUT");
        assertThat(audit.outcome()).isEqualTo("SENT");
        assertThat(audit.ref()).isEqualTo(JQBH);
        assertThat(audit.body()).isEqualTo(post.getBodyAsString());
        assertThat(store.relayDelivered(eventId, "ALARM110")).isTrue();
        assertThat(drain(AUDIT)).as("a relay is stored directly, not sent to the audit queue").isEmpty();
    }

    @Test
    void theFeedbackOfOneIncidentArrivesInOrderEvenWhenTheFirstIsRetried() throws Exception {
        String caseId = "HUB-20261122-000018";
        busyOnce(fkzt("01"));
        for (CaseStatus s : List.of(CaseStatus.DISPATCHED, CaseStatus.SIGNED, CaseStatus.ARRIVED, CaseStatus.RESOLVED,
                CaseStatus.CLOSED, CaseStatus.REVISITED)) {
            relay(event(UUID.randomUUID().toString(), caseId, JQBH, s, null));
        }
        assertThat(rawMessages(5)).extracting(RawMessage::outcome).containsOnly("SENT");

        assertThat(posts()).extracting(r -> element(r, "FKZT"))
                .as("01 busy once, then the rest in order; CLOSED sends no second 05")
                .containsExactly("01", "01", "02", "03", "05", "07");
        assertThat(element(posts().get(4), "FKNR")).isEqualTo("已办结，问题已解决");
        assertThat(rawMessages()).as("one record per message sent").hasSize(5);
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(drain(RELAY_DLQ)).isEmpty();
    }

    @Test
    void aCaseClosedWithoutAResolutionStillReports05Once() throws Exception {
        String caseId = "HUB-20261122-000019";
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Alarm110.CONNECTOR)).whenDone(2).create();
        relay(event(UUID.randomUUID().toString(), caseId, JQBH, CaseStatus.CLOSED, null));
        relay(event(UUID.randomUUID().toString(), caseId, JQBH, CaseStatus.CLOSED, "重复的办结"));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(posts().stream().map(LoggedRequest::getBodyAsString).distinct().toList())
                .as("one 05 (a transport retry would repeat the same body)").singleElement()
                .satisfies(body -> assertThat(body).contains("<FKZT>05</FKZT>"));
        assertThat(element(posts().get(0), "FKNR")).isEqualTo("已办结");
        assertThat(rawMessages()).singleElement().satisfies(m -> assertThat(m.body()).contains("<FKZT>05</FKZT>"));
    }

    @Test
    void statusesWithoutA110EquivalentAndEventsAlreadyDeliveredAreNotSent() {
        String delivered = UUID.randomUUID().toString();
        store.markRelayDelivered(delivered, "ALARM110");
        double skipped = count("hub.connector.messages", "direction", "out", "outcome", "skipped");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Alarm110.CONNECTOR)).whenDone(4).create();

        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", JQBH, CaseStatus.RECEIVED, null));
        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", JQBH, CaseStatus.WITHDRAWN, "报警人撤警"));
        relay(event(UUID.randomUUID().toString(), "HUB-20261122-000020", JQBH, CaseStatus.ESCALATED, null));
        relay(event(delivered, "HUB-20261122-000020", JQBH, CaseStatus.SIGNED, null));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(posts()).isEmpty();
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(count("hub.connector.messages", "direction", "out", "outcome", "skipped") - skipped).isEqualTo(4);
    }

    @Test
    void code1001IsParkedOnTheDlqAtOnce() throws Exception {
        String body = Json.write(event(UUID.randomUUID().toString(), "HUB-20261122-000021", "330108200001010000",
                CaseStatus.SIGNED, null));
        relay(RELAY, body, "HUB-20261122-000021");

        Message parked = next(RELAY_DLQ);

        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("CODE 1001");
        assertThat(parked.getStringProperty("HubParkedFrom")).isEqualTo(RELAY);
        assertThat(text(parked)).isEqualTo(body);
        assertThat(posts()).hasSize(1);
        assertThat(rawMessages()).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aMalformedRelayMessageIsParked() throws Exception {
        relay(RELAY, "{\"event\":{\"caseId\":\"HUB-20261122-000022\"}}", "HUB-20261122-000022");

        assertThat(next(RELAY_DLQ).getStringProperty("HubParkReason")).contains("eventId");
        assertThat(posts()).isEmpty();
    }

    @Test
    void http5xxAndBusyAreRetriedAndTheEventDeliveredOnce() throws Exception {
        WIREMOCK.stubFor(feedback("flaky", Scenario.STARTED, "busy").willReturn(aResponse().withStatus(503)));
        WIREMOCK.stubFor(feedback("flaky", "busy", "ok").willReturn(xml("samples/replies/1500-busy.xml")));
        String eventId = UUID.randomUUID().toString();

        relay(event(eventId, "HUB-20261122-000023", JQBH, CaseStatus.ARRIVED, null));

        assertThat(rawMessages(1)).singleElement().satisfies(m -> assertThat(m.outcome()).isEqualTo("SENT"));
        assertThat(posts()).hasSize(3).allSatisfy(r -> assertThat(element(r, "FKZT")).isEqualTo("03"));
        assertThat(store.relayDelivered(eventId, "ALARM110")).isTrue();
        assertThat(drain(RELAY_DLQ)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aTimeoutIsATemporaryFailure() {
        WIREMOCK.stubFor(post(urlPathEqualTo(FEEDBACK)).atPriority(1)
                .willReturn(xml("samples/replies/0-ok.xml").withFixedDelay(1500)));
        Alarm110Properties p = new Alarm110Properties();
        p.setBaseUrl(WIREMOCK.baseUrl());
        p.setApiKey(API_KEY);
        p.setTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> new Alarm110Client(p).sendFeedback(FeedbackXml.fkxx(JQBH, "20261122094010", "03",
                "330108-ZF-001", "浦沿街道综合执法队", "已到场")))
                .as("retried by the error policy, like 503 and 1500")
                .isInstanceOf(TemporaryFailureException.class).hasMessageContaining("timeout");
    }

    private static MappingBuilder feedback(String scenario, String state, String next) {
        return post(urlPathEqualTo(FEEDBACK)).atPriority(1).withRequestBody(containing("<FKZT>03</FKZT>"))
                .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml;charset=UTF-8")
                .withBody(Fixtures.bytes(fixture));
    }

    /** The 1500 reply for the first post that matches, then the fixtures' stubs again. */
    private static void busyOnce(String bodyPart) {
        WIREMOCK.stubFor(post(urlPathEqualTo(FEEDBACK)).atPriority(1).withRequestBody(containing(bodyPart))
                .inScenario("busy-once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(xml("samples/replies/1500-busy.xml")));
    }

    private static String fkzt(String code) {
        return "<FKZT>" + code + "</FKZT>";
    }

    private static List<LoggedRequest> posts() {
        List<ServeEvent> served = new ArrayList<>(WIREMOCK.getAllServeEvents());
        Collections.reverse(served); // the journal lists the most recent first
        return served.stream().map(ServeEvent::getRequest).filter(r -> r.getUrl().equals(FEEDBACK)).toList();
    }

    private static String element(LoggedRequest r, String name) {
        return SafeXml.text(SafeXml.parse(r.getBody()).getDocumentElement(), name);
    }

    private static RelayEvent event(String eventId, String caseId, String jqbh, CaseStatus status, String note) {
        StatusEvent event = new StatusEvent(eventId, caseId, status, OffsetDateTime.parse("2026-11-22T09:40:10+08:00"),
                new StatusEvent.Actor("330108-ZF-001", "王警官"), note, "DEPT");
        return new RelayEvent(event, "ALARM110", jqbh, "330108-ZF-001", "浦沿街道综合执法队");
    }

    private void relay(RelayEvent event) {
        relay(RELAY, Json.write(event), event.event().caseId());
    }
}
