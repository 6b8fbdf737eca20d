package org.disputehub.connector.alarm110;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;

/**
 * The feedback call of docs/interfaces/alarm-110.md over one shared {@link HttpClient}:
 * {@code POST {base}/jcj/api/v1/ldjq/feedback}, {@code Content-Type: application/xml; charset=UTF-8},
 * {@code X-Api-Key}. Returns normally only on HTTP 200 with {@code <FKJG><CODE>0</CODE>}. CODE 1001 (unknown
 * JQBH), 1002 (malformed feedback) and an HTTP 4xx other than 408/429 are a {@link PermanentFailureException};
 * CODE 1500 (busy), another CODE, another HTTP status, a reply that is not {@code <FKJG>} and I/O failures are a
 * {@link TemporaryFailureException}.
 */
public class Alarm110Client {

    static final String FEEDBACK_PATH = "/jcj/api/v1/ldjq/feedback";
    static final String CONTENT_TYPE = "application/xml; charset=UTF-8";

    private final HttpClient http;
    private final URI feedback;
    private final String apiKey;
    private final Duration timeout;

    public Alarm110Client(Alarm110Properties properties) {
        this.feedback = URI.create(properties.getBaseUrl().replaceAll("/+$", "") + FEEDBACK_PATH);
        this.apiKey = properties.getApiKey();
        this.timeout = properties.getTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts one {@code <FKXX>}; returns the reply's MSG on CODE 0. */
    public String sendFeedback(String fkxx) {
        HttpRequest request = HttpRequest.newBuilder(feedback)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", "application/xml")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(fkxx, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() != 200) {
            int status = response.statusCode();
            String message = "HTTP " + status + " from " + FEEDBACK_PATH;
            throw status >= 400 && status < 500 && status != 408 && status != 429
                    ? new PermanentFailureException(message) : new TemporaryFailureException(message);
        }
        FeedbackXml.Reply reply;
        try {
            reply = FeedbackXml.reply(response.body());
        } catch (IllegalArgumentException e) {
            throw new TemporaryFailureException(e.getMessage(), e);
        }
        if (reply.code() != 0) {
            String message = "CODE " + reply.code() + " (" + AlarmElements.quote(reply.msg()) + ") from " + FEEDBACK_PATH;
            throw reply.code() == 1001 || reply.code() == 1002
                    ? new PermanentFailureException(message) : new TemporaryFailureException(message);
        }
        return reply.msg();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TemporaryFailureException("timeout after " + timeout + " on " + FEEDBACK_PATH, e);
        } catch (IOException e) {
            throw new TemporaryFailureException(e.getClass().getSimpleName() + " on "
                    + FEEDBACK_PATH + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("interrupted on " + FEEDBACK_PATH, e);
        }
    }
}
