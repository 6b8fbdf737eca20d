package org.disputehub.connector.odr;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.disputehub.canonical.connector.TemporaryFailureException;

/**
 * The two authorised calls of docs/interfaces/odr.md over one shared {@link HttpClient}: the status PUT and the
 * mediation POST, each with {@code Authorization: Bearer {token}}; on a 401 the token is renewed once and the call
 * made once more. I/O failures are temporary; replies are returned for the caller to classify ({@link OdrReplies}).
 */
public class OdrClient {

    static final String DISPUTES_PATH = "/api/v1/disputes/";
    static final String MEDIATIONS_PATH = "/api/v1/mediations";

    private final HttpClient http;
    private final OdrTokenProvider tokens;
    private final String baseUrl;
    private final Duration timeout;

    public OdrClient(HttpClient http, OdrTokenProvider tokens, OdrProperties properties) {
        this.http = http;
        this.tokens = tokens;
        this.baseUrl = properties.getBaseUrl().replaceAll("/+$", "");
        this.timeout = properties.getTimeout();
    }

    /** {@code PUT {base}/api/v1/disputes/{disputeId}/status}. */
    public HttpResponse<String> putStatus(String disputeId, String json) {
        URI uri = URI.create(baseUrl + DISPUTES_PATH + URLEncoder.encode(disputeId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/status");
        return authorized(token -> json(uri, token).PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** {@code POST {base}/api/v1/mediations}; the idempotency key lets a platform that honours it drop a repeat. */
    public HttpResponse<String> postMediation(String json, String idempotencyKey) {
        URI uri = URI.create(baseUrl + MEDIATIONS_PATH);
        return authorized(token -> json(uri, token).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder json(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", Odr.JSON)
                .header("Accept", Odr.JSON)
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> authorized(Function<String, HttpRequest> request) {
        String token = tokens.token();
        HttpResponse<String> response = send(request.apply(token));
        if (response.statusCode() == 401) {
            response = send(request.apply(tokens.renewAfterRejection(token)));
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemporaryFailureException("odr " + request.method() + " " + request.uri().getRawPath() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("odr " + request.method() + " " + request.uri().getRawPath() + ": interrupted", e);
        }
    }
}
