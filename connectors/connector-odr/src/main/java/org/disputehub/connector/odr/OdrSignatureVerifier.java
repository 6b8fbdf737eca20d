package org.disputehub.connector.odr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.codec.Signatures;

/**
 * Checks {@code ODR-Signature: t={epoch seconds},v1={hex}[,v1={hex}…]}: {@code t} within the window of now, and
 * at least one {@code v1} equal to the lowercase hex HMAC-SHA256 of {@code t + "." + body} under one of the
 * configured secrets (several during a rotation on either side). Comparisons are constant-time; each thread
 * keeps its own initialised {@link Mac} per secret.
 */
public class OdrSignatureVerifier {

    /** More v1 values than this in one header is not a rotation but an attempt to make us work. */
    static final int MAX_SIGNATURES = 8;
    private static final byte[] DOT = {'.'};
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}");

    private final List<SecretKeySpec> keys;
    private final long windowSeconds;
    private final Clock clock;
    private final ThreadLocal<List<Mac>> macs;

    public OdrSignatureVerifier(List<String> secrets, Duration window, Clock clock) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.keys = secrets.stream().map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).toList();
        this.windowSeconds = window.toSeconds();
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMacs);
    }

    /** Empty when the header authenticates the body now; else why not (safe to log and to record). */
    public Optional<String> problem(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return Optional.of("no " + Odr.SIGNATURE_HEADER + " header");
        }
        String t = null;
        List<String> offered = new ArrayList<>();
        for (String part : header.split(",", MAX_SIGNATURES * 2 + 4)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (t != null) {
                    return Optional.of("t given twice");
                }
                t = value;
            } else if (key.equals("v1") && offered.size() < MAX_SIGNATURES) {
                offered.add(value);
            }
        }
        if (t == null || !EPOCH_SECONDS.matcher(t).matches()) {
            return Optional.of("t missing or not epoch seconds");
        }
        if (offered.isEmpty()) {
            return Optional.of("no v1 signature");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(t));
        if (skew > windowSeconds) {
            return Optional.of("t is " + skew + " s away from now (window " + windowSeconds + " s)");
        }
        byte[] prefix = t.getBytes(StandardCharsets.US_ASCII);
        for (Mac mac : macs.get()) {
            mac.update(prefix);
            mac.update(DOT);
            String expected = HexFormat.of().formatHex(mac.doFinal(body));
            for (String v1 : offered) {
                if (Signatures.same(expected, v1)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("no v1 matches (" + offered.size() + " offered)");
    }

    /** The header a platform holding {@code secret} would send (for simulators and tests). */
    public static String sign(String secret, long t, byte[] body) {
        byte[] mac = Signatures.hmacSha256(secret, (t + ".").getBytes(StandardCharsets.US_ASCII), body);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac);
    }

    private List<Mac> newMacs() {
        List<Mac> list = new ArrayList<>(keys.size());
        try {
            for (SecretKeySpec key : keys) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                list.add(mac);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        return List.copyOf(list);
    }
}
