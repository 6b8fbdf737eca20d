package org.disputehub.connector.odr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.RelayRoute;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Parts.PartyRole;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.StatusEvent;
import org.junit.jupiter.api.Test;

/** The odr department channel (dispatch order → mediation → DISPATCHED) and mediation outcomes coming back. */
class OdrChannelTest extends OdrContextTest {

    private static final String MEDIATIONS = "/api/v1/mediations";

    @Test
    void aDispatchOrderBecomesAMediationAndADispatchedEvent() throws Exception {
        String caseId = "HUB-20261122-000201";

        order(caseId, 1, Map.of());

        Message dispatched = next(STATUS);
        StatusEvent event = Json.read(text(dispatched), StatusEvent.class);
        assertThat(event.eventId()).isEqualTo(caseId + ":dispatched:1");
        assertThat(event.status()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(event.actor()).isEqualTo(new StatusEvent.Actor(TestApplication.DEPT_CODE, TestApplication.DEPT_NAME));
        assertThat(event.note()).contains("MED-" + caseId);
        assertThat(dispatched.getStringProperty("JMSXGroupID")).isEqualTo(caseId);
        LoggedRequest post = WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(MEDIATIONS))).get(0);
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer odr-fixture-token");
        assertThat(post.getHeader("Idempotency-Key")).isEqualTo(caseId + ":1");
        assertThat(json(post.getBodyAsString())).isEqualTo(json("""
                {"submittedAt":"2026-11-22T09:30:15+08:00","disputeType":"CONSUMER",
                 "applicant":{"name":"李四","phone":"13900139000"},
                 "respondent":{"name":"某某健身有限公司","type":"ORG","orgCode":"91330108MA2XXXXX1X"},
                 "claimAmount":2680.00,"region":"330108","address":"杭州市滨江区西兴街道",
                 "description":"健身房闭店，预付年卡余额不予退还","externalRef":"%s"}""".formatted(caseId)));
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.system()).isEqualTo("DEPT:" + TestApplication.DEPT_CODE);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.SENT);
        assertThat(audit.ref()).isEqualTo(caseId + ":1");
        assertThat(audit.body()).isEqualTo(post.getBodyAsString());
        assertThat(store.caseIdOf("ODR-MEDIATION", "MED-" + caseId)).contains(caseId);
        assertThat(store.sourceVersion("ODR-ASSIGNEE", caseId)).contains(TestApplication.DEPT_CODE);
    }

    @Test
    void aRedeliveredOrderIsNotPostedTwice() throws Exception {
        String caseId = "HUB-20261122-000202";
        store.saveSourceVersion("ODR-DISPATCH", caseId + ":1", "MED-EARLIER");

        order(caseId, 1, Map.of());

        assertThat(Json.read(text(next(STATUS)), StatusEvent.class).note()).contains("MED-EARLIER");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(MEDIATIONS)))).isEmpty();
        assertThat(store.caseIdOf("ODR-MEDIATION", "MED-EARLIER")).contains(caseId);
    }

    @Test
    void aNoticeIsRecordedAsNotDeliverable() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("dispatch-330108-tj-odr").whenDone(1).create();

        order("HUB-20261122-000203", 1, Map.of("hubNotice", "WITHDRAW", "hubNoticeId", "n1"));

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.FAILED);
        assertThat(audit.ref()).isEqualTo("HUB-20261122-000203:1:WITHDRAW");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(MEDIATIONS)))).isEmpty();
        assertThat(drain(STATUS)).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedAndARefusedOrderParked() throws Exception {
        WIREMOCK.stubFor(post(urlPathEqualTo(MEDIATIONS)).atPriority(1).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        order("HUB-20261122-000204", 1, Map.of());
        assertThat(Json.read(text(next(STATUS)), StatusEvent.class).caseId()).isEqualTo("HUB-20261122-000204");
        assertThat(WIREMOCK.findAll(postRequestedFor(urlPathEqualTo(MEDIATIONS)))).hasSize(2);

        WIREMOCK.stubFor(post(urlPathEqualTo(MEDIATIONS)).atPriority(1)
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"region not served\"}")));
        order("HUB-20261122-000205", 1, Map.of());
        Message parked = next(DISPATCH_DLQ);
        assertThat(parked.getStringProperty("HubParkReason")).contains("PermanentFailureException").contains("HTTP 422");
        assertThat(drain(STATUS)).isEmpty();
    }

    @Test
    void aSettledMediationResolvesAndClosesTheCaseAsItsDepartment() throws Exception {
        String caseId = "HUB-20261122-000206";
        order(caseId, 1, Map.of());
        next(STATUS);
        drain(AUDIT);

        HttpResponse<String> reply = push(concluded("evt_c206", "MED-" + caseId, "SETTLED", "ODR-TJ-2026-0456"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json(reply.body()).path("caseId").asText()).isEqualTo(caseId);
        List<Message> events = drain(STATUS_IN);
        assertThat(events).hasSize(2);
        List<StatusEvent> parsed = events.stream().map(OdrChannelTest::statusEvent).toList();
        assertThat(parsed).extracting(StatusEvent::status).containsExactly(CaseStatus.RESOLVED, CaseStatus.CLOSED);
        assertThat(parsed).extracting(StatusEvent::eventId).containsExactly("ODR:evt_c206:RESOLVED", "ODR:evt_c206:CLOSED");
        assertThat(parsed).allSatisfy(e -> {
            assertThat(e.caseId()).isEqualTo(caseId);
            assertThat(e.actor().deptCode()).isEqualTo(TestApplication.DEPT_CODE);
            assertThat(e.occurredAt()).isEqualTo("2026-11-22T11:53:20+08:00");
            assertThat(e.origin()).isEqualTo("ODR");
        });
        assertThat(parsed.get(0).note()).isEqualTo("在线调解成功，当事双方达成调解协议（协议编号 ODR-TJ-2026-0456）");
        assertThat(events.get(0).getStringProperty("JMSXGroupID")).isEqualTo(caseId);
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.ACCEPTED);
        assertThat(audit.ref()).isEqualTo("evt_c206");

        assertThat(push(concluded("evt_c206", "MED-" + caseId, "SETTLED", "ODR-TJ-2026-0456")).body()).isEqualTo(reply.body());
        assertThat(drain(STATUS_IN)).as("the same event again has no effect").isEmpty();
    }

    @Test
    void aCaseThatAPushSystemFiledCanBeHandedToMediationToo() throws Exception {
        String caseId = store.allocateCaseId("PETITION", "XF3301082026112200099");
        order(caseId, 1, Map.of());
        next(STATUS);

        HttpResponse<String> reply = push(concluded("evt_c_push", "MED-" + caseId, "SETTLED", null));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json(reply.body()).path("caseId").asText()).isEqualTo(caseId);
        assertThat(drain(STATUS_IN)).hasSize(2);
    }

    @Test
    void aFailedMediationIsUnresolvedThenClosedAndAWithdrawnOneWithdrawn() throws Exception {
        order("HUB-20261122-000207", 1, Map.of());
        order("HUB-20261122-000208", 1, Map.of());
        next(STATUS);
        next(STATUS);

        push(concluded("evt_c207", "MED-HUB-20261122-000207", "FAILED", null));
        push(concluded("evt_c208", "MED-HUB-20261122-000208", "WITHDRAWN", null));

        List<StatusEvent> events = drain(STATUS_IN).stream().map(OdrChannelTest::statusEvent).toList();
        assertThat(events).extracting(e -> e.caseId() + " " + e.status()).containsExactly(
                "HUB-20261122-000207 UNRESOLVED", "HUB-20261122-000207 CLOSED", "HUB-20261122-000208 WITHDRAWN");
        assertThat(events.get(0).note()).isEqualTo("在线调解未能达成协议");
    }

    @Test
    void aMediationOfADisputeOdrOwnsIsReportedAsTheCasesDepartment() throws Exception {
        String caseId = json(push(event("samples/events/dispute-created.json")).body()).path("caseId").asText();
        NotifyBuilder relayed = new NotifyBuilder(camel).fromRoute(RelayRoute.routeId(Odr.CONNECTOR)).whenDone(1).create();
        HttpResponse<String> early = push(concluded("evt_own_early", "ODR-2026-000123", "SETTLED", null));
        assertThat(early.statusCode()).as("no department known yet: the platform is asked to send it again").isEqualTo(409);
        waiting.convertAndSend(RELAY, Json.write(OdrRelayTest.event("e-recv", caseId, "ODR-2026-000123",
                CaseStatus.RECEIVED, null)));
        assertThat(relayed.matches(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> reply = push(concluded("evt_own", "ODR-2026-000123", "SETTLED", null));

        assertThat(reply.statusCode()).isEqualTo(200);
        List<StatusEvent> events = drain(STATUS_IN).stream().map(OdrChannelTest::statusEvent).toList();
        assertThat(events).extracting(StatusEvent::status).containsExactly(CaseStatus.RESOLVED, CaseStatus.CLOSED);
        assertThat(events).allSatisfy(e -> assertThat(e.actor().deptCode()).isEqualTo("330108-TJ-003"));
        assertThat(events.get(0).note()).isEqualTo("在线调解成功，当事双方达成调解协议");
    }

    @Test
    void anOutcomeForADisputeTheHubDoesNotKnowIsRefusedAndRecorded() throws Exception {
        HttpResponse<String> reply = push(concluded("evt_unknown", "MED-NOBODY", "SETTLED", null));

        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(json(reply.body()).path("field").asText()).isEqualTo("data.disputeId");
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.ref()).isEqualTo("evt_unknown");
        assertThat(drain(STATUS_IN)).isEmpty();
    }

    private void order(String caseId, int dispatchNo, Map<String, String> extra) {
        String body = Json.write(dispatchedCase(caseId, dispatchNo));
        waiting.send(DISPATCH, session -> {
            Message m = session.createTextMessage(body);
            m.setStringProperty("caseId", caseId);
            m.setStringProperty("JMSXGroupID", caseId);
            m.setStringProperty("deptCode", TestApplication.DEPT_CODE);
            m.setIntProperty("dispatchNo", dispatchNo);
            for (Map.Entry<String, String> e : extra.entrySet()) {
                m.setStringProperty(e.getKey(), e.getValue());
            }
            return m;
        });
    }

    static CanonicalCase dispatchedCase(String caseId, int dispatchNo) {
        return new CanonicalCase(caseId, "1.0",
                new CaseSource("HOTLINE12345", "GD20261122000777", "HOTLINE", OffsetDateTime.parse("2026-11-22T09:31:00+08:00"), 17L),
                OffsetDateTime.parse("2026-11-22T01:30:15Z"), "健身房跑路", "健身房闭店，预付年卡余额不予退还",
                new Category("求助纠纷类", "B05", "消费纠纷", "C0401", "消费维权"), "投诉",
                List.of(new Party(PartyRole.REPORTER, "李四", "13900139000", null, null, null),
                        new Party(PartyRole.RESPONDENT, null, null, null, "某某健身有限公司", "91330108MA2XXXXX1X")),
                null, new BigDecimal("2680.00"), new Location("杭州市滨江区西兴街道", "330108", null, null, null), "NORMAL",
                null, null, new Assignment(TestApplication.DEPT_CODE, TestApplication.DEPT_NAME, dispatchNo, null),
                CaseStatus.RECEIVED);
    }

    private static ObjectNode concluded(String id, String disputeId, String outcome, String agreementNo) {
        ObjectNode event = event("samples/events/mediation-concluded.json");
        event.put("id", id);
        ObjectNode data = (ObjectNode) event.path("data");
        data.put("disputeId", disputeId).put("outcome", outcome);
        if (agreementNo == null) {
            data.remove("agreementNo");
        } else {
            data.put("agreementNo", agreementNo);
        }
        return event;
    }

    private static StatusEvent statusEvent(Message m) {
        try {
            return Json.read(text(m), StatusEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
