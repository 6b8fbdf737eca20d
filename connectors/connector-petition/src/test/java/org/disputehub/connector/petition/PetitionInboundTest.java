package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class PetitionInboundTest extends PetitionContextTest {

    static final String CASE_ID = "HUB-\\d{8}-\\d{6}";

    @Test
    void aSignedPetitionIsAnsweredWithItsCaseIdOnlyOnceItsEnvelopeIsQueued() throws Exception {
        byte[] body = Fixtures.bytes("samples/valid/contract-example.xml");

        HttpResponse<String> response = push(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/xml");
        assertThat(response.body()).matches("<Ack><Code>0</Code><CaseId>" + CASE_ID + "</CaseId></Ack>");
        assertThat(response.headers().firstValue("X-Signature")).as("request headers are not echoed").isEmpty();
        List<Message> intake = drain(INTAKE);
        assertThat(intake).as("on HUB.INTAKE before the reply, no waiting").hasSize(1);
        Message queued = intake.get(0);
        CaseEnvelope envelope = Json.read(text(queued), CaseEnvelope.class);
        assertThat(envelope.type()).isEqualTo(EnvelopeType.NEW);
        assertThat(envelope.system()).isEqualTo("PETITION");
        assertThat(envelope.sourceId()).isEqualTo("XF3301082026112200007");
        assertThat(envelope.caseData().caseId()).isEqualTo(caseId(response));
        assertThat(envelope.caseData().headcount()).isEqualTo(12);
        assertThat(envelope.caseData().related().repeatCount()).isEqualTo(1);
        assertThat(envelope.caseData().parties()).hasSize(2);
        assertThat(envelope.raw().body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(envelope.raw().contentType()).isEqualTo("application/xml; charset=UTF-8");
        assertThat(queued.getStringProperty("JMSXGroupID")).isEqualTo("PETITION:XF3301082026112200007");
        assertThat(queued.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        assertThat(store.caseIdOf("PETITION", "XF3301082026112200007")).contains(caseId(response));
        assertThat(store.sourceVersion("PETITION", "XF3301082026112200007")).contains(sha256(body));
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void theSamePetitionSentAgainGetsTheSameCaseIdAndNoSecondEnvelope() throws Exception {
        byte[] body = Fixtures.bytes("samples/valid/single.xml");

        HttpResponse<String> first = push(body);
        HttpResponse<String> again = push(body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(caseId(again)).isEqualTo(caseId(first));
        assertThat(drain(INTAKE)).hasSize(1);
        List<Message> audit = drain(AUDIT);
        assertThat(audit).hasSize(1);
        AuditRecord duplicate = Json.read(text(audit.get(0)), AuditRecord.class);
        assertThat(duplicate.outcome()).isEqualTo(AuditRecord.Outcome.DUPLICATE);
        assertThat(duplicate.ref()).isEqualTo("XF3301082026112200011");
        assertThat(duplicate.body()).isEqualTo(new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aChangedPetitionBecomesAnUpdateOfTheSameCase() throws Exception {
        String original = Fixtures.text("samples/valid/single.xml");
        byte[] changed = original.replace("请求调解。", "请求调解。补充：已向物业反映，无人处理。").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> first = push(original.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> second = push(changed);

        assertThat(caseId(second)).isEqualTo(caseId(first));
        List<Message> envelopes = drain(INTAKE);
        assertThat(envelopes).extracting(m -> Json.read(text(m), CaseEnvelope.class).type())
                .containsExactly(EnvelopeType.NEW, EnvelopeType.UPDATE);
        CaseEnvelope update = Json.read(text(envelopes.get(1)), CaseEnvelope.class);
        assertThat(update.caseData().caseId()).isEqualTo(caseId(first));
        assertThat(update.caseData().description()).endsWith("无人处理。");
        assertThat(store.sourceVersion("PETITION", "XF3301082026112200011")).contains(sha256(changed));
    }

    @Test
    void theDoctypeAnswerIsExactlyTheContractsAndNothingIsResolved() {
        HttpResponse<String> response = push(Fixtures.bytes("samples/hostile/doctype-xxe.xml"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("<Ack><Code>E400</Code><Message>DOCTYPE is not allowed</Message></Ack>");
        assertThat(response.body()).doesNotContain("root:");
    }

    @Test
    void scriptAndSqlLookingTextIsAcceptedAsPlainText() throws Exception {
        HttpResponse<String> response = push(Fixtures.bytes("samples/valid/script-and-sql-text.xml"));

        assertThat(response.statusCode()).isEqualTo(200);
        CaseEnvelope envelope = Json.read(text(next(INTAKE)), CaseEnvelope.class);
        assertThat(envelope.caseData().description()).startsWith("<script>alert('xss')</script> ' OR '1'='1'; --");
        assertThat(envelope.caseData().parties().get(0).name()).isEqualTo("Robert'); DROP TABLE hub_case;--");
    }

    static String caseId(HttpResponse<String> response) {
        Element ack = SafeXml.parse(response.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        return SafeXml.text(ack, "CaseId");
    }

    static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }
}
