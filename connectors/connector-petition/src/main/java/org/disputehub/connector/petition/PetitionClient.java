package org.disputehub.connector.petition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.connector.PermanentFailureException;
import org.disputehub.canonical.connector.TemporaryFailureException;
import org.w3c.dom.Document;

/**
 * {@code POST {base}/xf/api/v1/blzt} over one shared {@link HttpClient}, signed over the exact bytes sent.
 * {@code 200 <Ack><Code>0</Code></Ack>} is delivered. {@code 404} (unknown XFJBH) and the statuses that say the
 * message itself is unacceptable (400, 413, 415, 422) are permanent; everything else (5xx, 401/403, 408, 429,
 * another Ack code, a reply that is not an Ack, timeouts, refused connections) is temporary.
 */
public class PetitionClient {

    static final String STATUS_PATH = "/xf/api/v1/blzt";
    private static final Set<Integer> PERMANENT = Set.of(400, 404, 413, 415, 422);

    private final HttpClient http;
    private final URI target;
    private final Duration timeout;
    private final PetitionSigner signer;

    public PetitionClient(PetitionProperties properties, PetitionSigner signer) {
        this.target = URI.create(properties.getBaseUrl().replaceAll("/+$", "") + STATUS_PATH);
        this.timeout = properties.getTimeout();
        this.signer = signer;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts one {@code <BLZT>}; returns normally only when the platform acknowledged it with code 0. */
    public void postStatus(String xml) {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        PetitionSigner.Signed signed = signer.sign(body);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                .header("Content-Type", Petition.XML)
                .header(Petition.TIMESTAMP, signed.timestamp())
                .header(Petition.SIGNATURE, signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status != 200) {
            String message = "HTTP " + status + " from " + STATUS_PATH;
            throw PERMANENT.contains(status) ? new PermanentFailureException(message) : new TemporaryFailureException(message);
        }
        String code;
        try {
            Document ack = SafeXml.parse(response.body());
            code = "Ack".equals(ack.getDocumentElement().getTagName())
                    ? SafeXml.text(ack.getDocumentElement(), "Code") : null;
        } catch (SafeXml.XmlRejectedException e) {
            throw new TemporaryFailureException("reply from " + STATUS_PATH + " is not an Ack: " + e.getMessage(), e);
        }
        if (!"0".equals(code)) {
            throw new TemporaryFailureException("Ack code " + code + " from " + STATUS_PATH);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TemporaryFailureException("timeout after " + timeout + " on " + STATUS_PATH, e);
        } catch (IOException e) {
            throw new TemporaryFailureException(e.getClass().getSimpleName() + " on " + STATUS_PATH + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemporaryFailureException("interrupted on " + STATUS_PATH, e);
        }
    }
}
