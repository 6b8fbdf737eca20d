package org.disputehub.connector.petition;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.disputehub.canonical.codec.Signatures;

/**
 * The signing scheme of docs/interfaces/petition.md, both ways:
 * {@code X-Signature = base64(HMAC-SHA256(sharedSecret, timestamp + "." + rawBodyBytes))}, {@code X-Timestamp}
 * in epoch seconds. The HMAC and the constant-time comparison are canonical's {@link Signatures}.
 */
public class PetitionSigner {

    private static final byte[] DOT = {'.'};
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private final Clock clock;
    private final Duration window;
    private final Signatures.Hmac hmac;

    public PetitionSigner(String sharedSecret, Duration window, Clock clock) {
        this.clock = clock;
        this.window = window;
        this.hmac = Signatures.key(sharedSecret);
    }

    /** The signature of a body sent with this {@code X-Timestamp} text (signed exactly as it is written). */
    public String signature(String timestamp, byte[] body) {
        return hmac.base64(timestamp.getBytes(StandardCharsets.US_ASCII), DOT, body);
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
        if (!Signatures.same(signature(timestamp, body), signature.strip())) {
            return Optional.of(Petition.SIGNATURE + " does not match the body");
        }
        return Optional.empty();
    }

    /** The two signing headers of one request. */
    public record Signed(String timestamp, String signature) {
    }
}
