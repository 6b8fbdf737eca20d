package org.disputehub.bench.driver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disputehub.fixtures.departments.DepartmentSimulator;

/**
 * The driver's fast HTTP server: the departments — the shared {@link DepartmentSimulator} of test-fixtures (JDK
 * HttpServer, no journal), acknowledging every {@code POST /depts/{code}/dispatch} at once, the hub's orders and the
 * bare relay's raw messages alike, the latency recorded on arrival — and on the same port the origin systems' feedback
 * endpoints the hub relays statuses to (110, petition, labor: success answers as in their contracts) and the 12345
 * platform.
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

    private final DepartmentSimulator server;
    private final Ledger ledger;
    private final Hotline12345Platform hotline;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    Departments(Ledger ledger, Hotline12345Platform hotline) throws IOException {
        this.ledger = ledger;
        this.hotline = hotline;
        server = DepartmentSimulator.on(0).acceptingAnyRequest().onDispatch(this::dispatched)
                .serve("/jcj/", ex -> answer(ex, "alarm110-relay", "application/xml;charset=UTF-8",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><FKJG><CODE>0</CODE><MSG>成功</MSG></FKJG>"))
                .serve("/xf/", ex -> answer(ex, "petition-relay", "application/xml;charset=UTF-8",
                        "<Ack><Code>0</Code></Ack>"))
                .serve("/ldjc/", ex -> answer(ex, "labor-relay", "application/json;charset=UTF-8", "{\"ok\":true}"))
                .serve("/api/v2/workorders", this::hotline12345)
                .start();
    }

    String baseUrl() {
        return server.baseUrl();
    }

    Map<String, AtomicLong> calls() {
        return calls;
    }

    private void dispatched(DepartmentSimulator.Dispatch d) {
        if (d.isOrder()) {
            String id = id(d.body());
            if (id == null) {
                count("dispatch-without-id");
            } else {
                ledger.dispatched(id, d.receivedNanos());
            }
        }
        count("dispatch-" + (d.notice() == null ? "ORDER" : d.notice()));
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
        DepartmentSimulator.reply(ex, 200, type, body);
    }

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static void read(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
