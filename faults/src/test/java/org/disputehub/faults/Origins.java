package org.disputehub.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disputehub.fixtures.alarm110.Alarm110Simulator;
import org.disputehub.fixtures.hotline12345.Hotline12345Simulator;
import org.disputehub.fixtures.labor.LaborSimulator;
import org.disputehub.fixtures.odr.OdrSimulator;
import org.disputehub.fixtures.petition.PetitionSimulator;
import org.disputehub.fixtures.zhengding.ZhengdingSimulator;

/**
 * The origin systems, played by the test-fixtures simulators in this JVM against the hub's real interfaces:
 * 12345 polled by the hub, 110 alarms published to the broker, signed petition and ODR pushes, GBK labor batches
 * in the hub's inbox, Zhengding duty staff calling back. Each tells what the hub acknowledged and what statuses
 * it relayed (the simulators' WireMock journals).
 */
final class Origins implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JQBH = Pattern.compile("<JQBH>([^<]+)</JQBH>");
    private static final Pattern FKZT = Pattern.compile("<FKZT>([^<]+)</FKZT>");
    private static final Pattern XFJBH = Pattern.compile("<XFJBH>([^<]+)</XFJBH>");
    private static final Pattern ZT = Pattern.compile("<ZT>([^<]+)</ZT>");

    final WireMockServer hotline;
    final Alarm110Simulator alarm110;
    final PetitionSimulator petition;
    final OdrSimulator odr;
    final LaborSimulator labor;
    final ZhengdingSimulator zhengding;
    final ActiveMQConnectionFactory alarmConnections;
    private final Path laborInbox;
    private final ScheduledExecutorService laborDrops;
    private final Set<String> laborComplaints = ConcurrentHashMap.newKeySet();

    /**
     * How often each origin sends: a 12345 order, a 110 alarm, a petition, an ODR dispute, a labor batch (three
     * complaints, one bad row, one update), a Zhengding callback.
     */
    record Traffic(Duration hotline, Duration alarm110, Duration petition, Duration odr, Duration labor, Duration zhengding) {

        /** About one case a second: the single-hub fault test. */
        static final Traffic GENTLE = new Traffic(Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(8));
    }

    /** The hub's secrets are its application.yml demo defaults; the simulators are started with the same. */
    Origins(String hubUrl, String brokerUrl, Path laborInbox) {
        this(hubUrl, brokerUrl, laborInbox, Traffic.GENTLE);
    }

    /** As above at the given rates; {@code brokerUrl} may be a failover URL with options of its own. */
    Origins(String hubUrl, String brokerUrl, Path laborInbox, Traffic traffic) {
        this.laborInbox = laborInbox;
        hotline = Hotline12345Simulator.start(0, "demo-hub", "demo-hotline-secret", traffic.hotline());
        alarmConnections = new ActiveMQConnectionFactory(brokerUrl + (brokerUrl.contains("?") ? "&" : "?")
                + "reconnectAttempts=0&callTimeout=5000");
        alarm110 = Alarm110Simulator.start(0, "demo-alarm110-key", alarmConnections, "JCJ.LDJQ.OUT", traffic.alarm110());
        petition = PetitionSimulator.start(0, hubUrl + "/api/inbound/petition", "demo-petition-shared-secret",
                traffic.petition());
        odr = OdrSimulator.start(0, hubUrl + "/api/inbound/odr", "demo-odr-webhook-secret", "demo-hub",
                "demo-odr-client-secret", traffic.odr(), Duration.ofSeconds(3));
        labor = LaborSimulator.start(0, laborInbox, "demo-labor-key", null);
        zhengding = ZhengdingSimulator.start(0, new ZhengdingSimulator.App("demo-hub-app", "demo-zhengding-secret",
                "demo-zhengding-token", "E9FPK1QGFuI09MZWYSv3jwqKQzoMie32XTF4pAH1PTs"),
                hubUrl + "/api/inbound/zhengding/callback", traffic.zhengding());
        laborDrops = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faults-labor-drops");
            t.setDaemon(true);
            return t;
        });
        laborDrops.scheduleAtFixedRate(this::dropLaborBatch, 3000, traffic.labor().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The hub's command-line settings that point its connectors at these simulators. */
    List<String> hubArguments() {
        return List.of(
                "--hub.connectors.hotline12345.base-url=" + hotline.baseUrl(),
                "--hub.connectors.alarm110.base-url=" + alarm110.baseUrl(),
                "--hub.connectors.petition.base-url=" + petition.platform().baseUrl(),
                "--hub.connectors.odr.base-url=" + odr.baseUrl(),
                "--hub.connectors.labor.base-url=" + labor.baseUrl(),
                "--hub.connectors.labor.inbox=" + laborInbox,
                "--hub.connectors.zhengding.base-url=" + zhengding.baseUrl());
    }

    /** Source ids (system → ids) of every input the hub acknowledged so far. */
    Map<String, Set<String>> acknowledged() {
        Map<String, Set<String>> ack = new LinkedHashMap<>();
        Set<String> orders = new LinkedHashSet<>();
        for (ServeEvent e : hotline.getAllServeEvents()) {
            if (e.getRequest().getMethod().getName().equals("GET") && e.getResponse().getStatus() == 200) {
                JsonNode page = read(e.getResponse().getBodyAsString());
                if (page.path("code").asInt(-1) == 0) {
                    page.at("/data/records").forEach(r -> orders.add(r.path("orderNo").asText()));
                }
            }
        }
        ack.put("HOTLINE12345", orders);
        ack.put("ALARM110", new LinkedHashSet<>(alarm110.incidents()));
        ack.put("PETITION_CASES", new LinkedHashSet<>(petition.caseIds()));
        ack.put("ODR", new LinkedHashSet<>(odr.deliveredDisputeIds()));
        ack.put("LABOR", Set.copyOf(laborComplaints));
        return ack;
    }

    /** source system → source id → the statuses it received in its own vocabulary, in the order received. */
    Map<String, Map<String, List<String>>> relayed() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        out.put("HOTLINE12345", collect(hotline, e -> e.getRequest().getUrl().endsWith("/feedback")
                && read(e.getResponse().getBodyAsString()).path("code").asInt(-1) == 0 ? new String[] {
                    between(e.getRequest().getUrl(), "/workorders/", "/feedback"),
                    read(e.getRequest().getBodyAsString()).path("status").asText()} : null));
        out.put("ALARM110", collect(alarm110.server(), e -> e.getRequest().getUrl().startsWith(Alarm110Simulator.FEEDBACK_PATH)
                && e.getResponse().getBodyAsString().contains("<CODE>0</CODE>")
                ? xml(e.getRequest().getBodyAsString(), JQBH, FKZT) : null));
        out.put("PETITION", collect(petition.platform(), e -> e.getRequest().getUrl().startsWith("/xf/api/v1/blzt")
                && e.getResponse().getStatus() == 200 ? xml(e.getRequest().getBodyAsString(), XFJBH, ZT) : null));
        out.put("ODR", collect(odr.server(), e -> e.getRequest().getMethod().getName().equals("PUT")
                && e.getResponse().getStatus() / 100 == 2 ? new String[] {
                    between(e.getRequest().getUrl(), "/disputes/", "/status"),
                    read(e.getRequest().getBodyAsString()).path("status").asText()} : null));
        out.put("LABOR", collect(labor.server(), e -> e.getRequest().getUrl().endsWith("/progress")
                && e.getResponse().getStatus() == 200 ? new String[] {
                    between(e.getRequest().getUrl(), "/complaints/", "/progress"),
                    read(e.getRequest().getBodyAsString()).path("stage").asText()} : null));
        return out;
    }

    /** Work notifications and mediations the hub handed to the Zhengding and ODR channels (request bodies). */
    List<String> channelRequests() {
        List<String> bodies = new ArrayList<>();
        zhengding.server().getAllServeEvents().forEach(e -> bodies.add(e.getRequest().getBodyAsString()));
        odr.server().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/api/v1/mediations"))
                .forEach(e -> bodies.add(e.getRequest().getBodyAsString()));
        return bodies;
    }

    private void dropLaborBatch() {
        try {
            Path csv = labor.dropBatch();
            laborComplaints.addAll(goodComplaints(csv));
        } catch (RuntimeException | IOException e) {
            System.err.println("faults: labor batch not dropped: " + e);
        }
    }

    /** The complaint numbers of a simulated batch's good rows (its bad row is the one numbered ...03). */
    private List<String> goodComplaints(Path csv) throws IOException {
        String text = null;
        for (int attempt = 0; text == null && attempt < 3; attempt++) {
            try {
                text = Files.readString(csv, Charset.forName("GBK"));
            } catch (NoSuchFileException gone) {
                // the hub already took it: read it where it was moved
                try (Stream<Path> moved = Files.walk(laborInbox.getParent())) {
                    csv = moved.filter(p -> p.getFileName().toString().startsWith(gone.getFile() == null ? "?"
                            : Path.of(gone.getFile()).getFileName().toString())).findFirst().orElse(csv);
                }
            }
        }
        if (text == null) {
            throw new IOException("batch " + csv + " not found");
        }
        List<String> numbers = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            Matcher m = Pattern.compile("^\"?(LD\\d{12,})").matcher(line);
            if (m.find() && !m.group(1).endsWith("03")) {
                numbers.add(m.group(1));
            }
        }
        return numbers;
    }

    private static Map<String, List<String>> collect(WireMockServer server, Function<ServeEvent, String[]> pick) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ServeEvent e : events) {
            String[] hit = pick.apply(e);
            if (hit != null) {
                out.computeIfAbsent(hit[0], k -> new ArrayList<>()).add(hit[1]);
            }
        }
        return out;
    }

    private static String[] xml(String body, Pattern id, Pattern status) {
        Matcher i = id.matcher(body);
        Matcher s = status.matcher(body);
        return i.find() && s.find() ? new String[] {i.group(1), s.group(1)} : null;
    }

    private static String between(String url, String from, String to) {
        int a = url.indexOf(from) + from.length();
        return url.substring(a, url.indexOf(to, a));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json == null || json.isEmpty() ? "{}" : json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        laborDrops.shutdownNow();
        Stream.<Runnable>of(alarm110::close, petition::stop, odr::stop, labor::stop, zhengding::stop, hotline::stop,
                alarmConnections::close).forEach(stop -> {
                    try {
                        stop.run();
                    } catch (RuntimeException e) {
                        System.err.println("faults: stopping a simulator: " + e);
                    }
                });
    }
}
