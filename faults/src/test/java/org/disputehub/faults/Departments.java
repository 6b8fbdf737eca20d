package org.disputehub.faults;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The http-channel departments: one WireMock server ({@code /depts/{code}/dispatch}, the stub of
 * test-fixtures/departments) that can be stopped and started again on the same port, and, for each new order
 * (de-duplicated by Idempotency-Key, as a department's system does), SIGNED → ARRIVED → RESOLVED → CLOSED reported
 * through the hub's API with the department's key. A report the hub did not answer (down, restarting) is sent
 * again with the same eventId until it is answered.
 */
final class Departments implements ServeEventListener, AutoCloseable {

    /** One dispatch request as the department received it. */
    record Dispatch(String dept, String caseId, String key, String notice, int status) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> STEPS = List.of("SIGNED", "ARRIVED", "RESOLVED", "CLOSED");

    private final int port;
    private final String stub;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "faults-departments");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Dispatch> received = new CopyOnWriteArrayList<>();
    private final Set<String> orderKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    /** eventId → "caseId status" of every report the hub answered 202. */
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** caseId → last status the hub accepted from the department. */
    private final Map<String, String> lastAccepted = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile String hubUrl;
    private volatile WireMockServer server;

    Departments() throws IOException {
        this.port = Jvm.freePort();
        try (InputStream in = getClass().getResourceAsStream("/fixtures/departments/mappings/dispatch-accept.json")) {
            this.stub = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    String baseUrl(String deptCode) {
        return "http://127.0.0.1:" + port + "/depts/" + deptCode;
    }

    void hubUrl(String url) {
        this.hubUrl = url;
    }

    synchronized void endpointUp() {
        WireMockServer s = new WireMockServer(options().port(port).bindAddress("127.0.0.1").extensions(this)
                .containerThreads(12).maxRequestJournalEntries(20_000));
        s.addStubMapping(StubMapping.buildFrom(stub));
        s.start();
        server = s;
    }

    /** The endpoint goes away: connections are refused until {@link #endpointUp()}. */
    synchronized void endpointDown() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    boolean running() {
        return server != null;
    }

    List<Dispatch> received() {
        return List.copyOf(received);
    }

    Map<String, String> accepted() {
        return Map.copyOf(accepted);
    }

    Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    String lastAccepted(String caseId) {
        return lastAccepted.get(caseId);
    }

    @Override
    public String getName() {
        return "faults-departments";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        String path = event.getRequest().getUrl();
        if (!path.startsWith("/depts/") || !path.contains("/dispatch")) {
            return;
        }
        String dept = path.substring("/depts/".length(), path.indexOf("/dispatch"));
        String caseId;
        try {
            caseId = JSON.readTree(event.getRequest().getBodyAsString()).path("caseId").asText();
        } catch (IOException e) {
            caseId = "?";
        }
        String notice = event.getRequest().getHeader("X-Hub-Notice");
        String key = event.getRequest().getHeader("Idempotency-Key");
        int status = event.getResponse().getStatus();
        received.add(new Dispatch(dept, caseId, key, notice, status));
        if (status != 202) {
            return;
        }
        if ("WITHDRAW".equals(notice)) {
            withdrawn.add(caseId);
        }
        if ((notice == null || "ORDER".equals(notice)) && orderKeys.add(key)) {
            step(caseId, dept, 0, UUID.randomUUID().toString());
        }
    }

    private void step(String caseId, String dept, int step, String eventId) {
        long delay = ThreadLocalRandom.current().nextLong(150, 600);
        scheduler.schedule(() -> report(caseId, dept, step, eventId), delay, TimeUnit.MILLISECONDS);
    }

    private void report(String caseId, String dept, int step, String eventId) {
        if (withdrawn.contains(caseId)) {
            return;
        }
        String status = STEPS.get(step);
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("eventId", eventId, "caseId", caseId, "status", status,
                    "occurredAt", OffsetDateTime.now().toString(),
                    "actor", Map.of("deptCode", dept, "name", "值班员"), "note", status));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int code;
        String answer;
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/cases/" + caseId + "/events"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + apiKey(dept))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            code = r.statusCode();
            answer = r.body();
        } catch (IOException e) {
            code = -1;
            answer = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (code == 202) {
            accepted.put(eventId, caseId + " " + status);
            lastAccepted.put(caseId, status);
            if (step + 1 < STEPS.size()) {
                step(caseId, dept, step + 1, UUID.randomUUID().toString());
            }
        } else if (code == -1 || code >= 500) {
            // the hub is down or restarting: the same event again, as a department's system would
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> report(caseId, dept, step, eventId), 1, TimeUnit.SECONDS);
            }
        } else {
            refused.put(eventId, caseId + " " + status + " → " + code + " " + answer);
        }
    }

    /** The API key of a department as routes/departments-http.yaml defaults it: 330108-ZF-001 → demo-key-zf001. */
    static String apiKey(String dept) {
        String[] parts = dept.split("-");
        return "demo-key-" + parts[1].toLowerCase() + parts[2];
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        endpointDown();
    }
}
