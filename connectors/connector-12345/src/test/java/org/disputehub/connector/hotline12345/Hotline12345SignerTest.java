package org.disputehub.connector.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Hotline12345SignerTest {

    private static final long TIMESTAMP = 1_795_318_800_000L; // 2026-11-22T03:40:00Z
    private final Hotline12345Signer signer =
            new Hotline12345Signer("hub-demo", "s3cr3t-12345", Clock.fixed(Instant.ofEpochMilli(TIMESTAMP), ZoneOffset.UTC));

    /*
     * Computed by hand with OpenSSL, outside the production code (bash; $'..' turns \n into newlines;
     * a GET has an empty body, so the signed string ends with the newline after the path and query):
     *
     *   printf '%s' $'hub-demo\n1795318800000\nAbCdEfGhIjKlMnOpQrStUv12\n/api/v2/workorders?updatedSince=2026-11-22T09%3A00%3A00%2B08%3A00&pageNo=1&pageSize=50\n' \
     *     | openssl dgst -sha256 -hmac 's3cr3t-12345'
     *   SHA2-256(stdin)= 93c315bb3c9d5732265eeb15c00f379ef01458da50d0d99e15ddc10184c57aeb
     */
    @Test
    void getSignatureMatchesTheOpensslVector() {
        String sign = signer.signature(TIMESTAMP, "AbCdEfGhIjKlMnOpQrStUv12",
                "/api/v2/workorders?updatedSince=2026-11-22T09%3A00%3A00%2B08%3A00&pageNo=1&pageSize=50", new byte[0]);

        assertThat(sign).isEqualTo("93c315bb3c9d5732265eeb15c00f379ef01458da50d0d99e15ddc10184c57aeb");
    }

    /*
     *   printf '%s' $'hub-demo\n1795318800000\nZyXwVuTsRqPoNmLkJiHgFeDc\n/api/v2/workorders/GD20261122000123/feedback\n{"status":"SIGN","handleDeptCode":"330108-ZF-001","handleDept":"浦沿街道综合执法队","handleTime":"2026-11-22 09:40:10","handleResult":"已签收，正在联系物业"}' \
     *     | openssl dgst -sha256 -hmac 's3cr3t-12345'
     *   SHA2-256(stdin)= d787255d77863248cbc241451d930fc61e811b51fa4749a023c742ba6c7efb4b
     * (the terminal's UTF-8 bytes of the Chinese text, as the connector sends them)
     */
    @Test
    void postSignatureCoversTheUtf8BodyAndMatchesTheOpensslVector() {
        String body = "{\"status\":\"SIGN\",\"handleDeptCode\":\"330108-ZF-001\",\"handleDept\":\"浦沿街道综合执法队\","
                + "\"handleTime\":\"2026-11-22 09:40:10\",\"handleResult\":\"已签收，正在联系物业\"}";

        String sign = signer.signature(TIMESTAMP, "ZyXwVuTsRqPoNmLkJiHgFeDc",
                "/api/v2/workorders/GD20261122000123/feedback", body.getBytes(StandardCharsets.UTF_8));

        assertThat(sign).isEqualTo("d787255d77863248cbc241451d930fc61e811b51fa4749a023c742ba6c7efb4b");
    }

    @Test
    void signUsesTheClockAndAFreshNonceEachTime() {
        String path = "/api/v2/workorders?updatedSince=2026-11-22T09%3A00%3A00%2B08%3A00&pageNo=1&pageSize=50";
        Hotline12345Signer.Signature first = signer.sign(path, new byte[0]);
        Hotline12345Signer.Signature second = signer.sign(path, new byte[0]);

        assertThat(first.appKey()).isEqualTo("hub-demo");
        assertThat(first.timestamp()).isEqualTo(TIMESTAMP);
        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.sign()).isEqualTo(signer.signature(TIMESTAMP, first.nonce(), path, new byte[0]));
    }

    @Test
    void noncesAre24AlphanumericCharactersAndDoNotRepeat() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String nonce = signer.nonce();
            assertThat(nonce).matches("[A-Za-z0-9]{24}");
            nonces.add(nonce);
        }
        assertThat(nonces).hasSize(10_000);
    }

    @Test
    void signingFromManyThreadsAtOnceGivesTheSameAnswer() {
        String path = "/api/v2/workorders?updatedSince=2026-11-22T09%3A00%3A00%2B08%3A00&pageNo=1&pageSize=50";
        assertThat(IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> signer.signature(TIMESTAMP, "AbCdEfGhIjKlMnOpQrStUv12", path, new byte[0]))
                .distinct().toList())
                .containsExactly("93c315bb3c9d5732265eeb15c00f379ef01458da50d0d99e15ddc10184c57aeb");
    }
}
