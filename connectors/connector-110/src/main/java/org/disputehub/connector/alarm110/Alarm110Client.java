package org.disputehub.connector.alarm110;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.disputehub.connector.alarm110.Alarm110CallException.Failure;

/**
 * The feedback call of contracts/alarm-110.md over one shared {@link HttpClient}:
 * {@code POST {base}/jcj/api/v1/ldjq/feedback}, {@code Content-Type: application/xml; charset=UTF-8},
 * {@code X-Api-Key}. Returns normally only on HTTP 200 with {@code <FKJG><CODE>0</CODE>}; anything else
 * becomes an {@link Alarm110CallException}.
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
            throw new Alarm110CallException(Failure.ofHttpStatus(response.statusCode()), response.statusCode(),
                    "HTTP " + response.statusCode() + " from " + FEEDBACK_PATH, null);
        }
        FeedbackXml.Reply reply;
        try {
            reply = FeedbackXml.reply(response.body());
        } catch (IllegalArgumentException e) {
            throw new Alarm110CallException(Failure.BAD_REPLY, 0, e.getMessage(), e);
        }
        if (reply.code() != 0) {
            throw new Alarm110CallException(Failure.ofCode(reply.code()), reply.code(),
                    "CODE " + reply.code() + " (" + AlarmElements.quote(reply.msg()) + ") from " + FEEDBACK_PATH, null);
        }
        return reply.msg();
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Alarm110CallException(Failure.UNAVAILABLE, 0, "timeout after " + timeout + " on " + FEEDBACK_PATH, e);
        } catch (IOException e) {
            throw new Alarm110CallException(Failure.UNAVAILABLE, 0, e.getClass().getSimpleName() + " on "
                    + FEEDBACK_PATH + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Alarm110CallException(Failure.UNAVAILABLE, 0, "interrupted on " + FEEDBACK_PATH, e);
        }
    }
}
