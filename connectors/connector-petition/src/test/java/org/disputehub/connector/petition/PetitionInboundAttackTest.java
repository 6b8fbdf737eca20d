package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.junit.jupiter.api.Test;

/** Signatures, timestamps, replays and size: each refused with its status and recorded; valid traffic unharmed. */
class PetitionInboundAttackTest extends ConnectorContextTest {

    private static final byte[] VALID = Fixtures.bytes("samples/valid/single.xml");

    @Test
    void missingOrWrongSignaturesAreRefusedWith401AndRecorded() throws Exception {
        String ts = PetitionInboundTest.now();
        assertRefused(push(VALID, null, null), 401, "missing X-Timestamp or X-Signature");
        assertRefused(push(VALID, ts, null), 401, "missing X-Timestamp or X-Signature");
        assertRefused(push(VALID, ts, hmac(ts, "<XFJ/>".getBytes(StandardCharsets.UTF_8))), 401, "does not match the body");
        assertRefused(push(VALID, ts, "not-base64!"), 401, "does not match the body");
        assertRefused(push(VALID, "yesterday", hmac("yesterday", VALID)), 401, "not epoch seconds");
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void staleAndFutureTimestampsAreRefusedEvenWhenTheSignatureIsRight() throws Exception {
        // a request captured ten minutes ago and replayed now, and one dated ten minutes ahead
        for (long skew : new long[] {-600, 600}) {
            String ts = Long.toString(Instant.now().getEpochSecond() + skew);
            assertRefused(push(VALID, ts, hmac(ts, VALID)), 401, "from the hub's clock (allowed 300 s)");
        }
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void anIdenticalRequestSentAgainIsIdempotentButAReplayOfASupersededVersionIsRefused() throws Exception {
        String ts = PetitionInboundTest.now();
        String signature = hmac(ts, VALID);
        HttpResponse<String> first = push(VALID, ts, signature);
        HttpResponse<String> retried = push(VALID, ts, signature);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(PetitionInboundTest.caseId(retried)).isEqualTo(PetitionInboundTest.caseId(first));

        byte[] updated = new String(VALID, StandardCharsets.UTF_8).replace("请求调解。", "请求调解。（补充）")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(push(updated).statusCode()).isEqualTo(200);
        drain(AUDIT); // the retry's DUPLICATE record

        assertRefused(push(VALID, ts, signature), 401, "replayed request");
        assertThat(drain(INTAKE)).extracting(m -> Json.read(text(m), CaseEnvelope.class).type().name())
                .as("NEW, UPDATE; the replay rolled nothing back").containsExactly("NEW", "UPDATE");
        assertThat(store.sourceVersion("PETITION", "XF3301082026112200011")).contains(PetitionInboundTest.sha256(updated));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] big = oversized();
        String ts = PetitionInboundTest.now();
        String signature = hmac(ts, big);

        assertRefused(push(big, ts, signature), 413, "over the limit of 1048576 bytes");
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(inbound())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Timestamp", ts).header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertRefused(chunked, 413, "over the limit of 1048576 bytes");
        assertThat(drain(INTAKE)).isEmpty();
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

    @Test
    void validTrafficKeepsFlowingWhileHostileTrafficArrives() throws Exception {
        String template = new String(VALID, StandardCharsets.UTF_8);
        List<Callable<HttpResponse<String>>> valid = new ArrayList<>();
        List<Callable<HttpResponse<String>>> hostile = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] body = template.replace("XF3301082026112200011", "XF33010820261122005" + String.format("%02d", i))
                    .getBytes(StandardCharsets.UTF_8);
            valid.add(() -> push(body));
        }
        for (Fixtures.Hostile sample : Fixtures.hostile()) {
            hostile.add(() -> push(Fixtures.bytes("samples/hostile/" + sample.file())));
        }
        hostile.add(() -> push(oversized()));
        hostile.add(() -> push(VALID, "1", "forged"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < Math.max(valid.size(), hostile.size()); i++) {
                if (i < hostile.size()) {
                    all.add(hostile.get(i));
                }
                if (i < valid.size()) {
                    all.add(valid.get(i));
                }
            }
            List<Future<HttpResponse<String>>> answers = pool.invokeAll(all);
            List<String> caseIds = new ArrayList<>();
            int refused = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                if (r.statusCode() == 200) {
                    caseIds.add(PetitionInboundTest.caseId(r));
                } else {
                    assertThat(r.statusCode()).isIn(400, 401, 413);
                    refused++;
                }
            }
            assertThat(caseIds).hasSize(valid.size()).doesNotHaveDuplicates();
            assertThat(refused).isEqualTo(hostile.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(drain(INTAKE)).hasSize(valid.size());
    }

    private void assertRefused(HttpResponse<String> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).startsWith("<Ack><Code>E" + status + "</Code><Message>").contains(reason);
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.system()).isEqualTo("PETITION");
        assertThat(audit.reason()).contains(reason);
    }

    /** A valid, signed petition a little over 1 MiB: the content is padded. */
    private static byte[] oversized() {
        String xml = new String(VALID, StandardCharsets.UTF_8);
        return xml.replace("请求调解。", "请求调解。" + "很".repeat(350_000)).getBytes(StandardCharsets.UTF_8);
    }
}
