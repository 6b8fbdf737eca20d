package org.disputehub.connector.zhengding;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.codec.Json;
import org.disputehub.fixtures.HostileCorpus;
import org.disputehub.fixtures.zhengding.ZhengdingCallbackCrypto;

/**
 * One corpus input made into the callback request its {@code signing} column describes (see
 * test-fixtures/zhengding/samples/hostile/README.md), at T0. The ciphertext is built here with plain javax.crypto,
 * byte by byte, so that padding, length field and blocks can be broken on purpose; signatures come from the
 * fixtures' independent {@link ZhengdingCallbackCrypto}.
 */
record CorpusCallback(String query, byte[] body, String message, boolean chunked) {

    private static final byte[] RANDOM16 = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String ZEROES = "0".repeat(40);

    static CorpusCallback of(HostileCorpus.Input input, ZhengdingCallbackCrypto platform, String nonce) {
        String t0 = Long.toString(TestApplication.T0);
        if (input.signing().equals("as-is")) {
            JsonNode fixture = Json.read(new String(input.bytes(), StandardCharsets.UTF_8), JsonNode.class);
            String body = fixture.path("body").asText();
            String message;
            try {
                message = platform.decrypt(Json.read(body, JsonNode.class).path("encrypt").asText());
            } catch (RuntimeException notACallbackOfThisApp) {
                message = null;
            }
            return new CorpusCallback(fixture.path("query").asText(), body.getBytes(StandardCharsets.UTF_8), message, false);
        }
        if (input.signing().equals("raw")) {
            byte[] body = input.generated() ? generated(input.kind()) : input.bytes();
            return new CorpusCallback("signature=" + ZEROES + "&timestamp=" + t0 + "&nonce=" + nonce, body, null,
                    input.generated() && input.kind().equals("oversize-chunked"));
        }
        byte[] msg = input.bytes();
        byte[] plain = plain(msg, ZhengdingCryptoTest.APP_KEY.getBytes(StandardCharsets.UTF_8));
        int last = plain.length - 1;
        String ts = t0;
        String encrypt = null;
        switch (input.signing()) {
            case "pad-zero" -> Arrays.fill(plain, plain.length - (plain[last] & 0xff), plain.length, (byte) 0);
            case "pad-inconsistent" -> plain[last - 1] ^= 0x55;
            case "pad-too-large" -> plain[last] = 33;
            case "length-too-large" -> ByteBuffer.wrap(plain).putInt(16, msg.length + 100);
            case "length-negative" -> ByteBuffer.wrap(plain).putInt(16, -1);
            case "not-base64" -> encrypt = "!!not-base64!!";
            case "empty-encrypt" -> encrypt = "";
            case "ts-seconds" -> ts = Long.toString(TestApplication.T0 / 1000);
            case "ts-text" -> ts = "yesterday";
            case "ts-overflow" -> ts = Long.toString(Long.MIN_VALUE + TestApplication.T0); // now - ts overflows to MIN
            default -> {
                // the signing kinds below change the ciphertext or the signature, not the plaintext
            }
        }
        byte[] cipherText = aes(plain);
        if (input.signing().equals("truncated-block")) {
            cipherText = Arrays.copyOf(cipherText, cipherText.length - 32);
        } else if (input.signing().equals("tampered-ciphertext")) {
            cipherText[0] ^= 0x01; // the first plaintext block is garbled, the length field's first byte flipped
        }
        encrypt = encrypt != null ? encrypt : Base64.getEncoder().encodeToString(cipherText);
        String signature = switch (input.signing()) {
            case "forged-token" -> new ZhengdingCallbackCrypto("another-token", ZhengdingCryptoTest.AES_KEY,
                    ZhengdingCryptoTest.APP_KEY).sign(ts, nonce, encrypt);
            case "upper-hex" -> platform.sign(ts, nonce, encrypt).toUpperCase();
            case "other-encrypt" -> platform.sign(ts, nonce, encrypt + "AAAA");
            default -> platform.sign(ts, nonce, encrypt);
        };
        StringBuilder query = new StringBuilder("signature=").append(signature);
        if (!input.signing().equals("no-timestamp")) {
            query.append("&timestamp=").append(ts);
        }
        if (!input.signing().equals("no-nonce")) {
            query.append("&nonce=").append(nonce);
        }
        return new CorpusCallback(query.toString(), ("{\"encrypt\":\"" + encrypt + "\"}").getBytes(StandardCharsets.UTF_8),
                new String(msg, StandardCharsets.UTF_8), false);
    }

    /** random(16) ‖ length(4, big-endian) ‖ msg ‖ appKey ‖ PKCS#7 padding to a multiple of 32 bytes. */
    private static byte[] plain(byte[] msg, byte[] appKey) {
        int unpadded = 16 + 4 + msg.length + appKey.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad).put(RANDOM16).putInt(msg.length).put(msg).put(appKey);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return plain.array();
    }

    private static byte[] aes(byte[] plain) {
        byte[] key = Base64.getDecoder().decode(ZhengdingCryptoTest.AES_KEY + "=");
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] generated(String kind) {
        return switch (kind) {
            // an encrypt value past the 64 KiB limit, sent with and without Content-Length
            case "oversize", "oversize-chunked" -> ("{\"encrypt\":\"" + "A".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            // 30 000 nested arrays (60 KB, under the size limit)
            case "nesting" -> ("[".repeat(30_000) + "]".repeat(30_000)).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown generated input " + kind);
        };
    }
}
