package org.disputehub.bench.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Polls the 12345 listing from a watermark (the last updateTime seen, to the second), page by page, and puts each
 * work order not seen before onto the relay queue as it came. No signature, no mapping.
 */
@Component("hotlinePoll")
public class HotlinePoll implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final ProducerTemplate producer;
    private final Endpoint queue;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private OffsetDateTime since = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS);

    public HotlinePoll(@Value("${bench.relay.hotline-url}") String url, ProducerTemplate producer, CamelContext camel) {
        this.url = url;
        this.producer = producer;
        this.queue = camel.getEndpoint(BareRelayRoutes.QUEUE); // resolved once, not per work order
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String newest = null;
        for (int page = 1; ; page++) {
            String q = "?updatedSince=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8)
                    + "&pageNo=" + page + "&pageSize=100";
            JsonNode data = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + q)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("data");
            for (JsonNode r : data.path("records")) {
                newest = r.path("updateTime").asText();
                if (seen.add(r.path("orderNo").asText())) {
                    producer.sendBody(queue, ExchangePattern.InOnly, r.toString());
                }
            }
            if (page * 100 >= data.path("total").asInt()) {
                break;
            }
        }
        if (newest != null) {
            since = java.time.LocalDateTime.parse(newest.replace(' ', 'T')).atOffset(ZoneOffset.ofHours(8));
        }
    }
}
