package org.disputehub.connector.zhengding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.codec.Signatures;

/**
 * The callback crypto of docs/interfaces/zhengding.md. Key = Base64(aesKey + "="), 32 bytes; IV = its first 16 bytes;
 * AES-256-CBC without cipher padding over {@code random(16) ‖ length(4, big-endian) ‖ msg ‖ appKey}, padded by
 * hand (PKCS#7) to a multiple of 32 bytes. Signature = lowercase hex SHA-1 of token, timestamp, nonce and
 * encrypt, sorted ascending and concatenated. Thread-safe: the key is built once, each thread keeps its own
 * {@link Cipher} and {@link MessageDigest} (neither is thread-safe), initialised on every use.
 */
public final class ZhengdingCrypto {

    static final int RANDOM_BYTES = 16;
    static final int BLOCK = 32;
    private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/CBC/NoPadding")));
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> instance(() -> MessageDigest.getInstance("SHA-1")));

    private final String token;
    private final byte[] appKey;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final SecureRandom random = new SecureRandom();

    public ZhengdingCrypto(String token, String aesKey, String appKey) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(aesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("callback-aes-key is not Base64", e);
        }
        if (k.length != 32) {
            throw new IllegalArgumentException("callback-aes-key must decode to 32 bytes, not " + k.length);
        }
        this.token = token;
        this.appKey = appKey.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(k, "AES");
        this.iv = new IvParameterSpec(k, 0, 16);
    }

    /** The lowercase hex SHA-1 of token, timestamp, nonce and encrypt, sorted ascending and concatenated. */
    public String signature(String timestamp, String nonce, String encrypt) {
        String[] parts = {token, timestamp, nonce, encrypt};
        Arrays.sort(parts);
        MessageDigest sha1 = SHA1.get();
        sha1.reset();
        return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the offered signature is the one of these values (compared in constant time). */
    public boolean verify(String offered, String timestamp, String nonce, String encrypt) {
        return Signatures.same(signature(timestamp, nonce, encrypt), offered);
    }

    /** Encrypts a message with fresh random bytes, as the {@code encrypt} field (Base64). */
    public String encrypt(String msg) {
        byte[] r = new byte[RANDOM_BYTES];
        random.nextBytes(r);
        return encrypt(msg, r);
    }

    /** As {@link #encrypt(String)} with the given 16 leading bytes (for test vectors). */
    String encrypt(String msg, byte[] random16) {
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        int length = RANDOM_BYTES + 4 + m.length + appKey.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad).put(random16, 0, RANDOM_BYTES).putInt(m.length).put(m).put(appKey);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /**
     * Decrypts an {@code encrypt} field to the message.
     *
     * @throws DecryptException {@code MALFORMED} for anything that is not a well-formed ciphertext under this key
     *                          (not Base64, wrong length, bad padding, bad length field, not UTF-8);
     *                          {@code WRONG_APP_KEY} when it decrypts but carries another app key
     */
    public String decrypt(String encrypt) throws DecryptException {
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypt);
        } catch (IllegalArgumentException e) {
            throw new DecryptException(DecryptException.Reason.MALFORMED, "encrypt is not Base64");
        }
        if (cipherText.length < BLOCK || cipherText.length % BLOCK != 0) {
            throw new DecryptException(DecryptException.Reason.MALFORMED,
                    "ciphertext of " + cipherText.length + " bytes is not a positive multiple of " + BLOCK);
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw new DecryptException(DecryptException.Reason.MALFORMED, "invalid padding (wrong key or truncated)");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new DecryptException(DecryptException.Reason.MALFORMED, "invalid padding (wrong key or truncated)");
            }
        }
        int content = plain.length - pad;
        int length = content < RANDOM_BYTES + 4 ? -1 : ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt();
        if (length < 0 || length > content - RANDOM_BYTES - 4) {
            throw new DecryptException(DecryptException.Reason.MALFORMED, "invalid length field (wrong key or corrupt)");
        }
        int appKeyAt = RANDOM_BYTES + 4 + length;
        if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, appKeyAt, content), appKey)) {
            throw new DecryptException(DecryptException.Reason.WRONG_APP_KEY, "the message carries another app key");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain, RANDOM_BYTES + 4, length)).toString();
        } catch (CharacterCodingException e) {
            throw new DecryptException(DecryptException.Reason.MALFORMED, "message is not UTF-8");
        }
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = AES.get();
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding failed on a block-aligned input", e);
        }
    }

    private static <T> T instance(Factory<T> factory) {
        try {
            return factory.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCA algorithm unavailable", e);
        }
    }

    private interface Factory<T> {
        T get() throws GeneralSecurityException;
    }

    /** A callback ciphertext the hub refuses; {@link #reason()} decides the HTTP status. */
    public static final class DecryptException extends Exception {

        /** Why: not a ciphertext of this key (400), or one for another app (401). */
        public enum Reason { MALFORMED, WRONG_APP_KEY }

        private final Reason reason;

        DecryptException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
