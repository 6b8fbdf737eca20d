package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PetitionSignerTest {

    private static final long NOW = 1_795_333_800L; // 2026-11-22T07:50:00Z = 15:50 +08:00
    private static final String SECRET = "petition-s3cr3t";
    private final PetitionSigner signer = new PetitionSigner(SECRET, Duration.ofSeconds(300),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private static final String PUSH = "<XFJ><XFJBH>XF3301082026112200007</XFJBH><XFNR>小区物业擅自提高物业费</XFNR></XFJ>";
    /*
     * Computed by hand with OpenSSL, outside the production code (the terminal's UTF-8 bytes of the Chinese text,
     * as the platform sends them):
     *
     *   printf '%s' '1795333800.<XFJ><XFJBH>XF3301082026112200007</XFJBH><XFNR>小区物业擅自提高物业费</XFNR></XFJ>' \
     *     | openssl dgst -sha256 -hmac 'petition-s3cr3t' -binary | base64
     *   g5FSN8p5TUuwSJDMXSj9OT2R8b0PDdsF8Ych9HjxHGk=
     */
    private static final String PUSH_SIGNATURE = "g5FSN8p5TUuwSJDMXSj9OT2R8b0PDdsF8Ych9HjxHGk=";

    @Test
    void pushSignatureMatchesTheOpensslVector() {
        assertThat(signer.signature("1795333800", PUSH.getBytes(StandardCharsets.UTF_8))).isEqualTo(PUSH_SIGNATURE);
        assertThat(signer.problem("1795333800", PUSH_SIGNATURE, PUSH.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    /*
     *   printf '%s' '1795334100.<BLZT><XFJBH>XF3301082026112200007</XFJBH><ZT>交办</ZT><BLDWDM>330108-ZF-001</BLDWDM><BLDW>西兴街道社会治理中心</BLDW><BLSJ>2026-11-22T10:05:00+08:00</BLSJ><BLYJ>已交办属地街道</BLYJ></BLZT>' \
     *     | openssl dgst -sha256 -hmac 'petition-s3cr3t' -binary | base64
     *   tXnj3xrdEAONVpRJ3Crtu2Zo2bSUUjmyFGvD1F5dP68=
     */
    @Test
    void statusSignatureOverTheContractExampleMatchesTheOpensslVector() {
        String blzt = PetitionRelaySink.blzt("XF3301082026112200007", "交办", "330108-ZF-001", "西兴街道社会治理中心",
                java.time.OffsetDateTime.parse("2026-11-22T10:05:00+08:00"), "已交办属地街道");

        assertThat(signer.signature("1795334100", blzt.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("tXnj3xrdEAONVpRJ3Crtu2Zo2bSUUjmyFGvD1F5dP68=");
    }

    @Test
    void signUsesTheClockInEpochSeconds() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
        PetitionSigner.Signed signed = signer.sign(body);

        assertThat(signed.timestamp()).isEqualTo("1795333800");
        assertThat(signed.signature()).isEqualTo(PUSH_SIGNATURE);
    }

    @Test
    void refusesWhatIsNotProperlySigned() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);

        assertThat(signer.problem(null, PUSH_SIGNATURE, body)).contains("missing X-Timestamp or X-Signature");
        assertThat(signer.problem("1795333800", " ", body)).contains("missing X-Timestamp or X-Signature");
        assertThat(signer.problem("2026-11-22T07:50:00Z", PUSH_SIGNATURE, body)).contains("X-Timestamp is not epoch seconds");
        assertThat(signer.problem("179533380000", PUSH_SIGNATURE, body)).get().asString().contains("from the hub's clock");
        assertThat(signer.problem("1795333800", PUSH_SIGNATURE.replace('g', 'h'), body))
                .contains("X-Signature does not match the body");
        assertThat(signer.problem("1795333800", PUSH_SIGNATURE, (PUSH + " ").getBytes(StandardCharsets.UTF_8)))
                .as("one byte more").contains("X-Signature does not match the body");
    }

    @Test
    void theWindowIsThreeHundredSecondsEitherWay() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
        for (long skew : new long[] {-300, 300}) {
            String ts = Long.toString(NOW + skew);
            assertThat(signer.problem(ts, signer.signature(ts, body), body)).as("skew " + skew).isEmpty();
        }
        for (long skew : new long[] {-301, 301}) {
            String ts = Long.toString(NOW + skew);
            assertThat(signer.problem(ts, signer.signature(ts, body), body)).as("skew " + skew).get().asString()
                    .isEqualTo("X-Timestamp is 301 s from the hub's clock (allowed 300 s)");
        }
    }

    @Test
    void signingFromManyThreadsAtOnceGivesTheSameAnswer() {
        byte[] body = PUSH.getBytes(StandardCharsets.UTF_8);
        assertThat(IntStream.range(0, 2_000).parallel().mapToObj(i -> signer.signature("1795333800", body))
                .distinct().toList()).containsExactly(PUSH_SIGNATURE);
    }
}
