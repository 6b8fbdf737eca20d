package org.disputehub.canonical.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and constant-time comparison, for every signed protocol the connectors speak. */
public final class Signatures {

    private Signatures() {
    }

    /** HMAC-SHA256 of the parts, in order, as one byte string. */
    public static byte[] hmacSha256(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hmacSha256Hex(String secret, String data) {
        return HexFormat.of().formatHex(hmacSha256(secret, data.getBytes(StandardCharsets.UTF_8)));
    }

    public static String hmacSha256Base64(String secret, byte[]... parts) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, parts));
    }

    /**
     * A key to sign many messages with: one {@link Mac} per thread, initialised once (fails at once, not on the
     * first message, if the JVM lacks HmacSHA256).
     */
    public static Hmac key(String secret) {
        return new Hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** HMAC-SHA256 with one key; thread-safe. */
    public static final class Hmac {

        private final ThreadLocal<Mac> macs;

        private Hmac(SecretKeySpec key) {
            mac(key);
            this.macs = ThreadLocal.withInitial(() -> mac(key));
        }

        /** HMAC-SHA256 of the parts, in order, as one byte string. */
        public byte[] of(byte[]... parts) {
            Mac mac = macs.get();
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        }

        public String hex(byte[]... parts) {
            return HexFormat.of().formatHex(of(parts));
        }

        public String base64(byte[]... parts) {
            return Base64.getEncoder().encodeToString(of(parts));
        }

        private static Mac mac(SecretKeySpec key) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }
    }

    /** Compares two signatures without leaking where they differ; null is never equal. */
    public static boolean same(String expected, String offered) {
        return expected != null && offered != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), offered.getBytes(StandardCharsets.UTF_8));
    }
}
