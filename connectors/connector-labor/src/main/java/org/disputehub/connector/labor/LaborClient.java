package org.disputehub.connector.labor;

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
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;

/**
 * The progress call of docs/interfaces/labor.md over one shared {@link HttpClient}: {@code POST
 * {base}/ldjc/api/v1/complaints/{投诉编号}/progress} with {@code X-Api-Key}. Returns normally only on
 * {@code 200 {"ok": true}}. 404 (unknown complaint) and another 4xx than 408 and 429 (bad request, bad API key)
 * are a {@link PermanentFailureException}; 5xx, 408, 429, a reply without {@code {"ok": true}}, a timeout or a
 * refused connection a {@link TemporaryFailureException}.
 */
public class LaborClient {

    static final String COMPLAINTS_PATH = "/ldjc/api/v1/complaints/";

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;

    public LaborClient(LaborProperties properties) {
        this.baseUrl = properties.getBaseUrl().replaceAll("/+$", "");
        this.apiKey = properties.getApiKey();
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public void postProgress(String complaintNo, String jsonBody) {
        String path = COMPLAINTS_PATH + URLEncoder.encode(complaintNo, StandardCharsets.UTF_8).replace("+", "%20") + "/progress";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, path);
        int status = response.statusCode();
        if (status == 404) {
            throw new PermanentFailureException("HTTP 404 (unknown complaint) from " + path);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new PermanentFailureException("HTTP " + status + " from " + path
                    + (status == 401 || status == 403 ? ": check " + LaborProperties.PREFIX + ".api-key" : ""));
        }
        if (status != 200) {
            throw new TemporaryFailureException("HTTP " + status + " from " + path);
        }
        if (!ok(response.body())) {
            throw new TemporaryFailureException("HTTP 200 from " + path + " without {\"ok\":true}");
        }
    }

    private static boolean ok(String body) {
        try {
            JsonNode reply = Json.mapper().readTree(body);
            return reply != null && reply.path("ok").asBoolean(false) && reply.path("ok").isBoolean();
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> send(HttpRequest request, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TemporaryFailureException("timeout after " + timeout + " on " + path, e);
        } catch (IOException e) {
            throw new TemporaryFailureException(e.getClass().getSimpleName() + " on " + path + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("interrupted on " + path, e);
        }
    }
}
