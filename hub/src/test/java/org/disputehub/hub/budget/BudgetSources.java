package org.disputehub.hub.budget;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.codec.Json;
import org.disputehub.fixtures.labor.BatchWriter;
import org.disputehub.hub.HubTestSupport;

/** The inputs of {@link CaseBudgetTest}: one case of each source, sent the way each system sends it. */
final class BudgetSources {

    static final String PETITION_SECRET = "budget-petition-secret-0001";
    static final String ODR_SECRET = "budget-odr-webhook-secret";
    static final String WORK_ORDER = """
            {"orderNo":"GD20261122000123","acceptTime":"2026-11-22 09:30:15","updateTime":"2026-11-22 09:31:00",
             "callerName":"李四","callerPhone":"13900139000","appealType":"投诉","title":"小区物业乱收停车费",
             "content":"小区物业超时1分钟按1小时收费，要求处理","categoryCode":"C0203","categoryName":"物业管理",
             "areaCode":"330108","address":"杭州市滨江区浦沿街道xx小区","urgency":"一般",
             "handleDeadline":"2026-11-25 09:30:15","orderStatus":"待签收"}""";

    private static final List<String> STEPS = List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED");

    /** A source's case: its department (key, code), its id at the source, the events, the relays its origin hears. */
    record Source(String name, String deptKey, String deptCode, String sourceId, List<String> statuses,
                  String relayUrl, int expectedRelays) {

        long relays(WireMockServer origin) {
            return origin.getAllServeEvents().stream()
                    .filter(e -> !e.getRequest().getMethod().getName().equals("GET") && e.getRequest().getUrl().matches(relayUrl))
                    .count();
        }
    }

    static final Map<String, Source> SOURCES = Map.of(
            "110", new Source("110", "zf001", "330108-ZF-001", "330108202611220001", STEPS, "/jcj/api/v1/ldjq/feedback", 4),
            "petition", new Source("petition", "wy001", "330108-WY-001", "XF3301082026112200007", STEPS, "/xf/api/v1/blzt", 5),
            "ODR", new Source("ODR", "wy001", "330108-WY-001", "ODR-2026-000124", STEPS,
                    "/api/v1/disputes/ODR-2026-000124/status", 6),
            "labor", new Source("labor", "lb002", "330108-LB-002", "LD20261122000105",
                    List.of("SIGNED", "HANDLING", "RESOLVED", "CLOSED"), "/ldjc/api/v1/complaints/LD20261122000105/progress", 5),
            "12345", new Source("12345", "wy001", "330108-WY-001", "GD20261122000123", STEPS,
                    "/api/v2/workorders/GD20261122000123/feedback", 3));

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final WireMockServer departments;

    BudgetSources(int port, WireMockServer departments) {
        this.port = port;
        this.departments = departments;
    }

    static String listing(String records) {
        return "{\"code\":0,\"msg\":\"ok\",\"data\":{\"total\":" + (records.isEmpty() ? 0 : 1)
                + ",\"pageNo\":1,\"pageSize\":50,\"records\":[" + records + "]}}";
    }

    /** The case id of the source's dispatch the department received, or null. */
    String dispatchedCase(Source source) {
        return departments.findAll(postRequestedFor(urlPathEqualTo("/depts/" + source.deptCode() + "/dispatch"))).stream()
                .map(r -> Json.read(r.getBodyAsString(), JsonNode.class))
                .filter(order -> order.at("/source/sourceId").asText().equals(source.sourceId()))
                .map(order -> order.path("caseId").asText()).findFirst().orElse(null);
    }

    void pushPetition() {
        byte[] body = HubTestSupport.fixture("petition/samples/valid/contract-example.xml").getBytes(StandardCharsets.UTF_8);
        String t = Long.toString(Instant.now().getEpochSecond());
        send(HttpRequest.newBuilder(uri("/api/inbound/petition"))
                .header("Content-Type", "application/xml; charset=UTF-8").header("X-Timestamp", t)
                .header("X-Signature", Base64.getEncoder().encodeToString(hmac(PETITION_SECRET, t + ".", body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 200);
    }

    void postOdrWebhook() {
        String event = Json.read(HubTestSupport.fixture("odr/samples/events/dispute-created-property.json"), JsonNode.class).toString();
        long t = Instant.now().getEpochSecond();
        String signature = HexFormat.of().formatHex(hmac(ODR_SECRET, t + ".", event.getBytes(StandardCharsets.UTF_8)));
        send(HttpRequest.newBuilder(uri("/api/inbound/odr")).header("Content-Type", "application/json")
                .header("ODR-Signature", "t=" + t + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), 200);
    }

    void dropLaborBatch(Path inbox) {
        try {
            BatchWriter.write(inbox, "LDJC_20261122093000.csv", List.of(BatchWriter.row("LD20261122000105",
                    "2026-11-22 09:20", "陈大勇", "13600136004", "", "杭州宏图建设工程有限公司", "91330108MA2KL3M4N5", "25",
                    "380000.00", "欠薪", "330108", "杭州市滨江区浦沿街道六和路500号工地", "25名工人被拖欠工资38万元，包工头失联")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The department reports a step through the API; the HTTP status. */
    int report(Source source, String caseId, String status) {
        String body = "{\"eventId\":\"ev-budget-" + source.name() + "-" + status + "\",\"status\":\"" + status
                + "\",\"occurredAt\":\"" + OffsetDateTime.now() + "\",\"actor\":{\"name\":\"承办人\"},\"note\":\"" + status + "\"}";
        return send(HttpRequest.newBuilder(uri("/api/v1/cases/" + caseId + "/events"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer demo-key-" + source.deptKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), -1);
    }

    static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("budget-labor");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private int send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (expected > 0 && r.statusCode() != expected) {
                throw new AssertionError(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
