package org.disputehub.connector.hotline12345;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.connector.hotline12345.Hotline12345CallException.Failure;
import org.disputehub.fixtures.MutableClock;
import org.disputehub.fixtures.hotline12345.Hotline12345Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo simulator of test-fixtures against the real connector classes. */
class Hotline12345SimulatorTest extends Hotline12345ContextTest {

    private static final String KEY = "sim-app";
    private static final String SECRET = "sim-secret-0123456789";

    @Autowired
    WorkOrderIntake intake;
    ConnectorMetrics metrics;

    @BeforeEach
    void metrics() {
        metrics = new ConnectorMetrics(meters, Hotline12345.CONNECTOR);
    }

    private final MutableClock simulatorClock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private WireMockServer simulator;

    @BeforeEach
    void startSimulator() {
        simulator = Hotline12345Simulator.start(0, KEY, SECRET, Duration.ofSeconds(1), simulatorClock);
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    @Test
    void theConnectorPollsTheSimulatorAndReceivesATrickleOfOrders() throws Exception {
        Hotline12345Client client = client(SECRET);
        Hotline12345Poller poller = new Hotline12345Poller(client, intake, store, new Hotline12345PollState(), metrics,
                properties(), Clock.systemUTC());

        simulatorClock.advance(Duration.ofMillis(12_500)); // orders 0..12 have appeared; 2 and 7 updated, 4 withdrawn
        poller.poll();
        List<CaseEnvelope> first = envelopes(drain(INTAKE));

        List<String> orders = first.stream().filter(e -> e.type() == EnvelopeType.NEW).map(CaseEnvelope::sourceId)
                .sorted().toList();
        assertThat(orders).hasSize(13).doesNotHaveDuplicates();
        assertThat(first).filteredOn(e -> e.type() == EnvelopeType.WITHDRAW).extracting(CaseEnvelope::sourceId)
                .containsExactly(orders.get(4));
        assertThat(first).hasSize(14);
        assertThat(first).filteredOn(e -> e.caseData() != null)
                .allSatisfy(e -> assertThat(e.caseData().description()).isNotBlank());

        simulatorClock.advance(Duration.ofSeconds(10)); // orders 13..22 appear; 12 is updated, 11 withdrawn
        poller.poll();
        List<CaseEnvelope> second = envelopes(drain(INTAKE));

        assertThat(second).filteredOn(e -> e.type() == EnvelopeType.NEW).hasSize(10)
                .extracting(CaseEnvelope::sourceId).doesNotContainAnyElementsOf(orders);
        assertThat(second).filteredOn(e -> e.type() == EnvelopeType.UPDATE).extracting(CaseEnvelope::sourceId)
                .containsExactly(orders.get(12));
        assertThat(second).filteredOn(e -> e.type() == EnvelopeType.WITHDRAW).extracting(CaseEnvelope::sourceId)
                .containsExactly(orders.get(11));
        assertThat(second).hasSize(12);

        client.sendFeedback(orders.get(0), "{\"status\":\"SIGN\",\"handleDeptCode\":\"330108-ZF-001\","
                + "\"handleDept\":\"浦沿街道综合执法队\",\"handleTime\":\"2026-11-22 09:40:10\",\"handleResult\":\"已签收\"}");
        assertThat(simulator.findAll(postRequestedFor(urlPathEqualTo("/api/v2/workorders/" + orders.get(0) + "/feedback"))))
                .hasSize(1);
        assertThatThrownBy(() -> client.sendFeedback("GD00000000000000", "{\"status\":\"SIGN\"}"))
                .isInstanceOf(PermanentFailureException.class).hasMessageContaining("4004");
    }

    @Test
    void aWrongSecretGetsCode4001() {
        Hotline12345Client wrong = client("not-the-secret");
        OffsetDateTime since = OffsetDateTime.now(Hotline12345.OFFSET).truncatedTo(ChronoUnit.DAYS);

        assertThatThrownBy(() -> wrong.fetchPage(since, 1))
                .isInstanceOfSatisfying(Hotline12345CallException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.SIGNATURE_REJECTED);
                    assertThat(e.code()).isEqualTo(4001);
                });
        assertThat(client(SECRET).fetchPage(since, 1).records()).hasSize(1);
    }

    private Hotline12345Client client(String secret) {
        return new Hotline12345Client(properties(), new Hotline12345Signer(KEY, secret, Clock.systemUTC()));
    }

    private Hotline12345Properties properties() {
        Hotline12345Properties p = new Hotline12345Properties();
        p.setBaseUrl(simulator.baseUrl());
        p.setAppKey(KEY);
        p.setAppSecret(SECRET);
        p.setPageSize(5);
        p.setInitialSince(OffsetDateTime.ofInstant(simulatorClock.instant(), Hotline12345.OFFSET).truncatedTo(ChronoUnit.DAYS));
        return p;
    }

    private static List<CaseEnvelope> envelopes(List<Message> messages) throws JMSException {
        List<CaseEnvelope> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(Json.read(text(m), CaseEnvelope.class));
        }
        return out;
    }
}
