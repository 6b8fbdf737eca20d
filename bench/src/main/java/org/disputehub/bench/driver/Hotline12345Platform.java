package org.disputehub.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 12345 platform at a rate the driver sets: the listing endpoint of docs/interfaces/hotline-12345.md answered as
 * the fixture simulator ({@code org.disputehub.fixtures.hotline12345}) answers it, over the fixture's sample
 * work orders ({@code fixtures/hotline12345/samples/page-*.json}), but with a new order whenever the driver says
 * so. An order counts as accepted by the hub when a poll answer carrying it has been written.
 */
final class Hotline12345Platform {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<ObjectNode> templates = new ArrayList<>();
    private final List<ObjectNode> orders = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private final Ledger ledger;
    private final String prefix;
    private long next;
    private final ThreadLocal<List<String>> lastPage = ThreadLocal.withInitial(List::of);

    Hotline12345Platform(Ledger ledger, Routing routing, long run) throws IOException {
        this.ledger = ledger;
        this.prefix = "GD" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDateTime.now(CST));
        this.next = run % 100 * 10_000_000L;
        for (int p = 1; p <= 3; p++) {
            try (InputStream in = getClass().getResourceAsStream("/fixtures/hotline12345/samples/page-" + p + ".json")) {
                for (JsonNode r : JSON.readTree(in).path("data").path("records")) {
                    if (routing.toHttp("HOTLINE12345", r.path("categoryCode").asText(), r.path("areaCode").asText())) {
                        templates.add((ObjectNode) r);
                    }
                }
            }
        }
    }

    /** A new work order appears now; returns its number. */
    synchronized String add(long intendedNanos) {
        long i = next++;
        ObjectNode r = templates.get((int) (i % templates.size())).deepCopy();
        String no = prefix + String.format("%09d", i);
        String now = TIME.format(LocalDateTime.now(CST));
        r.put("orderNo", no).put("acceptTime", now).put("updateTime", now).put("orderStatus", "待签收");
        r.put("content", r.path("content").asText() + "（" + no.substring(no.length() - 5) + "）");
        r.put("callerPhone", Traffic.phone("137", i)).put("address", Traffic.address("杭州市滨江区长河街道滨康路", 5, i));
        ledger.pending(no, "12345", intendedNanos);
        orders.add(r);
        times.add(now);
        return no;
    }

    /** One page of the orders updated at or after {@code updatedSince}, ordered by (updateTime, orderNo). */
    byte[] listing(String rawQuery) {
        Map<String, String> q = query(rawQuery);
        String since;
        int pageNo;
        int pageSize;
        try {
            since = TIME.format(OffsetDateTime.parse(q.getOrDefault("updatedSince", "")).atZoneSameInstant(CST)
                    .toLocalDateTime());
            pageNo = Integer.parseInt(q.getOrDefault("pageNo", "1"));
            pageSize = Integer.parseInt(q.getOrDefault("pageSize", "50"));
        } catch (RuntimeException e) {
            return ("{\"code\":4000,\"msg\":\"参数错误\"}").getBytes(StandardCharsets.UTF_8);
        }
        ObjectNode data = JSON.createObjectNode();
        ArrayNode records = data.putArray("records");
        List<String> ids = new ArrayList<>();
        synchronized (this) {
            int first = firstAtOrAfter(since);
            int total = orders.size() - first;
            int from = Math.min(first + (pageNo - 1) * pageSize, orders.size());
            int to = Math.min(from + pageSize, orders.size());
            for (int k = from; k < to; k++) {
                records.add(orders.get(k));
                ids.add(orders.get(k).path("orderNo").asText());
            }
            data.put("total", total).put("pageNo", pageNo).put("pageSize", pageSize);
        }
        lastPage.set(ids);
        ObjectNode body = JSON.createObjectNode().put("code", 0).put("msg", "ok");
        body.set("data", data);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The page this thread built last has been written to the hub. */
    void served(long nanos) {
        for (String id : lastPage.get()) {
            ledger.handedOver(id, nanos);
        }
        lastPage.set(List.of());
    }

    private int firstAtOrAfter(String since) {
        int lo = 0;
        int hi = times.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid).compareTo(since) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }
}
