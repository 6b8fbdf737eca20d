package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.fixtures.petition.PetitionSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo simulator of test-fixtures against the real connector, both ways. */
class PetitionSimulatorTest extends PetitionContextTest {

    private PetitionSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = PetitionSimulator.start(0, inbound().toString(), SECRET, Duration.ofMillis(200));
    }

    @AfterEach
    void stopSimulator() {
        simulator.stop();
    }

    @Test
    void itsSignedVariedPetitionsAreAllTakenIn() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> simulator.accepted() >= 8);
        simulator.stop();

        assertThat(simulator.refused()).isZero();
        List<CaseEnvelope> envelopes = drain(INTAKE).stream().map(m -> {
            try {
                return Json.read(text(m), CaseEnvelope.class);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(envelopes).hasSizeGreaterThanOrEqualTo(8);
        assertThat(envelopes).extracting(e -> e.type().name()).as("the sixth push is an earlier petition, changed")
                .contains("NEW", "UPDATE");
        Set<String> categories = envelopes.stream().map(e -> e.caseData().category().sourceCode()).collect(Collectors.toSet());
        assertThat(categories).hasSizeGreaterThanOrEqualTo(5);
        assertThat(envelopes).anyMatch(e -> e.caseData().headcount() >= 5 && e.caseData().parties().size() == 2);
        assertThat(envelopes).anyMatch(e -> e.caseData().related() != null && e.caseData().related().repeatCount() == 1);
        assertThat(simulator.caseIds()).allMatch(id -> id.matches("HUB-\\d{8}-\\d{6}"));
    }

    @Test
    void itsPlatformChecksTheHubsSignatureWithItsOwnCode() {
        simulator.stop(); // only the platform side is used here, started afresh below
        simulator = PetitionSimulator.start(0, inbound().toString(), SECRET, Duration.ofHours(1));
        PetitionSigner hub = new PetitionSigner(SECRET, Duration.ofSeconds(300), Clock.systemUTC());
        String blzt = "<BLZT><XFJBH>XF3301082026112200007</XFJBH><ZT>交办</ZT><BLSJ>2026-11-22T10:05:00+08:00</BLSJ></BLZT>";
        String unknown = blzt.replace("XF3301082026112200007", "XF0000000000000000000");

        assertThat(post(blzt, hub.sign(blzt.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(200);
        assertThat(post(blzt, new PetitionSigner("another-secret-0123456789", Duration.ofSeconds(300), Clock.systemUTC())
                .sign(blzt.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(401);
        assertThat(post(unknown, hub.sign(unknown.getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(404);
        assertThat(post("<BLZT/>", hub.sign("<BLZT/>".getBytes(StandardCharsets.UTF_8))).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body, PetitionSigner.Signed signed) {
        return send(HttpRequest.newBuilder(URI.create(simulator.platform().baseUrl() + STATUS_PATH))
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Timestamp", signed.timestamp()).header("X-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }
}
