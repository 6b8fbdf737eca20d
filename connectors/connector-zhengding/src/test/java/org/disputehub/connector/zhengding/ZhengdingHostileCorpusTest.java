package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.fixtures.Concurrently;
import org.disputehub.fixtures.HostileCorpus;
import org.disputehub.fixtures.zhengding.ZhengdingCallbackCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of {@code fixtures/zhengding/samples/hostile/expected.csv} through the real callback endpoint (clock
 * at T0): its exact status and error, its audit record, nothing on HUB.STATUS.IN or HUB.STATUS, an answer within the
 * client's timeout. Then the whole corpus at once while valid case actions keep arriving, each exactly once.
 */
class ZhengdingHostileCorpusTest extends ZhengdingContextTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final String T0 = Long.toString(TestApplication.T0);
    private static final AtomicInteger NONCES = new AtomicInteger();
    private final ZhengdingCallbackCrypto platform = new ZhengdingCallbackCrypto(ZhengdingCryptoTest.TOKEN,
            ZhengdingCryptoTest.AES_KEY, ZhengdingCryptoTest.APP_KEY);

    static List<HostileCorpus.Input> corpus() {
        return HostileCorpus.load("zhengding");
    }

    @Test
    void theCorpusHasAtLeastFiftyInputsCoveringEveryCategory() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(HostileCorpus.Input::category).contains("signature-tampered", "signature-stale",
                "wrong-appkey", "bad-padding", "truncated-ciphertext", "replay", "oversize", "nesting", "invalid-json",
                "truncated", "encoding", "type", "range", "structure", "script-sql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputGetsItsExactAnswerAndIsRecorded(HostileCorpus.Input input) throws Exception {
        CorpusCallback callback = CorpusCallback.of(input, platform, "n" + NONCES.incrementAndGet());
        if (input.signing().startsWith("replayed")) {
            assertThat(post(callback).statusCode()).isEqualTo(200);
            drain(STATUS_IN);
            drain(AUDIT);
            if (input.signing().equals("replayed-event")) { // the platform's retry: encrypted and signed anew
                callback = CorpusCallback.of(input, platform, "n" + NONCES.incrementAndGet());
            }
        }
        double rejected = count("hub.connector.messages", "connector", "zhengding", "direction", "in", "outcome", "rejected");

        HttpResponse<String> response = post(callback);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(input.status());
        JsonNode answer = Json.read(response.body(), JsonNode.class);
        if (input.status() == 200) {
            assertThat(platform.decrypt(answer.path("encrypt").asText())).isEqualTo("success");
        } else {
            assertThat(answer.path("error").asText()).contains(input.error());
            assertThat(count("hub.connector.messages", "connector", "zhengding", "direction", "in", "outcome", "rejected")
                    - rejected).isEqualTo(1);
        }
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.system()).isEqualTo("ZHENGDING");
        assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.valueOf(input.recorded()));
        assertThat(audit.reason()).contains(input.error());
        if (!input.ref().isEmpty()) {
            assertThat(audit.ref()).isEqualTo(input.ref());
        }
        if (!input.generated()) {
            String sent = new String(callback.body(), 0, Math.min(callback.body().length, InboundErrorPolicy.MAX_RECORDED),
                    StandardCharsets.UTF_8);
            assertThat(audit.body()).as("the request body, or the decrypted message once authenticated")
                    .isIn(sent, callback.message());
        }
        assertThat(drain(STATUS_IN)).as("nothing reaches the status queue").isEmpty();
        assertThat(drain(STATUS)).isEmpty();
        assertThat(drain(AUDIT)).as("one record per input").isEmpty();
    }

    @Test
    void validCaseActionsAreTakenExactlyOnceWhileTheWholeCorpusArrivesConcurrently() throws Exception {
        List<HostileCorpus.Input> hostile = corpus().stream().filter(i -> !i.signing().startsWith("replayed")).toList();
        List<Callable<String>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            HostileCorpus.Input input = hostile.get(i);
            CorpusCallback callback = CorpusCallback.of(input, platform, "c" + NONCES.incrementAndGet());
            tasks.add(() -> input + " → " + post(callback).statusCode());
            expected.add(input + " → " + input.status());
            if (i % 2 == 0) {
                String eventId = "ev-flow-" + i;
                validIds.add(eventId);
                ZhengdingCallbackCrypto.Callback valid = platform.callback("{\"EventType\":\"case_action\",\"eventId\":\""
                        + eventId + "\",\"caseId\":\"HUB-20261122-000" + (100 + i) + "\",\"action\":\"SIGN\","
                        + "\"userId\":\"zhangwei01\",\"deptCode\":\"330105-SJ-001\",\"time\":1795335000000}",
                        TestApplication.T0, "v" + i);
                tasks.add(() -> "valid " + eventId + " → " + post(valid.query(), valid.body().getBytes(StandardCharsets.UTF_8),
                        false).statusCode());
                expected.add("valid " + eventId + " → 200");
            }
        }
        List<String> answers = Concurrently.answers(tasks);

        assertThat(answers).containsExactlyElementsOf(expected);
        List<String> events = new ArrayList<>();
        for (Message m : drain(STATUS_IN)) {
            events.add(Json.read(text(m), StatusEvent.class).eventId());
        }
        assertThat(events).as("each valid case action exactly once, nothing else").containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(drain(AUDIT)).hasSize(hostile.size());
    }

    private HttpResponse<String> post(CorpusCallback callback) {
        return post(callback.query(), callback.body(), callback.chunked());
    }

    private HttpResponse<String> post(String query, byte[] body, boolean chunked) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Zhengding.CALLBACK_PATH + "?" + query))
                .timeout(ANSWER_WITHIN).header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("callback failed: " + e, e);
        }
    }
}
