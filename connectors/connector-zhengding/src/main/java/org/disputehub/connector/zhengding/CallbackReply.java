package org.disputehub.connector.zhengding;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.disputehub.canonical.codec.Json;

/**
 * Last step of route {@code zhengding-callback}: answers a valid callback with 200 and
 * {@code {"msg_signature","timeStamp","nonce","encrypt"}}, where {@code encrypt} is the encryption of
 * {@code success} and {@code msg_signature} its signature (docs/interfaces/zhengding.md).
 */
public class CallbackReply {

    private static final String NONCE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ZhengdingCrypto crypto;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CallbackReply(ZhengdingCrypto crypto, Clock clock) {
        this.crypto = crypto;
        this.clock = clock;
    }

    public void write(Exchange exchange) {
        String timeStamp = Long.toString(clock.millis());
        String nonce = nonce();
        String encrypt = crypto.encrypt("success");
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("msg_signature", crypto.signature(timeStamp, nonce, encrypt));
        reply.put("timeStamp", timeStamp);
        reply.put("nonce", nonce);
        reply.put("encrypt", encrypt);
        exchange.getMessage().getHeaders().clear();
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody(Json.write(reply));
    }

    private String nonce() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(NONCE_CHARS.charAt(random.nextInt(NONCE_CHARS.length())));
        }
        return sb.toString();
    }
}
