package org.disputehub.bench.relay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** POSTs the message as it came to the department, with the same pooled JDK client the hub uses; non-2xx fails. */
@Component("httpOut")
public class HttpOut implements Processor {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI department;

    public HttpOut(@Value("${bench.relay.department-url}") String department) {
        this.department = URI.create(department);
    }

    @Override
    public void process(Exchange exchange) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(department).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(exchange.getMessage().getBody(String.class))).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IOException("department answered " + status);
        }
    }
}
