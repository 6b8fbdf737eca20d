package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Message;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.fixtures.Concurrently;
import org.disputehub.fixtures.HostileCorpus;
import org.disputehub.fixtures.odr.OdrSigning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input of {@code fixtures/odr/samples/hostile/expected.csv} through the real webhook: its exact status and
 * error, its audit record, nothing on HUB.INTAKE or HUB.STATUS.IN, an answer within the client's timeout. Then the
 * whole corpus at once while valid disputes keep being taken in, each exactly once.
 */
class OdrHostileCorpusTest extends OdrContextTest {

    private static final String OTHER_SECRET = "a-secret-the-hub-does-not-know";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    static List<HostileCorpus.Input> corpus() {
        return HostileCorpus.load("odr");
    }

    @Test
    void theCorpusHasAtLeastFiftyInputsCoveringEveryCategory() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(HostileCorpus.Input::category).contains("oversize", "nesting", "truncated",
                "invalid-json", "encoding", "range", "type", "structure", "script-sql", "signature-forged",
                "signature-stale", "replay");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputGetsItsExactAnswerAndIsRecorded(HostileCorpus.Input input) throws Exception {
        byte[] body = body(input);
        String firstAnswer = null;
        long t = Instant.now().getEpochSecond();
        if (input.signing().equals("replayed")) {
            HttpResponse<String> first = post(body, OdrSigning.header(SECRET, t, body), false);
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            firstAnswer = first.body();
            drain(INTAKE);
        }
        double rejected = count("hub.connector.messages", "connector", "odr", "direction", "in", "outcome", "rejected");

        HttpResponse<String> response = send(input, body, t);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(input.status());
        if (input.status() == 200) {
            assertThat(response.body()).as("a replay is answered as the first time").isEqualTo(firstAnswer);
        } else {
            JsonNode answer = json(response.body());
            String field = answer.path("field").isMissingNode() ? "" : answer.path("field").asText() + ": ";
            assertThat(field + answer.path("error").asText()).contains(input.error());
            assertThat(count("hub.connector.messages", "connector", "odr", "direction", "in", "outcome", "rejected")
                    - rejected).isEqualTo(1);
        }
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.system()).isEqualTo("ODR");
        assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.valueOf(input.recorded()));
        assertThat(audit.reason()).contains(input.error());
        if (!input.ref().isEmpty()) {
            assertThat(audit.ref()).isEqualTo(input.ref());
        }
        if (!input.generated()) {
            int kept = Math.min(body.length, InboundErrorPolicy.MAX_RECORDED);
            assertThat(audit.body()).isEqualTo(new String(body, 0, kept, StandardCharsets.UTF_8));
        }
        assertThat(drain(INTAKE)).as("nothing reaches the intake queue").isEmpty();
        assertThat(drain(STATUS_IN)).as("nothing reaches the status queue").isEmpty();
        assertThat(drain(AUDIT)).as("one record per input").isEmpty();
    }

    @Test
    void validDisputesAreTakenInExactlyOnceWhileTheWholeCorpusArrivesConcurrently() throws Exception {
        List<HostileCorpus.Input> hostile = corpus().stream().filter(i -> !i.signing().equals("replayed")).toList();
        List<Callable<String>> tasks = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            HostileCorpus.Input input = hostile.get(i);
            tasks.add(() -> input + " → " + send(input, body(input), Instant.now().getEpochSecond()).statusCode());
            expected.add(input + " → " + input.status());
            if (i % 2 == 0) {
                String disputeId = "ODR-FLOW-" + i;
                ObjectNode valid = event("samples/events/dispute-created.json").put("id", "evt_flow_" + i);
                ((ObjectNode) valid.get("data")).put("disputeId", disputeId);
                validIds.add(disputeId);
                tasks.add(() -> "valid " + disputeId + " → " + push(valid).statusCode());
                expected.add("valid " + disputeId + " → 200");
            }
        }
        List<String> answers = Concurrently.answers(tasks);

        assertThat(answers).containsExactlyElementsOf(expected);
        List<String> queued = new ArrayList<>();
        for (Message m : drain(INTAKE)) {
            queued.add(Json.read(text(m), CaseEnvelope.class).sourceId());
        }
        assertThat(queued).as("each valid dispute exactly once, nothing else").containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(drain(AUDIT)).hasSize(hostile.size());
        assertThat(drain(STATUS_IN)).isEmpty();
    }

    /** Sends the input with the ODR-Signature header its signing column names, made for {@code t}. */
    private HttpResponse<String> send(HostileCorpus.Input input, byte[] body, long t) {
        String valid = OdrSigning.v1(SECRET, t, body);
        boolean chunked = input.generated() && input.kind().equals("oversize-chunked");
        String header = switch (input.signing()) {
            case "valid", "replayed" -> "t=" + t + ",v1=" + valid;
            case "none" -> null;
            case "forged" -> "t=" + t + ",v1=" + OdrSigning.v1(OTHER_SECRET, t, body);
            case "other-body" -> "t=" + t + ",v1=" + OdrSigning.v1(SECRET, t, "{}".getBytes(StandardCharsets.UTF_8));
            case "upper-hex" -> "t=" + t + ",v1=" + valid.toUpperCase();
            case "nine-v1" -> "t=" + t + ",v1=00,v1=01,v1=02,v1=03,v1=04,v1=05,v1=06,v1=07,v1=" + valid;
            case "no-v1" -> "t=" + t;
            case "no-t" -> "v1=" + valid;
            case "t-twice" -> "t=" + t + ",t=" + t + ",v1=" + valid;
            case "t-text" -> "t=yesterday,v1=" + valid;
            case "garbage" -> "Bearer not-a-signature";
            case "stale" -> OdrSigning.header(SECRET, t - 360, body);
            case "future" -> OdrSigning.header(SECRET, t + 360, body);
            case "t-millis" -> OdrSigning.header(SECRET, t * 1000, body);
            default -> throw new IllegalArgumentException("unknown signing " + input.signing());
        };
        return post(body, header, chunked);
    }

    private HttpResponse<String> post(byte[] body, String header, boolean chunked) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook()).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/json")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (header != null) {
            request.header(OdrSigning.HEADER, header);
        }
        return send(request.build());
    }

    /** The input's bytes: its file, or the generated body its kind names. */
    static byte[] body(HostileCorpus.Input input) {
        if (!input.generated()) {
            return input.bytes();
        }
        return switch (input.kind()) {
            // a dispute padded to one byte over the 1 MiB limit, sent with and without Content-Length
            case "oversize", "oversize-chunked" -> {
                String head = "{\"id\":\"evt_oversize\",\"type\":\"dispute.created\",\"data\":{\"disputeId\":\"ODR-2026-000999\","
                        + "\"description\":\"";
                String tail = "\"}}";
                yield (head + "x".repeat(1024 * 1024 + 1 - head.length() - tail.length()) + tail)
                        .getBytes(StandardCharsets.UTF_8);
            }
            // 100 000 nested arrays (200 KB, under the size limit)
            case "nesting" -> ("{\"id\":\"evt_nested\",\"type\":\"dispute.created\",\"data\":" + "[".repeat(100_000)
                    + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown generated input " + input.kind());
        };
    }
}
