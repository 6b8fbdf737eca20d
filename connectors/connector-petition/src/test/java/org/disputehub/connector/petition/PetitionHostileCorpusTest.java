package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.InboundErrorPolicy;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.fixtures.Concurrently;
import org.disputehub.fixtures.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Every input of {@code fixtures/petition/samples/hostile/expected.csv} through the real push endpoint: its exact
 * status and error, its audit record, nothing on HUB.INTAKE, an answer within the client's timeout. Then the whole
 * corpus at once while valid petitions keep being taken in, each exactly once.
 */
class PetitionHostileCorpusTest extends PetitionContextTest {

    private static final String OTHER_SECRET = "a-secret-the-hub-does-not-know";
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    private static final byte[] VALID = Fixtures.bytes("samples/valid/single.xml");

    static List<HostileCorpus.Input> corpus() {
        return HostileCorpus.load("petition");
    }

    @Test
    void theCorpusHasAtLeastFiftyInputsCoveringEveryCategory() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(HostileCorpus.Input::category).contains("xxe", "billion-laughs", "dtd",
                "oversize", "truncated", "invalid-xml", "encoding", "range", "type", "script-sql", "signature-forged",
                "signature-stale", "replay");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputGetsItsExactAnswerAndIsRecorded(HostileCorpus.Input input) throws Exception {
        byte[] body = body(input);
        String firstAnswer = null;
        if (input.signing().startsWith("replayed")) {
            firstAnswer = prepareReplay(input, body);
        }

        double rejections = count("hub.connector.rejections", "status", Integer.toString(input.status()));

        HttpResponse<String> response = send(input, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(input.status());
        if (input.status() == 200) {
            assertThat(response.body()).as("a replay is answered as the first time").isEqualTo(firstAnswer);
        } else {
            Element ack = SafeXml.parse(response.body().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            assertThat(SafeXml.text(ack, "Code")).isEqualTo("E" + input.status());
            assertThat(SafeXml.text(ack, "Message")).contains(input.error());
        }
        AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
        assertThat(audit.system()).isEqualTo("PETITION");
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
        if (input.recorded().equals("REJECTED")) {
            assertThat(count("hub.connector.rejections", "status", Integer.toString(input.status())) - rejections).isEqualTo(1);
        }
        assertThat(drain(INTAKE)).as("nothing reaches the intake queue").isEmpty();
        assertThat(drain(AUDIT)).as("one record per input").isEmpty();
    }

    @Test
    void validPetitionsAreTakenInExactlyOnceWhileTheWholeCorpusArrivesConcurrently() throws Exception {
        List<HostileCorpus.Input> hostile = corpus().stream().filter(i -> !i.signing().startsWith("replayed")).toList();
        List<Callable<String>> tasks = new ArrayList<>();
        List<String> validIds = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            HostileCorpus.Input input = hostile.get(i);
            tasks.add(() -> input + " → " + send(input, body(input)).statusCode());
            if (i % 2 == 0) {
                String xfjbh = "XF33010820261122006" + String.format("%02d", i / 2);
                validIds.add(xfjbh);
                byte[] valid = new String(VALID, StandardCharsets.UTF_8).replace("XF3301082026112200011", xfjbh)
                        .getBytes(StandardCharsets.UTF_8);
                tasks.add(() -> "valid " + xfjbh + " → " + push(valid).statusCode());
            }
        }
        List<String> answers = Concurrently.answers(tasks);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < hostile.size(); i++) {
            expected.add(hostile.get(i) + " → " + hostile.get(i).status());
            if (i % 2 == 0) {
                expected.add("valid " + validIds.get(i / 2) + " → 200");
            }
        }
        assertThat(answers).containsExactlyElementsOf(expected);
        List<String> queued = new ArrayList<>();
        for (var m : drain(INTAKE)) {
            queued.add(Json.read(text(m), CaseEnvelope.class).sourceId());
        }
        assertThat(queued).as("each valid petition exactly once, nothing else").containsExactlyInAnyOrderElementsOf(validIds);
        assertThat(drain(AUDIT)).hasSize(hostile.size());
    }

    /** Sends the input as its signing column says (the replay kinds: the replayed request itself). */
    private HttpResponse<String> send(HostileCorpus.Input input, byte[] body) {
        String now = Long.toString(Instant.now().getEpochSecond());
        return switch (input.signing()) {
            case "valid" -> input.generated() && input.kind().equals("oversize-chunked") ? chunked(body, now)
                    : push(body, now, hmac(now, body));
            case "none" -> push(body, null, null);
            case "no-signature" -> push(body, now, null);
            case "no-timestamp" -> push(body, null, hmac(now, body));
            case "forged" -> push(body, now, sign(OTHER_SECRET, now, body));
            case "other-body" -> push(body, now, hmac(now, "<XFJ/>".getBytes(StandardCharsets.UTF_8)));
            case "not-base64" -> push(body, now, "not-base64!");
            case "stale" -> signedAt(body, Instant.now().getEpochSecond() - 600);
            case "future" -> signedAt(body, Instant.now().getEpochSecond() + 600);
            case "ts-text" -> push(body, "yesterday", hmac("yesterday", body));
            case "ts-overflow" -> push(body, "99999999999999999999", hmac("99999999999999999999", body));
            case "ts-millis" -> {
                String millis = Long.toString(Instant.now().toEpochMilli());
                yield push(body, millis, hmac(millis, body));
            }
            case "replayed", "replayed-superseded" -> push(body, replayTimestamp, replaySignature);
            default -> throw new IllegalArgumentException("unknown signing " + input.signing());
        };
    }

    private String replayTimestamp;
    private String replaySignature;

    /** Sends the original once (and, for a superseded one, a changed version after it); returns the first answer. */
    private String prepareReplay(HostileCorpus.Input input, byte[] body) throws Exception {
        replayTimestamp = Long.toString(Instant.now().getEpochSecond());
        replaySignature = hmac(replayTimestamp, body);
        HttpResponse<String> first = push(body, replayTimestamp, replaySignature);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        if (input.signing().equals("replayed-superseded")) {
            byte[] changed = new String(body, StandardCharsets.UTF_8).replace("</XFNR>", "（补充）</XFNR>")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(push(changed).statusCode()).isEqualTo(200);
        }
        drain(INTAKE);
        drain(AUDIT);
        return first.body();
    }

    private HttpResponse<String> signedAt(byte[] body, long epochSeconds) {
        String ts = Long.toString(epochSeconds);
        return push(body, ts, hmac(ts, body));
    }

    private HttpResponse<String> chunked(byte[] body, String ts) {
        return send(HttpRequest.newBuilder(inbound()).timeout(ANSWER_WITHIN)
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Timestamp", ts).header("X-Signature", hmac(ts, body))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
    }

    /** The input's bytes: its file, or the generated body its kind names. */
    static byte[] body(HostileCorpus.Input input) {
        if (!input.generated()) {
            return input.bytes();
        }
        String xml = new String(VALID, StandardCharsets.UTF_8);
        return switch (input.kind()) {
            // a valid petition padded to just over the 1 MiB limit, sent with and without Content-Length
            case "oversize", "oversize-chunked" ->
                    xml.replace("请求调解。", "请求调解。" + "很".repeat(350_000)).getBytes(StandardCharsets.UTF_8);
            // 100 000 nested elements inside XFNR (700 KB, under the size limit)
            case "deep-nesting" -> xml.replace("XF3301082026112200011", "XF3301082026112200980")
                    .replace("请求调解。", "请求调解。" + "<a>".repeat(100_000) + "</a>".repeat(100_000))
                    .getBytes(StandardCharsets.UTF_8);
            // 50 000 attributes on the root
            case "many-attributes" -> xml.replace("<XFJ>", "<XFJ" + attributes(50_000) + ">")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown generated input " + input.kind());
        };
    }

    private static String attributes(int n) {
        StringBuilder sb = new StringBuilder(n * 8);
        for (int i = 0; i < n; i++) {
            sb.append(" a").append(i).append("=\"\"");
        }
        return sb.toString();
    }

    private static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
