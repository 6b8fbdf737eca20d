package org.disputehub.connector.hotline12345;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.ServiceStatus;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hostile-input corpus ({@code fixtures/hotline12345/samples/hostile/expected.csv}) served by WireMock to the
 * poll cycle the route {@code hotline12345-poll} runs: each input ends as the manifest says — a record refused
 * with its field named and audited, a reply refused with the cycle's error recorded — never stopping the poller,
 * never hanging it, and valid work orders beside (or after) each one reach the intake queue exactly once.
 */
class Hotline12345HostileCorpusTest extends Hotline12345ContextTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int PAGE_SIZE = 6;
    /** The updateTime of the corpus's records (those whose time is not the hostile part). */
    private static final String HOSTILE_UPDATE_TIME = "2026-11-22 10:00:30";

    @Autowired
    Hotline12345Poller poller;

    static List<Fixtures.Hostile> corpus() {
        return Fixtures.corpus();
    }

    @Test
    void theCorpusHasAtLeastFiftyDistinctInputs() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(Fixtures.Hostile::file).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileInputEndsAsTheManifestSaysAndValidOrdersStillFlow(Fixtures.Hostile input) throws Exception {
        String validOrderNo = String.format("GD2026112299%04d", corpus().indexOf(input));
        JsonNode valid = valid(validOrderNo, 0);
        double errors = count("hub.connector.poll.errors", "reason", input.field());
        int served = serve(input, valid);

        assertTimeoutPreemptively(BOUND, poller::poll, "a poll cycle never hangs");

        switch (input.outcome()) {
            case "REJECTED" -> {
                AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
                assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
                assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
                assertThat(audit.reason()).as("audit reason").startsWith(input.field() + ": ").contains(input.reason());
                assertThat(envelopes()).as("the other records of the page, once each").hasSize(served - 1)
                        .doesNotHaveDuplicates();
            }
            case "ACCEPTED" -> {
                List<CaseEnvelope> envelopes = envelopes();
                assertThat(envelopes).extracting(CaseEnvelope::sourceId).hasSize(2).contains(validOrderNo);
                CaseEnvelope hostile = envelopes.stream().filter(e -> !e.sourceId().equals(validOrderNo)).findFirst().orElseThrow();
                assertThat(hostile.raw().body()).contains(Json.write(input.reason()).replace("\"", ""));
                assertThat(Json.write(hostile.caseData())).as("carried verbatim").contains(Json.write(input.reason()).replace("\"", ""));
            }
            default -> {
                assertThat(pollState.lastError()).as("the cycle's error").get().asString().contains(input.reason());
                assertThat(count("hub.connector.poll.errors", "reason", input.field()) - errors).isEqualTo(1);
                assertThat(pollState.pausedUntil().isPresent()).as("paused").isEqualTo("PAUSED".equals(input.outcome()));
                assertThat(drain(INTAKE)).as("nothing on the intake queue").isEmpty();
                assertThat(store.watermark(Hotline12345Poller.WATERMARK)).as("the watermark does not move").isEmpty();
                pollState.reset(); // the back-off over (PAUSED), or simply the next cycle (FAILED)
                WIREMOCK.resetAll();
                stubPage(1, Fixtures.page(valid));
                assertTimeoutPreemptively(BOUND, poller::poll);
                assertThat(envelopes()).extracting(CaseEnvelope::sourceId).containsExactly(validOrderNo);
            }
        }
        assertThat(drain(AUDIT)).as("one record per refusal").isEmpty();
        assertThat(drain(INTAKE)).isEmpty();
    }

    /** Every hostile record among valid ones, in full pages, to the real route's timer: the valid ones all arrive once. */
    @Test
    void theRealRouteTakesEveryValidOrderOnceWhileTheRecordCorpusIsServed() throws Exception {
        List<Fixtures.Hostile> records = corpus().stream().filter(h -> h.kind().equals("record")).toList();
        List<JsonNode> stream = new ArrayList<>();
        Set<String> validOrderNos = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode valid = valid(String.format("GD2026112298%04d", i), 2 * i);
            validOrderNos.add(valid.path("orderNo").asText());
            stream.add(valid);
            JsonNode hostile = hostileRecord(records.get(i));
            if (hostile instanceof ObjectNode o && o.path("updateTime").asText().equals(HOSTILE_UPDATE_TIME)) {
                o.put("updateTime", nineOClockPlus(2 * i + 1));
            }
            stream.add(hostile); // in the contract's order (updateTime, orderNo)
        }
        int pages = stream.size() / PAGE_SIZE + 1; // the last page is short
        for (int p = 0; p < pages; p++) {
            stubPage(p + 1, Fixtures.page(stream.subList(p * PAGE_SIZE, Math.min(stream.size(), (p + 1) * PAGE_SIZE))
                    .toArray(JsonNode[]::new)));
        }
        long refused = records.stream().filter(h -> h.outcome().equals("REJECTED")).count();
        long accepted = records.size() - refused;

        camel.getRouteController().startRoute(Hotline12345PollRoute.ROUTE_ID);
        List<String> sourceIds = new ArrayList<>();
        List<AuditRecord> audits = new ArrayList<>();
        await().atMost(BOUND.multipliedBy(2)).until(() -> {
            for (Message m : drain(INTAKE)) {
                sourceIds.add(Json.read(text(m), CaseEnvelope.class).sourceId());
            }
            for (Message m : drain(AUDIT)) {
                audits.add(Json.read(text(m), AuditRecord.class));
            }
            return sourceIds.size() >= validOrderNos.size() + accepted && audits.size() >= refused;
        });

        assertThat(sourceIds.stream().filter(validOrderNos::contains).toList()).as("each valid order exactly once")
                .containsExactlyInAnyOrderElementsOf(validOrderNos);
        assertThat(sourceIds).hasSize((int) (validOrderNos.size() + accepted));
        assertThat(audits).hasSize((int) refused).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED));
        assertThat(camel.getRouteController().getRouteStatus(Hotline12345PollRoute.ROUTE_ID)).isEqualTo(ServiceStatus.Started);
        assertThat(pollState.lastError()).as("records are refused one by one; the cycles succeed").isEmpty();
    }

    /** Stubs page 1 with the input; returns how many records the served page holds (0 for a refused reply). */
    private int serve(Fixtures.Hostile input, JsonNode valid) {
        switch (input.kind()) {
            case "record" -> {
                stubPage(1, Fixtures.page(valid, hostileRecord(input)));
                return 2;
            }
            case "reply" -> {
                byte[] body = input.generated() ? generatedReply(input.name()) : input.bytes();
                WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("pageNo", equalTo("1"))
                        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
                return input.outcome().equals("REJECTED") ? Fixtures.records("samples/hostile/" + input.file()).size() : 0;
            }
            default -> {
                WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(http(input.name(), valid)));
                return 0;
            }
        }
    }

    /** The record, made unique per send (the connector audits a position-less refusal once per JVM). */
    private static JsonNode hostileRecord(Fixtures.Hostile input) throws RuntimeException {
        JsonNode record = input.generated() ? generatedRecord(input.name()) : read(input.bytes());
        String nonce = UUID.randomUUID().toString();
        if (record instanceof ObjectNode o) {
            o.put("corpusRun", nonce);
        } else if (record instanceof ArrayNode a) {
            a.add(nonce);
        } else if (record.isTextual()) {
            record = TextNode.valueOf(record.asText() + nonce);
        }
        return record;
    }

    private static JsonNode generatedRecord(String name) {
        if (!name.equals("record-oversize")) {
            throw new IllegalArgumentException(name);
        }
        return ((ObjectNode) valid("GD20261122009990", 0)).put("content", "噪".repeat(25_000));
    }

    private static byte[] generatedReply(String name) {
        String body = switch (name) {
            case "reply-empty" -> "";
            case "reply-too-many-records" -> {
                List<JsonNode> seven = new ArrayList<>();
                for (int i = 0; i < PAGE_SIZE + 1; i++) {
                    seven.add(valid(String.format("GD2026112297%04d", i), i));
                }
                yield Fixtures.page(seven.toArray(JsonNode[]::new));
            }
            case "reply-deep-nesting" -> "{\"code\":0,\"msg\":\"ok\",\"data\":{\"records\":[],\"x\":"
                    + "[".repeat(5_000) + "]".repeat(5_000) + "}}";
            case "reply-oversize" -> {
                String page = Fixtures.page(valid("GD20261122009991", 0));
                yield page + " ".repeat(Hotline12345Client.MAX_REPLY_BYTES + 1 - page.getBytes(StandardCharsets.UTF_8).length);
            }
            default -> throw new IllegalArgumentException(name);
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static ResponseDefinitionBuilder http(String name, JsonNode valid) {
        return switch (name) {
            case "http-500" -> aResponse().withStatus(500).withBody("{\"code\":0}");
            case "http-404-html" -> aResponse().withStatus(404).withHeader("Content-Type", "text/html").withBody("<h1>Not Found</h1>");
            case "http-302-redirect" -> aResponse().withStatus(302).withHeader("Location", "http://attacker.example/workorders");
            case "fault-connection-reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "fault-empty-response" -> aResponse().withFault(Fault.EMPTY_RESPONSE);
            case "fault-malformed-chunk" -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case "fault-random-data" -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            // headers at once, then the body trickles in over 8 s: the 5 s timeout covers the whole exchange
            case "dribble-body" -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.page(valid)).withChunkedDribbleDelay(8, 8_000);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A valid work order of that number, updated {@code second} seconds after 09:00. */
    private static JsonNode valid(String orderNo, int second) {
        ObjectNode record = (ObjectNode) Fixtures.json("samples/records/valid.json").deepCopy();
        return record.put("orderNo", orderNo).put("updateTime", nineOClockPlus(second));
    }

    private static String nineOClockPlus(int seconds) {
        return String.format("2026-11-22 09:%02d:%02d", seconds / 60, seconds % 60);
    }

    private static JsonNode read(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<CaseEnvelope> envelopes() throws Exception {
        List<CaseEnvelope> out = new ArrayList<>();
        for (Message m : drain(INTAKE)) {
            out.add(Json.read(text(m), CaseEnvelope.class));
        }
        return out;
    }

    private static void stubPage(int pageNo, String body) {
        WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("pageNo", equalTo(Integer.toString(pageNo)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
    }
}
