package org.disputehub.connector.hotline12345;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.disputehub.connector.hotline12345.Hotline12345CallException.Failure;

/**
 * The two calls of docs/interfaces/hotline-12345.md over one shared {@link HttpClient}. Each request URI is
 * built once as a string; the path and query of that same string are signed and sent. Replies are
 * HTTP 200 with a {@code code}; anything else becomes a {@link Hotline12345CallException}.
 */
public class Hotline12345Client {

    static final String ORDERS_PATH = "/api/v2/workorders";
    /** The largest reply read: a full page of 100 records with 4000-character contents is well under 2 MiB. */
    static final int MAX_REPLY_BYTES = 4 * 1024 * 1024;
    /** Replies are parsed strictly: a key given twice or anything after the JSON value is not the contract's reply. */
    private static final ObjectReader STRICT = Json.mapper().reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final HttpClient http;
    private final String baseUrl;
    private final int pageSize;
    private final Duration timeout;
    private final Hotline12345Signer signer;

    public Hotline12345Client(Hotline12345Properties properties, Hotline12345Signer signer) {
        this.baseUrl = properties.getBaseUrl().replaceAll("/+$", "");
        this.pageSize = properties.getPageSize();
        this.timeout = properties.getTimeout();
        this.signer = signer;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One page of work orders updated at or after {@code since} (inclusive), ordered by (updateTime, orderNo). */
    public WorkOrderPage fetchPage(OffsetDateTime since, int pageNo) {
        String target = baseUrl + ORDERS_PATH
                + "?updatedSince=" + URLEncoder.encode(SINCE.format(since), StandardCharsets.UTF_8)
                + "&pageNo=" + pageNo + "&pageSize=" + pageSize;
        JsonNode records = call(target, null).path("data").path("records");
        if (!records.isArray()) {
            throw new Hotline12345CallException(Failure.BAD_REPLY, 0, "reply has no data.records array", null);
        }
        if (records.size() > pageSize) {
            throw new Hotline12345CallException(Failure.BAD_REPLY, 0, "reply has " + records.size()
                    + " records, more than the pageSize " + pageSize + " asked for", null);
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        return new WorkOrderPage(pageNo, List.copyOf(list));
    }

    /**
     * Posts feedback on one work order; returns normally only on {@code code 0}. Unknown work order (4004) is a
     * {@link PermanentFailureException}, every other failure a {@link TemporaryFailureException}.
     */
    public void sendFeedback(String orderNo, String jsonBody) {
        try {
            call(baseUrl + ORDERS_PATH + "/" + URLEncoder.encode(orderNo, StandardCharsets.UTF_8) + "/feedback", jsonBody);
        } catch (Hotline12345CallException e) {
            throw e.failure() == Failure.UNKNOWN_ORDER ? new PermanentFailureException(e.getMessage(), e)
                    : new TemporaryFailureException(e.getMessage(), e);
        }
    }

    /** The page size every request asks for. */
    public int pageSize() {
        return pageSize;
    }

    private JsonNode call(String target, String jsonBody) {
        URI uri = URI.create(target);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = signer.sign(pathAndQuery, body)
                .applyTo(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json"));
        if (jsonBody == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = send(request.build(), pathAndQuery);
        if (response.statusCode() != 200) {
            throw new Hotline12345CallException(Failure.HTTP_STATUS, response.statusCode(),
                    "HTTP " + response.statusCode() + " from " + uri.getRawPath(), null);
        }
        JsonNode reply;
        try {
            reply = STRICT.readTree(response.body());
        } catch (IOException e) {
            throw new Hotline12345CallException(Failure.BAD_REPLY, 0, "reply is not JSON: "
                    + clip(e.getMessage().lines().findFirst().orElse("")), e);
        }
        if (reply == null || !reply.path("code").isIntegralNumber() || !reply.path("code").canConvertToInt()) {
            throw new Hotline12345CallException(Failure.BAD_REPLY, 0, "reply has no integer code", null);
        }
        int code = reply.path("code").asInt();
        if (code != 0) {
            throw new Hotline12345CallException(Failure.ofCode(code), code,
                    "code " + code + " (" + reply.path("msg").asText("") + ") from " + uri.getRawPath(), null);
        }
        return reply;
    }

    /** The whole exchange, body included, within the timeout: a reply that trickles in cannot hold a cycle. */
    private HttpResponse<String> send(HttpRequest request, String pathAndQuery) {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request, BoundedBody.handler(MAX_REPLY_BYTES));
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new Hotline12345CallException(Failure.UNAVAILABLE, 0, "timeout after " + timeout + " on " + pathAndQuery, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBody.RejectedBodyException rejected) {
                throw new Hotline12345CallException(Failure.BAD_REPLY, 0, rejected.getMessage(), rejected);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new Hotline12345CallException(Failure.UNAVAILABLE, 0, "timeout after " + timeout + " on " + pathAndQuery, cause);
            }
            throw new Hotline12345CallException(Failure.UNAVAILABLE, 0, cause.getClass().getSimpleName() + " on "
                    + pathAndQuery + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Hotline12345CallException(Failure.UNAVAILABLE, 0, "interrupted on " + pathAndQuery, e);
        }
    }

    private static String clip(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** One page of the work-order listing. */
    public record WorkOrderPage(int pageNo, List<JsonNode> records) {
    }
}
