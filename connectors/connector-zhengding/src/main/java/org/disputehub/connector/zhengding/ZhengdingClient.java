package org.disputehub.connector.zhengding;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.disputehub.canonical.codec.Json;
import org.disputehub.connector.zhengding.ZhengdingCallException.Failure;

/**
 * The two outbound calls of docs/interfaces/zhengding.md over one shared {@link HttpClient}: {@code gettoken} and
 * {@code asyncsend_v2}. Replies are HTTP 200 with an {@code errcode}; anything else becomes a
 * {@link ZhengdingCallException}. The access token travels only in the query string and is never logged.
 */
public class ZhengdingClient {

    static final String TOKEN_PATH = "/gettoken";
    static final String SEND_PATH = "/topapi/message/corpconversation/asyncsend_v2";

    private final HttpClient http;
    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private final Duration timeout;

    public ZhengdingClient(ZhengdingProperties properties) {
        this.baseUrl = properties.getBaseUrl().replaceAll("/+$", "");
        this.appKey = properties.getAppKey();
        this.appSecret = properties.getAppSecret();
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A fresh access token and its lifetime in seconds. */
    public AccessToken fetchToken() {
        String target = baseUrl + TOKEN_PATH + "?appkey=" + enc(appKey) + "&appsecret=" + enc(appSecret);
        JsonNode reply;
        try {
            reply = call(HttpRequest.newBuilder(URI.create(target)).GET(), TOKEN_PATH);
        } catch (ZhengdingCallException e) {
            throw e.failure() == Failure.HTTP_STATUS || e.failure() == Failure.UNAVAILABLE || e.failure() == Failure.BAD_REPLY
                    ? e : new ZhengdingCallException(Failure.TOKEN_UNAVAILABLE, e.code(), e.getMessage(), e);
        }
        String token = reply.path("access_token").asText("");
        long expiresIn = reply.path("expires_in").asLong(0);
        if (token.isBlank() || expiresIn <= 0) {
            throw new ZhengdingCallException(Failure.TOKEN_UNAVAILABLE, 0, "gettoken reply lacks access_token or expires_in", null);
        }
        return new AccessToken(token, expiresIn);
    }

    /** Sends one work notification body; returns the platform's {@code task_id} on errcode 0. */
    public long sendWorkNotification(String accessToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + SEND_PATH + "?access_token=" + enc(accessToken)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        return call(request, SEND_PATH).path("task_id").asLong(0);
    }

    private JsonNode call(HttpRequest.Builder builder, String path) {
        HttpRequest request = builder.timeout(timeout).header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ZhengdingCallException(Failure.UNAVAILABLE, 0, "timeout after " + timeout + " on " + path, e);
        } catch (IOException e) {
            throw new ZhengdingCallException(Failure.UNAVAILABLE, 0, e.getClass().getSimpleName() + " on " + path + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZhengdingCallException(Failure.UNAVAILABLE, 0, "interrupted on " + path, e);
        }
        if (response.statusCode() != 200) {
            throw new ZhengdingCallException(Failure.HTTP_STATUS, response.statusCode(),
                    "HTTP " + response.statusCode() + " from " + path, null);
        }
        JsonNode reply;
        try {
            reply = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new ZhengdingCallException(Failure.BAD_REPLY, 0, "reply of " + path + " is not JSON", e);
        }
        if (reply == null || !reply.path("errcode").canConvertToInt()) {
            throw new ZhengdingCallException(Failure.BAD_REPLY, 0, "reply of " + path + " has no numeric errcode", null);
        }
        int errcode = reply.path("errcode").asInt();
        if (errcode != 0) {
            throw new ZhengdingCallException(Failure.ofCode(errcode), errcode, "errcode " + errcode + " ("
                    + reply.path("errmsg").asText("") + ") from " + path, null);
        }
        return reply;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An access token as issued: the value and its lifetime. */
    public record AccessToken(String value, long expiresInSeconds) {

        @Override
        public String toString() {
            return "AccessToken[****, expiresIn=" + expiresInSeconds + "s]";
        }
    }
}
