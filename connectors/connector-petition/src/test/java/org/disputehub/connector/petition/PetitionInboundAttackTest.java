package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.junit.jupiter.api.Test;

/** Replays and the size limit beyond the hostile corpus (PetitionHostileCorpusTest): what the store keeps, and the exact limit. */
class PetitionInboundAttackTest extends PetitionContextTest {

    private static final byte[] VALID = Fixtures.bytes("samples/valid/single.xml");

    @Test
    void anIdenticalRequestSentAgainIsIdempotentButAReplayOfASupersededVersionIsRefused() throws Exception {
        // a petition number of its own: other tests of this context push the sample's number in other versions
        String xfjbh = "XF33010820261122" + String.format("%05d", System.nanoTime() % 100_000);
        byte[] sample = new String(VALID, StandardCharsets.UTF_8).replace("XF3301082026112200011", xfjbh)
                .getBytes(StandardCharsets.UTF_8);
        String ts = PetitionInboundTest.now();
        String signature = hmac(ts, sample);
        HttpResponse<String> first = push(sample, ts, signature);
        HttpResponse<String> retried = push(sample, ts, signature);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(PetitionInboundTest.caseId(retried)).isEqualTo(PetitionInboundTest.caseId(first));

        byte[] updated = new String(sample, StandardCharsets.UTF_8).replace("请求调解。", "请求调解。（补充）")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(push(updated).statusCode()).isEqualTo(200);
        drain(AUDIT); // the retry's DUPLICATE record

        assertRefused(push(sample, ts, signature), 401, "replayed request");
        assertThat(drain(INTAKE)).extracting(m -> Json.read(text(m), CaseEnvelope.class).type().name())
                .as("NEW, UPDATE; the replay rolled nothing back").containsExactly("NEW", "UPDATE");
        assertThat(store.sourceVersion("PETITION", xfjbh)).contains(PetitionInboundTest.sha256(updated));
    }

    @Test
    void aBodyJustAtTheLimitIsStillTakenIn() throws Exception {
        String xml = new String(VALID, StandardCharsets.UTF_8);
        int pad = 1024 * 1024 - VALID.length;
        byte[] exact = xml.replace("<SFCF>", " ".repeat(pad) + "<SFCF>").getBytes(StandardCharsets.UTF_8);
        assertThat(exact).hasSize(1024 * 1024);

        assertThat(push(exact).statusCode()).isEqualTo(200);
        assertThat(drain(INTAKE)).hasSize(1);
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("<Ack><Code>E" + status + "</Code><Message>").contains(reason);
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.system()).isEqualTo("PETITION");
        assertThat(audit.reason()).contains(reason);
    }
}
