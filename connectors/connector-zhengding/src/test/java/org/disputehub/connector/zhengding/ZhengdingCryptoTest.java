package org.disputehub.connector.zhengding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.IntStream;
import org.disputehub.connector.zhengding.ZhengdingCrypto.DecryptException;
import org.disputehub.fixtures.zhengding.ZhengdingCallbackCrypto;
import org.junit.jupiter.api.Test;

/**
 * The callback crypto against vectors made with OpenSSL and coreutils, outside the production code (bash):
 *
 * <pre>
 * AES=P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI            # the 43-character EncodingAESKey
 * KEY=$(printf '%s=' "$AES" | base64 -d | xxd -p -c 64)      # 3ff1c2c5…ffb864b2, 32 bytes
 * IV=${KEY:0:32}                                             # its first 16 bytes
 * # enc MSG RANDOM16: RANDOM16 ‖ 4-byte big-endian length ‖ MSG ‖ zd-test-app ‖ PKCS#7 padding to 32 bytes
 * enc() { len=$(printf '%s' "$1" | wc -c); pad=$(( 32 - (16 + 4 + len + 11) % 32 ))
 *   { printf '%s' "$2"; printf '%08x' "$len" | xxd -r -p; printf '%s' "$1"; printf '%s' zd-test-app
 *     for _ in $(seq "$pad"); do printf "\\x$(printf '%02x' "$pad")"; done; } \
 *   | openssl enc -aes-256-cbc -nopad -K "$KEY" -iv "$IV" | base64 -w0; }
 * # sig TIMESTAMP NONCE ENCRYPT: SHA-1 of token, timestamp, nonce, encrypt sorted in byte order and joined
 * sig() { printf '%s\n' zd-test-token "$1" "$2" "$3" | LC_ALL=C sort | tr -d '\n' | sha1sum | cut -d' ' -f1; }
 * </pre>
 *
 * (the same commands as test-fixtures/zhengding/samples/callbacks/make-callbacks.sh, which writes the forged callbacks).
 */
class ZhengdingCryptoTest {

    static final String TOKEN = "zd-test-token";
    static final String AES_KEY = "P/HCxae2Uyj2nVxSiVnPq2KUSmYG3o8Og8Yytv+4ZLI";
    static final String APP_KEY = "zd-test-app";

    private final ZhengdingCrypto crypto = new ZhengdingCrypto(TOKEN, AES_KEY, APP_KEY);

    /*
     *   E=$(enc '{"EventType":"check_url"}' 0123456789abcdef)   # 56 bytes + 8 bytes of 0x08
     *   I+IDDFXwK8akCiCLTkcCLB7oS4tGUjO6q0cPIXDBXLXmXLnM7Aupm/CCorjgJkHUk8zFZg5KLHF76/dhlsso1w==
     *   sig 1795335000000 nonce123 "$E"
     *   dd51543b6f952064e7d261a19570362985c3dd46
     */
    static final String CHECK_URL = "{\"EventType\":\"check_url\"}";
    static final String CHECK_URL_ENC = "I+IDDFXwK8akCiCLTkcCLB7oS4tGUjO6q0cPIXDBXLXmXLnM7Aupm/CCorjgJkHUk8zFZg5KLHF76/dhlsso1w==";

    @Test
    void encryptsAndSignsCheckUrlLikeOpenssl() throws Exception {
        assertThat(crypto.encrypt(CHECK_URL, ascii("0123456789abcdef"))).isEqualTo(CHECK_URL_ENC);
        assertThat(crypto.signature("1795335000000", "nonce123", CHECK_URL_ENC))
                .isEqualTo("dd51543b6f952064e7d261a19570362985c3dd46");
        assertThat(crypto.decrypt(CHECK_URL_ENC)).isEqualTo(CHECK_URL);
    }

    /*
     *   E=$(enc success abcdefghijklmnop)
     *   Slbbt+BCzPj/Sdn3gpkT9yjtNCzA7xOxH4O6f1OkrzVK1fAJUm1kM6Rp7KnrYcjHSx+1RA/fXXZLCsWKNpmlKQ==
     *   sig 1795335000000 nonce123 "$E"
     *   21fcc3923dfea0c7e827d31f95baca7b6ec3e685
     */
    @Test
    void theSuccessReplyMatchesOpenssl() throws Exception {
        String e = "Slbbt+BCzPj/Sdn3gpkT9yjtNCzA7xOxH4O6f1OkrzVK1fAJUm1kM6Rp7KnrYcjHSx+1RA/fXXZLCsWKNpmlKQ==";
        assertThat(crypto.encrypt("success", ascii("abcdefghijklmnop"))).isEqualTo(e);
        assertThat(crypto.signature("1795335000000", "nonce123", e)).isEqualTo("21fcc3923dfea0c7e827d31f95baca7b6ec3e685");
        assertThat(crypto.decrypt(e)).isEqualTo("success");
    }

    /*
     *   M='{"EventType":"case_action","eventId":"ev-8c1f","caseId":"HUB-20261122-000017","action":"SIGN","userId":"zhangwei01","deptCode":"330105-SJ-001","time":1795335000000,"note":"收到，马上到"}'
     *   E=$(enc "$M" RRRRRRRRRRRRRRRR)      # the terminal's UTF-8 bytes of the Chinese note
     *   sig 1795335000000 Nx9 "$E"
     *   df45a945f458f7614bb8c5f7a7600b6a24b372da
     */
    @Test
    void aCaseActionWithChineseTextMatchesOpenssl() throws Exception {
        String m = "{\"EventType\":\"case_action\",\"eventId\":\"ev-8c1f\",\"caseId\":\"HUB-20261122-000017\",\"action\":\"SIGN\","
                + "\"userId\":\"zhangwei01\",\"deptCode\":\"330105-SJ-001\",\"time\":1795335000000,\"note\":\"收到，马上到\"}";
        String e = "etAtfABbpQm2gfgEAupxy6pBF/IHM0M4RMrVppCDuaBCKBApNSBJkIEwpclXPU3xhWlMw8o6OJflBYlogp4ZNu+1ycTGPKISxbS4lhRrXQlq"
                + "lo25jDTwhUnE6ZSnBUlOwOysUt3JY8b2oSwamDjqHZMxmMQbCevmLf1jQovDVMHPjGq+dFTP2mDb3dR7sf5tQU5odsW7EOPvkTMxHiFVp1Po"
                + "M/1mpaSeaPyt+LrzNZiIkXbGqWj1C8L14GYtbDOoE5YmPEH9Lh/KmvA7AWx/7pN16fezM3eKboSPQe+3bFw=";
        assertThat(crypto.encrypt(m, ascii("RRRRRRRRRRRRRRRR"))).isEqualTo(e);
        assertThat(crypto.signature("1795335000000", "Nx9", e)).isEqualTo("df45a945f458f7614bb8c5f7a7600b6a24b372da");
        assertThat(crypto.decrypt(e)).isEqualTo(m);
    }

    /*
     * 16 + 4 + 33 + 11 = 64 bytes, so the padding is a whole block of 32 × 0x20:
     *   E=$(enc '{"EventType":"check_url","n":"1"}' 0000000000000000)
     *   jn5GlLGMK2xMlkDIUS6p7x+gx0wK/HGdOUozdexX8fUg1NqHfd8AoExq4FL3DqhLzRc6gGSMjzw8HzsD+KXm5V4x5ZNiVHFQsLLLwKGi9HWy+q/1G/zMJkN25JmuSoDQ
     */
    @Test
    void aMessageFillingWholeBlocksGetsAFullBlockOfPadding() throws Exception {
        String m = "{\"EventType\":\"check_url\",\"n\":\"1\"}";
        String e = "jn5GlLGMK2xMlkDIUS6p7x+gx0wK/HGdOUozdexX8fUg1NqHfd8AoExq4FL3DqhLzRc6gGSMjzw8HzsD+KXm5V4x5ZNiVHFQsLLLwKGi9HWy"
                + "+q/1G/zMJkN25JmuSoDQ";
        assertThat(crypto.encrypt(m, ascii("0000000000000000"))).isEqualTo(e);
        assertThat(Base64.getDecoder().decode(e)).hasSize(96);
        assertThat(crypto.decrypt(e)).isEqualTo(m);
    }

    @Test
    void roundTripsBothWaysWithTheFixturesIndependentImplementation() throws Exception {
        ZhengdingCallbackCrypto platform = new ZhengdingCallbackCrypto(TOKEN, AES_KEY, APP_KEY);
        for (String m : new String[] {"", "success", "{\"note\":\"" + "长".repeat(500) + "\"}", "x".repeat(31), "y".repeat(32)}) {
            assertThat(crypto.decrypt(platform.encrypt(m))).isEqualTo(m);
            assertThat(platform.decrypt(crypto.encrypt(m))).isEqualTo(m);
        }
        String e = platform.encrypt(CHECK_URL);
        assertThat(crypto.signature("1795335000001", "n", e)).isEqualTo(platform.sign("1795335000001", "n", e));
        assertThat(crypto.encrypt(CHECK_URL)).as("fresh random bytes each time").isNotEqualTo(crypto.encrypt(CHECK_URL));
    }

    @Test
    void aTamperedSignatureDoesNotVerify() {
        String good = crypto.signature("1795335000000", "nonce123", CHECK_URL_ENC);
        assertThat(crypto.verify(good, "1795335000000", "nonce123", CHECK_URL_ENC)).isTrue();
        assertThat(crypto.verify("dd51543b6f952064e7d261a19570362985c3dd40", "1795335000000", "nonce123", CHECK_URL_ENC)).isFalse();
        assertThat(crypto.verify(good.toUpperCase(), "1795335000000", "nonce123", CHECK_URL_ENC)).as("lowercase hex only").isFalse();
        assertThat(crypto.verify(good, "1795335000001", "nonce123", CHECK_URL_ENC)).as("another timestamp").isFalse();
        assertThat(crypto.verify(good, "1795335000000", "nonce124", CHECK_URL_ENC)).as("another nonce").isFalse();
        assertThat(crypto.verify(good, "1795335000000", "nonce123", CHECK_URL_ENC.replace('I', 'J'))).isFalse();
        assertThat(crypto.verify(null, "1795335000000", "nonce123", CHECK_URL_ENC)).isFalse();
    }

    @Test
    void anotherAppKeyIsRefusedAsSuch() {
        String foreign = new ZhengdingCallbackCrypto(TOKEN, AES_KEY, "other-app").encrypt(CHECK_URL);
        assertThatThrownBy(() -> crypto.decrypt(foreign)).isInstanceOfSatisfying(DecryptException.class,
                e -> assertThat(e.reason()).isEqualTo(DecryptException.Reason.WRONG_APP_KEY));
        String prefix = new ZhengdingCallbackCrypto(TOKEN, AES_KEY, "zd-test-ap").encrypt(CHECK_URL);
        assertThatThrownBy(() -> crypto.decrypt(prefix)).as("a prefix of the app key")
                .isInstanceOfSatisfying(DecryptException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecryptException.Reason.WRONG_APP_KEY));
    }

    @Test
    void anotherKeyTruncationAndGarbageAreMalformed() {
        ZhengdingCrypto otherKey = new ZhengdingCrypto(TOKEN, "3Ox5XmZ2KuaZyuWWnTfvWU7xPs7+v+KG6KAmy0o6z48", APP_KEY);
        assertMalformed(otherKey, CHECK_URL_ENC, "padding");
        assertMalformed(crypto, CHECK_URL_ENC.substring(0, 64), "not a positive multiple of 32");
        byte[] whole = Base64.getDecoder().decode(CHECK_URL_ENC);
        assertMalformed(crypto, Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(whole, 32)), "");
        assertMalformed(crypto, "", "not a positive multiple");
        assertMalformed(crypto, "not base64 at all!", "not Base64");
        byte[] flipped = whole.clone();
        flipped[whole.length - 1] ^= 0x01;
        assertMalformed(crypto, Base64.getEncoder().encodeToString(flipped), "");
    }

    @Test
    void aKeyThatIsNot43Base64CharactersIsRefused() {
        assertThatThrownBy(() -> new ZhengdingCrypto(TOKEN, AES_KEY.substring(1), APP_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZhengdingCrypto(TOKEN, "%" + AES_KEY.substring(1), APP_KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyThreadsAtOnceGetTheSameAnswers() {
        assertThat(IntStream.range(0, 2_000).parallel().mapToObj(i -> {
            try {
                String e = crypto.encrypt(CHECK_URL);
                return crypto.decrypt(e) + "|" + crypto.signature("1795335000000", "nonce123", CHECK_URL_ENC)
                        + "|" + crypto.encrypt(CHECK_URL, ascii("0123456789abcdef"));
            } catch (DecryptException e) {
                return e.getMessage();
            }
        }).distinct().toList()).containsExactly(CHECK_URL + "|dd51543b6f952064e7d261a19570362985c3dd46|" + CHECK_URL_ENC);
    }

    private static void assertMalformed(ZhengdingCrypto c, String encrypt, String message) {
        assertThatThrownBy(() -> c.decrypt(encrypt)).isInstanceOfSatisfying(DecryptException.class, e -> {
            assertThat(e.reason()).isEqualTo(DecryptException.Reason.MALFORMED);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
