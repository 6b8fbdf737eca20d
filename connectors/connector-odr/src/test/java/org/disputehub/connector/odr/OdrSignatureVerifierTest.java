package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.disputehub.fixtures.MutableClock;
import org.disputehub.fixtures.odr.OdrSigning;
import org.junit.jupiter.api.Test;

/** The verifier against signatures made independently (test-fixtures' OdrSigning, plain javax.crypto). */
class OdrSignatureVerifierTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"dispute.created\"}".getBytes(StandardCharsets.UTF_8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final long now = clock.instant().getEpochSecond();
    private final OdrSignatureVerifier verifier =
            new OdrSignatureVerifier(List.of("old-secret", "new-secret"), Duration.ofSeconds(300), clock);

    @Test
    void aSignatureWithAnyConfiguredSecretIsValid() {
        assertThat(verifier.problem(OdrSigning.header("old-secret", now, BODY), BODY)).isEmpty();
        assertThat(verifier.problem(OdrSigning.header("new-secret", now, BODY), BODY)).isEmpty();
        assertThat(OdrSignatureVerifier.sign("new-secret", now, BODY)).isEqualTo(OdrSigning.header("new-secret", now, BODY));
    }

    @Test
    void oneValidAmongSeveralIsEnoughAndSpacesDoNotMatter() {
        String header = "t=" + now + ", v1=deadbeef , v1=" + OdrSigning.v1("other", now, BODY) + ", v0=x, v1="
                + OdrSigning.v1("new-secret", now, BODY);
        assertThat(verifier.problem(header, BODY)).isEmpty();
    }

    @Test
    void theWindowIsThreeHundredSecondsEitherWay() {
        assertThat(verifier.problem(OdrSigning.header("old-secret", now - 300, BODY), BODY)).isEmpty();
        assertThat(verifier.problem(OdrSigning.header("old-secret", now + 300, BODY), BODY)).isEmpty();
        assertThat(verifier.problem(OdrSigning.header("old-secret", now - 301, BODY), BODY)).hasValueSatisfying(
                p -> assertThat(p).contains("301 s away"));
        assertThat(verifier.problem(OdrSigning.header("old-secret", now + 301, BODY), BODY)).isPresent();
    }

    @Test
    void whatIsRefused() {
        String valid = OdrSigning.v1("old-secret", now, BODY);
        assertThat(verifier.problem(null, BODY)).contains("no ODR-Signature header");
        assertThat(verifier.problem("t=" + now, BODY)).contains("no v1 signature");
        assertThat(verifier.problem("v1=" + valid, BODY)).contains("t missing or not epoch seconds");
        assertThat(verifier.problem("t=abc,v1=" + valid, BODY)).contains("t missing or not epoch seconds");
        assertThat(verifier.problem("t=" + now + ",t=" + now + ",v1=" + valid, BODY)).contains("t given twice");
        assertThat(verifier.problem("t=" + now + ",v1=" + valid.toUpperCase(), BODY)).isPresent();
        assertThat(verifier.problem("t=" + (now + 1) + ",v1=" + valid, BODY)).as("t is signed").isPresent();
        byte[] tampered = "{\"id\":\"evt_2\",\"type\":\"dispute.created\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.problem(OdrSigning.header("old-secret", now, BODY), tampered)).isPresent();
    }

    @Test
    void onlyTheFirstEightSignaturesAreTried() {
        String header = "t=" + now + ",v1=0".repeat(8) + ",v1=" + OdrSigning.v1("old-secret", now, BODY);
        assertThat(verifier.problem(header, BODY)).contains("no v1 matches (8 offered)");
    }
}
