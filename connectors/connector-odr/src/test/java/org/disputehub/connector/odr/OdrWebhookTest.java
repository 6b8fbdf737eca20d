package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.fixtures.odr.OdrSigning;
import org.junit.jupiter.api.Test;

class OdrWebhookTest extends OdrContextTest {

    @Test
    void aNewDisputeBecomesANewEnvelopeAndIsAnsweredWithItsCaseId() throws Exception {
        JsonNode event = event("samples/events/dispute-created.json");

        HttpResponse<String> reply = push(event);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/json"));
        JsonNode answer = json(reply.body());
        assertThat(answer.path("received").asBoolean()).isTrue();
        String caseId = answer.path("caseId").asText();
        assertThat(caseId).matches("HUB-\\d{8}-\\d{6}");
        assertThat(reply.headers().firstValue(OdrSigning.HEADER)).as("request headers are not echoed").isEmpty();
        List<Message> intake = drain(INTAKE);
        assertThat(intake).hasSize(1);
        CaseEnvelope envelope = Json.read(text(intake.get(0)), CaseEnvelope.class);
        assertThat(envelope.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(envelope.system()).isEqualTo("ODR");
        assertThat(envelope.sourceId()).isEqualTo("ODR-2026-000123");
        assertThat(envelope.caseData().caseId()).isEqualTo(caseId);
        assertThat(envelope.caseData().source().channel()).isEqualTo("WEBHOOK");
        assertThat(envelope.raw().body()).isEqualTo(event.toString());
        assertThat(envelope.occurredAt()).isEqualTo("2026-11-22T15:50:00+08:00"); // created 1795333800
        assertThat(intake.get(0).getStringProperty("JMSXGroupID")).isEqualTo("ODR:ODR-2026-000123");
        assertThat(CaseSchema.violations(Json.tree(envelope.caseData()))).isEmpty();
        assertThat(store.caseIdOf("ODR", "ODR-2026-000123")).contains(caseId);
    }

    @Test
    void theSameEventThreeTimesHasItsEffectOnceAndGetsTheSameAnswer() throws Exception {
        JsonNode event = event("samples/events/dispute-created.json");

        List<String> answers = Stream.of(1, 2, 3).map(i -> push(event)).map(r -> r.statusCode() + " " + r.body()).toList();

        assertThat(answers).hasSize(3).allMatch(a -> a.equals(answers.get(0))).first().asString().startsWith("200 ");
        assertThat(drain(INTAKE)).hasSize(1);
        List<AuditRecord> audits = audits();
        assertThat(audits).hasSize(2).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
            assertThat(a.ref()).isEqualTo("evt_01JD3Q4ZK7M2");
        });
    }

    @Test
    void anUpdateBecomesAnUpdateEnvelopeAndAnOlderOneIsNotSent() throws Exception {
        String caseId = json(push(event("samples/events/dispute-created.json")).body()).path("caseId").asText();
        ObjectNode update = event("samples/events/dispute-updated.json");
        ObjectNode older = update.deepCopy().put("id", "evt_older").put("created", 1795335000);

        HttpResponse<String> reply = push(update);
        HttpResponse<String> olderReply = push(older);

        assertThat(json(reply.body()).path("caseId").asText()).isEqualTo(caseId);
        assertThat(json(olderReply.body()).path("caseId").asText()).isEqualTo(caseId);
        List<CaseEnvelope> envelopes = envelopes(drain(INTAKE));
        assertThat(envelopes).extracting(CaseEnvelope::type).containsExactly(EnvelopeType.NEW, EnvelopeType.UPDATE);
        assertThat(envelopes.get(1).caseData().amount()).isEqualByComparingTo("4299.00");
        assertThat(envelopes.get(1).caseData().caseId()).isEqualTo(caseId);
        assertThat(audits()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
            assertThat(a.ref()).isEqualTo("evt_older");
        });
    }

    @Test
    void aWithdrawalBecomesAWithdrawEnvelopeWithTheReason() throws Exception {
        String caseId = json(push(event("samples/events/dispute-created.json")).body()).path("caseId").asText();

        HttpResponse<String> reply = push(event("samples/events/dispute-withdrawn.json"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json(reply.body()).path("caseId").asText()).isEqualTo(caseId);
        CaseEnvelope withdraw = envelopes(drain(INTAKE)).get(1);
        assertThat(withdraw.type()).isEqualTo(EnvelopeType.WITHDRAW);
        assertThat(withdraw.reason()).isEqualTo("商家已同意退货，申请人撤回");
        assertThat(withdraw.occurredAt()).isEqualTo("2026-11-22T11:10:00+08:00");
        assertThat(withdraw.envelopeId()).isEqualTo(OdrEventIntake.envelopeId(
                OdrEvent.parse(event("samples/events/dispute-withdrawn.json").toString().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anUnknownTypeIsAcknowledgedAndRecordedNotProcessed() throws Exception {
        HttpResponse<String> reply = push(event("samples/events/unknown-type.json"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(json(reply.body())).isEqualTo(json("{\"received\":true}"));
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(STATUS_IN)).isEmpty();
        assertThat(audits()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.ACCEPTED);
            assertThat(a.direction()).isEqualTo(AuditRecord.Direction.IN);
            assertThat(a.reason()).isEqualTo("unknown type 'evidence.uploaded' not processed");
            assertThat(a.body()).isEqualTo(event("samples/events/unknown-type.json").toString());
        });
    }

    @Test
    void severalSignaturesWithOneValidAreAcceptedAndSoIsTheNextSecretOfARotation() throws Exception {
        byte[] body = event("samples/events/dispute-created.json").toString().getBytes(StandardCharsets.UTF_8);
        long t = Instant.now().getEpochSecond();
        String several = "t=" + t + ",v1=" + OdrSigning.v1("a-secret-the-hub-does-not-know", t, body) + ",v1=00ff,v1="
                + OdrSigning.v1(SECRET, t, body);
        assertThat(postWebhook(body, several).statusCode()).isEqualTo(200);

        byte[] other = event("samples/events/dispute-created-property.json").toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> reply = postWebhook(other, OdrSigning.header(NEXT_SECRET, Instant.now().getEpochSecond(), other));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(envelopes(drain(INTAKE))).extracting(CaseEnvelope::sourceId)
                .containsExactly("ODR-2026-000123", "ODR-2026-000124");
    }

    @Test
    void onlyPostIsAnswered() {
        assertThat(send(HttpRequest.newBuilder(webhook()).GET().build()).statusCode()).isEqualTo(405);
    }

    private List<AuditRecord> audits() throws Exception {
        return drain(AUDIT).stream().map(m -> {
            try {
                return Json.read(text(m), AuditRecord.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<CaseEnvelope> envelopes(List<Message> messages) {
        return messages.stream().map(m -> {
            try {
                return Json.read(text(m), CaseEnvelope.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
