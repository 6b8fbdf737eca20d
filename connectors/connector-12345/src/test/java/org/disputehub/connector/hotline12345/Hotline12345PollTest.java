package org.disputehub.connector.hotline12345;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.component.timer.TimerEndpoint;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.fixtures.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class Hotline12345PollTest extends Hotline12345ContextTest {

    private static final String FIRST_SINCE = "updatedSince=2026-11-22T00%3A00%3A00%2B08%3A00";

    @Autowired
    Hotline12345Poller poller;
    @Autowired
    Hotline12345Client client;
    @Autowired
    WorkOrderIntake intake;
    ConnectorMetrics metrics;

    @BeforeEach
    void metrics() {
        metrics = new ConnectorMetrics(meters, Hotline12345.CONNECTOR);
    }
    @Autowired
    Hotline12345Properties properties;

    @Test
    void pagesUntilAShortPageAndPutsEveryRecordOnIntake() throws Exception {
        stubPage(1, Fixtures.text("samples/page-1.json"));
        stubPage(2, Fixtures.text("samples/page-2.json"));
        stubPage(3, Fixtures.text("samples/page-3.json"));
        double accepted = count("hub.connector.messages", "direction", "in", "outcome", "accepted");

        poller.poll();

        List<LoggedRequest> gets = chronological(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(ORDERS))));
        assertThat(gets).extracting(LoggedRequest::getUrl).containsExactly(
                ORDERS + "?" + FIRST_SINCE + "&pageNo=1&pageSize=6",
                ORDERS + "?" + FIRST_SINCE + "&pageNo=2&pageSize=6",
                ORDERS + "?" + FIRST_SINCE + "&pageNo=3&pageSize=6");
        List<JsonNode> records = new ArrayList<>();
        for (String page : List.of("samples/page-1.json", "samples/page-2.json", "samples/page-3.json")) {
            records.addAll(Fixtures.records(page));
        }
        List<Message> messages = drain(INTAKE);
        assertThat(messages).hasSize(15);
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String orderNo = record.path("orderNo").asText();
            CaseEnvelope envelope = Json.read(text(messages.get(i)), CaseEnvelope.class);
            assertThat(envelope.type()).isEqualTo(EnvelopeType.NEW);
            assertThat(envelope.system()).isEqualTo("HOTLINE12345");
            assertThat(envelope.sourceId()).isEqualTo(orderNo);
            assertThat(envelope.envelopeId()).matches("[0-9a-f-]{36}");
            assertThat(envelope.occurredAt()).isEqualTo(WorkOrderMapper.time(record, "updateTime"));
            assertThat(messages.get(i).getStringProperty("JMSXGroupID")).isEqualTo("HOTLINE12345:" + orderNo);
            assertThat(envelope.raw().contentType()).isEqualTo("application/json");
            assertThat(Json.mapper().readTree(envelope.raw().body())).isEqualTo(record);
            assertThat(envelope.caseData().source().sourceId()).isEqualTo(orderNo);
            assertThat(envelope.caseData().description()).isEqualTo(record.path("content").asText());
            assertThat(envelope.caseData().category().sourceCode()).isEqualTo(record.path("categoryCode").asText());
            assertThat(CaseSchema.violations(Json.tree(envelope.caseData()))).isEmpty();
        }
        assertThat(store.watermark(Hotline12345Poller.WATERMARK)).contains("2026-11-22T12:21:30+08:00|GD20261122000115");
        assertThat(store.sourceVersion("HOTLINE12345", "GD20261122000101")).contains("2026-11-22T08:06:00+08:00");
        assertThat(count("hub.connector.messages", "direction", "in", "outcome", "accepted") - accepted).isEqualTo(15);
        assertThat(pollState.lastSuccess()).isPresent();
        assertThat(pollState.healthy()).isTrue();
    }

    @Test
    void everyRequestIsSignedOverThePathAndQueryExactlyAsSent() {
        stubPage(1, Fixtures.text("samples/page-1.json"));
        stubPage(2, Fixtures.page());

        poller.poll();

        List<LoggedRequest> gets = WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(ORDERS)));
        assertThat(gets).hasSize(2);
        Set<String> nonces = new HashSet<>();
        for (LoggedRequest get : gets) {
            assertSignedIndependently(get, APP_KEY, APP_SECRET);
            assertThat(get.getHeader("X-Nonce")).matches("[A-Za-z0-9]{24}");
            assertThat(Long.parseLong(get.getHeader("X-Timestamp")))
                    .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
            nonces.add(get.getHeader("X-Nonce"));
        }
        assertThat(nonces).hasSize(2);
    }

    @Test
    void continuesFromTheWatermarkAfterARestartWithoutDuplicates() throws Exception {
        List<JsonNode> page1 = Fixtures.records("samples/page-1.json");
        stubPage(1, Fixtures.page(page1.get(0), page1.get(1)));
        poller.poll();
        assertThat(drain(INTAKE)).hasSize(2);

        // a restart: a new poller with nothing in memory; the platform lists again from the watermark (inclusive)
        Hotline12345Poller restarted = new Hotline12345Poller(client, intake, store, new Hotline12345PollState(),
                metrics, properties, java.time.Clock.systemUTC());
        WIREMOCK.resetRequests();
        stubPage(1, Fixtures.page(page1.get(1), page1.get(2)));
        restarted.poll();

        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(ORDERS)))).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).startsWith(ORDERS
                        + "?updatedSince=2026-11-22T08%3A21%3A30%2B08%3A00&pageNo=1&pageSize=6"));
        List<Message> second = drain(INTAKE);
        assertThat(second).singleElement().satisfies(m ->
                assertThat(Json.read(text(m), CaseEnvelope.class).sourceId()).isEqualTo("GD20261122000103"));
        assertThat(store.watermark(Hotline12345Poller.WATERMARK)).contains("2026-11-22T08:43:10+08:00|GD20261122000103");
    }

    @Test
    void aNewerVersionOfAKnownOrderIsAnUpdate() throws Exception {
        JsonNode original = Fixtures.records("samples/page-1.json").get(4);
        stubPage(1, Fixtures.page(original));
        poller.poll();
        drain(INTAKE);

        stubPage(1, Fixtures.page(original, Fixtures.json("samples/records/update-in-progress.json")));
        poller.poll();

        List<Message> messages = drain(INTAKE);
        assertThat(messages).hasSize(1);
        CaseEnvelope envelope = Json.read(text(messages.get(0)), CaseEnvelope.class);
        assertThat(envelope.type()).isEqualTo(EnvelopeType.UPDATE);
        assertThat(envelope.sourceId()).isEqualTo("GD20261122000105");
        assertThat(envelope.caseData().description()).contains("来电补充");
        assertThat(messages.get(0).getStringProperty("JMSXGroupID")).isEqualTo("HOTLINE12345:GD20261122000105");
        assertThat(store.sourceVersion("HOTLINE12345", "GD20261122000105")).contains("2026-11-22T14:10:00+08:00");
    }

    @Test
    void aWithdrawnOrderBecomesAWithdrawEnvelope() throws Exception {
        stubPage(1, Fixtures.page(Fixtures.records("samples/page-1.json").get(1)));
        poller.poll();
        drain(INTAKE);

        stubPage(1, Fixtures.page(Fixtures.json("samples/records/withdrawn.json")));
        poller.poll();

        List<Message> messages = drain(INTAKE);
        assertThat(messages).hasSize(1);
        CaseEnvelope envelope = Json.read(text(messages.get(0)), CaseEnvelope.class);
        assertThat(envelope.type()).isEqualTo(EnvelopeType.WITHDRAW);
        assertThat(envelope.sourceId()).isEqualTo("GD20261122000102");
        assertThat(envelope.reason()).isEqualTo("已撤销");
        assertThat(envelope.caseData()).isNull();
        assertThat(envelope.raw().body()).contains("已撤销");
    }

    @Test
    void anOrderFirstSeenWithdrawnIsCreatedAndWithdrawnInOrder() throws Exception {
        stubPage(1, Fixtures.page(Fixtures.json("samples/records/withdrawn.json")));

        poller.poll();

        assertThat(drain(INTAKE)).extracting(m -> Json.read(text(m), CaseEnvelope.class).type())
                .containsExactly(EnvelopeType.NEW, EnvelopeType.WITHDRAW);
    }

    @Test
    void aMalformedRecordIsAuditedAsRejectedAndTheOthersStillFlow(CapturedOutput output) throws Exception {
        String page = Fixtures.text("samples/hostile/page-with-malformed.json");
        stubPage(1, page);
        double rejected = count("hub.connector.messages", "direction", "in", "outcome", "rejected");

        poller.poll();

        assertThat(drain(INTAKE)).extracting(m -> Json.read(text(m), CaseEnvelope.class).sourceId())
                .containsExactly("GD20261122000201", "GD20261122000203");
        List<Message> audits = drain(AUDIT);
        assertThat(audits).hasSize(1);
        AuditRecord audit = Json.read(text(audits.get(0)), AuditRecord.class);
        assertThat(audit.system()).isEqualTo("HOTLINE12345");
        assertThat(audit.direction()).isEqualTo(AuditRecord.Direction.IN);
        assertThat(audit.ref()).isEqualTo("GD20261122000202");
        assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
        assertThat(audit.reason()).startsWith("areaCode: ");
        assertThat(Json.mapper().readTree(audit.body())).isEqualTo(Fixtures.records("samples/hostile/page-with-malformed.json").get(1));
        assertThat(count("hub.connector.messages", "direction", "in", "outcome", "rejected") - rejected).isEqualTo(1);
        assertThat(store.watermark(Hotline12345Poller.WATERMARK)).contains("2026-11-22T16:10:30+08:00|GD20261122000203");
        assertThat(output).contains("hotline12345 rejected work order GD20261122000202").doesNotContain("13812340000");

        poller.poll(); // the same page again: nothing new, no second audit
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
    }

    @Test
    void aRecordWithoutOrderNoIsAuditedOnceWithRefQuestionMark() throws Exception {
        stubPage(1, Fixtures.page(Fixtures.json("samples/hostile/missing-order-no.json")));

        poller.poll();
        poller.poll();

        assertThat(drain(AUDIT)).singleElement().satisfies(m -> {
            AuditRecord audit = Json.read(text(m), AuditRecord.class);
            assertThat(audit.ref()).isEqualTo("?");
            assertThat(audit.reason()).isEqualTo("orderNo: missing");
        });
    }

    @Test
    void signatureRejectedStopsTheCycleAlertsAndPausesPolling(CapturedOutput output) {
        stubPage(1, Fixtures.text("samples/errors/4001-signature-invalid.json"));
        stubPage(2, Fixtures.text("samples/page-2.json"));
        double errors = count("hub.connector.poll.errors", "reason", "signature");

        poller.poll();
        poller.poll();
        poller.poll();

        assertThat(WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(ORDERS)))).hasSize(1);
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(count("hub.connector.poll.errors", "reason", "signature") - errors).isEqualTo(1);
        assertThat(output).contains("ERROR").contains("ALERT hotline12345")
                .contains("hub.connectors.hotline12345.app-key");
        assertThat(pollState.lastError()).hasValueSatisfying(e -> assertThat(e).contains("4001"));
        assertThat(pollState.pausedUntil()).hasValueSatisfying(until ->
                assertThat(until).isAfter(Instant.now().plus(Duration.ofMinutes(59))));
        assertThat(pollState.healthy()).isFalse();
    }

    @Test
    void rateLimitedBacksOffAndDoublesWhileItRepeats() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
        Hotline12345Properties p = new Hotline12345Properties();
        p.setInitialSince(properties.getInitialSince());
        p.setRateLimitBackoff(Duration.ofSeconds(60));
        Hotline12345PollState state = new Hotline12345PollState();
        Hotline12345Poller limited = new Hotline12345Poller(client, intake, store, state, metrics, p, clock);
        stubPage(1, Fixtures.text("samples/errors/4290-rate-limited.json"));

        limited.poll();                              // t=0: 4290, pause 60 s
        clock.advance(Duration.ofSeconds(59));
        limited.poll();                              // paused
        assertThat(gets()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        limited.poll();                              // t=60: 4290 again, pause 120 s
        assertThat(gets()).isEqualTo(2);
        assertThat(state.pausedUntil()).contains(clock.instant().plusSeconds(120));
        clock.advance(Duration.ofSeconds(119));
        limited.poll();                              // paused
        assertThat(gets()).isEqualTo(2);

        stubPage(1, Fixtures.page(Fixtures.records("samples/page-1.json").get(0)));
        clock.advance(Duration.ofSeconds(1));
        limited.poll();                              // t=180: works again
        assertThat(gets()).isEqualTo(3);
        assertThat(drain(INTAKE)).hasSize(1);
        assertThat(state.healthy()).isTrue();
        assertThat(state.pausedUntil()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"code-5000", "http-503", "connection-reset", "not-json"})
    void transientFailuresAreRetriedOnTheNextCycle(String failure) {
        ResponseDefinitionBuilder broken = switch (failure) {
            case "code-5000" -> okJson(Fixtures.text("samples/errors/5000-server-error.json"));
            case "http-503" -> aResponse().withStatus(503).withBody("Service Unavailable");
            case "connection-reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            default -> aResponse().withStatus(200).withBody("<html>gateway</html>");
        };
        String reason = switch (failure) {
            case "connection-reset" -> "unavailable";
            case "not-json" -> "bad-reply";
            default -> "server";
        };
        double errors = count("hub.connector.poll.errors", "reason", reason);
        WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS)).willReturn(broken));

        poller.poll();
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(pollState.lastError()).isPresent();
        assertThat(count("hub.connector.poll.errors", "reason", reason) - errors).isEqualTo(1);
        assertThat(pollState.pausedUntil()).isEmpty();

        WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS))
                .willReturn(okJson(Fixtures.page(Fixtures.records("samples/page-1.json").get(0)))));
        poller.poll();
        assertThat(drain(INTAKE)).hasSize(1);
        assertThat(pollState.healthy()).isTrue();
    }

    @Test
    void thePollRouteRunsCyclesOnItsTimer() throws Exception {
        stubPage(1, Fixtures.page(Fixtures.json("samples/records/urgent.json")));

        camel.getRouteController().startRoute(Hotline12345PollRoute.ROUTE_ID);

        CaseEnvelope envelope = Json.read(text(next(INTAKE)), CaseEnvelope.class);
        assertThat(envelope.sourceId()).isEqualTo("GD20261122000131");
        assertThat(envelope.caseData().urgency()).isEqualTo("URGENT");
        assertThat(camel.getRoute(Hotline12345PollRoute.ROUTE_ID).getDescription()).isNotBlank();
        assertThat(((TimerEndpoint) camel.getRoute(Hotline12345PollRoute.ROUTE_ID).getEndpoint()).getPeriod())
                .isEqualTo(Duration.ofHours(1).toMillis());
    }

    private static void stubPage(int pageNo, String body) {
        WIREMOCK.stubFor(get(urlPathEqualTo(ORDERS)).withQueryParam("pageNo", equalTo(Integer.toString(pageNo)))
                .willReturn(okJson(body)));
    }

    private static int gets() {
        return WIREMOCK.findAll(getRequestedFor(urlPathEqualTo(ORDERS))).size();
    }

    private static List<LoggedRequest> chronological(List<LoggedRequest> requests) {
        List<LoggedRequest> sorted = new ArrayList<>(requests);
        sorted.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return sorted;
    }
}
