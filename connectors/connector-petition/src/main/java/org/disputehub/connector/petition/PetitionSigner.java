package org.disputehub.connector.petition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signing scheme of contracts/petition.md, both ways:
 * {@code X-Signature = base64(HMAC-SHA256(sharedSecret, timestamp + "." + rawBodyBytes))}, {@code X-Timestamp}
 * in epoch seconds. One {@link Mac} per thread, initialised once with the key; comparison in constant time.
 */
public class PetitionSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte DOT = '.';
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private final Clock clock;
    private final Duration window;
    private final ThreadLocal<Mac> macs;

    public PetitionSigner(String sharedSecret, Duration window, Clock clock) {
        this.clock = clock;
        this.window = window;
        SecretKeySpec key = new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        mac(key); // fail at start-up, not on the first request, if the JVM lacks HmacSHA256
        this.macs = ThreadLocal.withInitial(() -> mac(key));
    }

    /** The signature of a body sent with this {@code X-Timestamp} text (signed exactly as it is written). */
    public String signature(String timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update(DOT);
        mac.update(body);
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    /** Signs a body now: the two headers to send with it. */
    public Signed sign(byte[] body) {
        String now = Long.toString(clock.instant().getEpochSecond());
        return new Signed(now, signature(now, body));
    }

    /**
     * Why a pushed request is not acceptable (missing or malformed headers, a timestamp outside the window,
     * a signature that does not match the exact bytes), or empty when it is. The signature is compared in
     * constant time.
     */
    public Optional<String> problem(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Optional.of("missing " + Petition.TIMESTAMP + " or " + Petition.SIGNATURE);
        }
        if (!EPOCH_SECONDS.matcher(timestamp).matches()) {
            return Optional.of(Petition.TIMESTAMP + " is not epoch seconds");
        }
        long seconds = Long.parseLong(timestamp);
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > window.toSeconds()) {
            return Optional.of(Petition.TIMESTAMP + " is " + skew + " s from the hub's clock (allowed "
                    + window.toSeconds() + " s)");
        }
        byte[] expected = signature(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(Petition.SIGNATURE + " does not match the body");
        }
        return Optional.empty();
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** The two signing headers of one request. */
    public record Signed(String timestamp, String signature) {
    }
}
