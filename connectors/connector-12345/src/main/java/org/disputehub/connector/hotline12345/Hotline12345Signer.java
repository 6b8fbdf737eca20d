package org.disputehub.connector.hotline12345;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.disputehub.canonical.codec.Signatures;

/**
 * Request signing of docs/interfaces/hotline-12345.md:
 * {@code X-Sign = hex(HMAC-SHA256(appSecret, appKey \n timestamp \n nonce \n pathAndQuery \n body))}.
 * The caller passes the path and query exactly as sent and the body bytes exactly as sent. The HMAC is
 * canonical's {@link Signatures}; nonces are 24 characters from {@link SecureRandom}.
 */
public class Hotline12345Signer {

    public static final String APP_KEY = "X-App-Key";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String SIGN = "X-Sign";
    static final int NONCE_LENGTH = 24;
    private static final char[] NONCE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final String appKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Signatures.Hmac hmac;

    public Hotline12345Signer(String appKey, String appSecret, Clock clock) {
        this.appKey = appKey;
        this.clock = clock;
        this.hmac = Signatures.key(appSecret);
    }

    /** Signs one request now, with a fresh nonce. */
    public Signature sign(String pathAndQuery, byte[] body) {
        long timestamp = clock.millis();
        String nonce = nonce();
        return new Signature(appKey, timestamp, nonce, signature(timestamp, nonce, pathAndQuery, body));
    }

    /** The lowercase hex signature of one request; deterministic, for tests and for checking replies. */
    public String signature(long timestamp, String nonce, String pathAndQuery, byte[] body) {
        return hmac.hex((appKey + "\n" + timestamp + "\n" + nonce + "\n" + pathAndQuery + "\n")
                .getBytes(StandardCharsets.UTF_8), body);
    }

    String nonce() {
        char[] out = new char[NONCE_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = NONCE_CHARS[random.nextInt(NONCE_CHARS.length)];
        }
        return new String(out);
    }

    /** The four signing headers of one request. */
    public record Signature(String appKey, long timestamp, String nonce, String sign) {

        public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
            return request.header(APP_KEY, appKey)
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(NONCE, nonce)
                    .header(SIGN, sign);
        }
    }
}
