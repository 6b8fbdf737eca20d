package org.disputehub.bench.driver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The driver's fast HTTP server (JDK HttpServer, no journal): the departments ({@code POST /depts/{code}/dispatch},
 * acknowledged at once, the latency recorded on arrival), the origin systems' feedback endpoints the hub relays
 * statuses to (110, petition, labor: success answers as in their contracts), and the 12345 platform.
 */
final class Departments implements AutoCloseable {

    /** The source id in a dispatch: the hub's canonical case, else the raw message the bare relay forwards. */
    private static final Pattern[] IDS = {
        Pattern.compile("\"sourceId\"\\s*:\\s*\"([^\"]+)\""),
        Pattern.compile("<JQBH>\\s*(\\d+)\\s*</JQBH>"),
        Pattern.compile("<XFJBH>\\s*(\\w+)\\s*</XFJBH>"),
        Pattern.compile("\"disputeId\"\\s*:\\s*\"([^\"]+)\""),
        Pattern.compile("\"orderNo\"\\s*:\\s*\"([^\"]+)\""),
        Pattern.compile("^\\s*(LD\\d+),")};

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "bench-departments");
        t.setDaemon(true);
        return t;
    });
    private final Ledger ledger;
    private final Hotline12345Platform hotline;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    Departments(Ledger ledger, Hotline12345Platform hotline) throws IOException {
        this.ledger = ledger;
        this.hotline = hotline;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(pool);
        server.createContext("/depts/", this::dispatch);
        server.createContext("/jcj/", ex -> answer(ex, "alarm110-relay", "application/xml;charset=UTF-8",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><FKJG><CODE>0</CODE><MSG>成功</MSG></FKJG>"));
        server.createContext("/xf/", ex -> answer(ex, "petition-relay", "application/xml;charset=UTF-8",
                "<Ack><Code>0</Code></Ack>"));
        server.createContext("/ldjc/", ex -> answer(ex, "labor-relay", "application/json;charset=UTF-8",
                "{\"ok\":true}"));
        server.createContext("/api/v2/workorders", this::hotline12345);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Map<String, AtomicLong> calls() {
        return calls;
    }

    private void dispatch(HttpExchange ex) throws IOException {
        byte[] body = read(ex);
        long now = System.nanoTime();
        String notice = ex.getRequestHeaders().getFirst("X-Hub-Notice");
        if (notice == null || "ORDER".equals(notice)) {
            String id = id(new String(body, StandardCharsets.UTF_8));
            if (id == null) {
                count("dispatch-without-id");
            } else {
                ledger.dispatched(id, now);
            }
        }
        count("dispatch-" + (notice == null ? "ORDER" : notice));
        reply(ex, 200, "application/json", "{\"accepted\":true}");
    }

    private void hotline12345(HttpExchange ex) throws IOException {
        read(ex);
        if ("GET".equals(ex.getRequestMethod())) {
            count("hotline12345-poll");
            byte[] page = hotline.listing(ex.getRequestURI().getRawQuery());
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            ex.sendResponseHeaders(200, page.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(page);
            }
            hotline.served(System.nanoTime());
        } else {
            answer(ex, "hotline12345-relay", "application/json;charset=UTF-8", "{\"code\":0,\"msg\":\"ok\"}");
        }
    }

    static String id(String body) {
        for (Pattern p : IDS) {
            Matcher m = p.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private void answer(HttpExchange ex, String what, String type, String body) throws IOException {
        read(ex);
        count(what);
        reply(ex, 200, type, body);
    }

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static byte[] read(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
