package org.disputehub.bench.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.disputehub.fixtures.labor.BatchWriter;
import org.disputehub.fixtures.odr.OdrSigning;

/**
 * The five inputs, each through the hub's real interface and built from the fixtures' valid samples with fresh
 * ids: 110 alarms as XML over JMS ({@code JCJ.LDJQ.OUT}, persistent, the send returns once the broker has the
 * message), signed petition XML ({@code POST /api/inbound/petition}), signed ODR webhooks
 * ({@code POST /api/inbound/odr}), 12345 work orders (served by {@link Hotline12345Platform} when the hub polls),
 * and GBK labor batches (one file a second into the inbox, the {@code .ok} marker last).
 */
final class Traffic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ALARMS = {"ldlx1-noise.xml", "ldlx2-neighbour.xml", "anonymous.xml",
        "landline-no-coordinates.xml", "wage-joint.xml", "unknown-category.xml"};
    private static final DateTimeFormatter BJSJ = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[][] PETITION_MATTERS = {
        {"物业管理", "小区物业未经业主大会同意擅自提高物业费，业主多次反映未果。"},
        {"劳动社保", "公司拖欠员工工资两个月，且未依法缴纳社会保险。"},
        {"征地拆迁", "对房屋征收补偿标准有异议，认为评估价格明显偏低。"},
        {"邻里纠纷", "邻居在公共楼道堆放杂物并私接电线，存在消防隐患，协商无果。"},
        {"环境保护", "附近工地夜间施工噪声扰民，并有扬尘污染。"}};
    private static final String[][] LABOR_MATTERS = {
        {"欠薪", "被拖欠两个月工资，多次讨要未果"}, {"未签合同", "入职三个月，单位未签订书面劳动合同"},
        {"社保", "单位未为本人缴纳社会保险"}, {"解除劳动关系", "被口头辞退，未支付经济补偿"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"建国", "秀英", "伟", "芳", "敏", "静", "磊", "丽娟", "强", "晓燕"};

    private final Ledger ledger;
    private final Hotline12345Platform hotline;
    private final ConnectionFactory jms;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Object[]> producer = new ThreadLocal<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI petitionUrl;
    private final URI odrUrl;
    private final Path laborInbox;
    private final String petitionSecret;
    private final String odrSecret;
    private final List<String> alarms = new ArrayList<>();
    private final List<String[]> petitionMatters = new ArrayList<>();
    private final List<ObjectNode> disputes = new ArrayList<>();
    private final List<String[]> laborMatters = new ArrayList<>();
    private final AtomicLong seq;
    /** 110 and petition numbers hold a date and a 4- or 5-digit sequence: a day's numbers, then the next day's. */
    private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(2026, 1, 1);
    private final AtomicLong alarmSeq = new AtomicLong();
    private final AtomicLong petitionSeq = new AtomicLong();
    private final String day = DAY.format(LocalDateTime.now(Hotline12345Platform.CST));
    private final List<String[]> laborRows = new ArrayList<>();
    private LocalDateTime lastBatch = LocalDateTime.MIN;

    Traffic(Ledger ledger, Hotline12345Platform hotline, Routing routing, String brokerUrl, String hubUrl,
            Path laborInbox, long run, String petitionSecret, String odrSecret) throws IOException {
        this.ledger = ledger;
        this.hotline = hotline;
        this.jms = new ActiveMQConnectionFactory(brokerUrl);
        this.petitionUrl = URI.create(hubUrl + "/api/inbound/petition");
        this.odrUrl = URI.create(hubUrl + "/api/inbound/odr");
        this.laborInbox = laborInbox;
        this.petitionSecret = petitionSecret;
        this.odrSecret = odrSecret;
        this.seq = new AtomicLong(run % 100 * 10_000_000L);
        for (String name : ALARMS) {
            String xml = resource("/fixtures/alarm110/samples/valid/" + name);
            if (routing.toHttp("ALARM110", element(xml, "JQLBDM"), element(xml, "XZQH"))) {
                alarms.add(xml);
            }
        }
        for (String[] m : PETITION_MATTERS) {
            if (routing.toHttp("PETITION", m[0], "330108")) {
                petitionMatters.add(m);
            }
        }
        for (JsonNode d : JSON.readTree(resource("/fixtures/odr/samples/simulator-disputes.json"))) {
            if (routing.toHttp("ODR", d.path("disputeType").asText(), d.path("region").asText())) {
                disputes.add((ObjectNode) d);
            }
        }
        for (String[] m : LABOR_MATTERS) {
            if (routing.toHttp("LABOR", m[0], "330108")) {
                laborMatters.add(m);
            }
        }
    }

    /** Sends input number {@code i} of the mix (35 % 110, 20 % 12345, 15 % petition, 15 % ODR, 15 % labor). */
    void send(long i, long intendedNanos) {
        switch ((int) (i % 20)) {
            case 0, 3, 6, 9, 12, 15, 18 -> alarm(intendedNanos);
            case 1, 7, 13, 19 -> hotline.add(intendedNanos);
            case 2, 10, 16 -> petition(intendedNanos);
            case 4, 11, 17 -> odr(intendedNanos);
            default -> labor(intendedNanos);
        }
    }

    /**
     * A caller of their own: every input has its own phone number and house number, as most reports do — the hub links
     * reports of one caller or one address (they are not dispatched again), which is not what a throughput run measures.
     */
    static String phone(String prefix, long n) {
        return prefix + String.format("%08d", n * 7919 % 100_000_000);
    }

    /**
     * House number {@code origin}·10⁷ + n + 1 on the origin's street: each origin numbers its own houses, so two
     * origins' reports never name one house number (several streets are in one street office, and two addresses there
     * with the same long house number are alike enough to be linked as one matter).
     */
    static String address(String street, int origin, long n) {
        return street + (origin * 10_000_000L + n % 10_000_000 + 1) + "号";
    }

    /** True when input {@code i} is sent by the caller's thread pool (JMS and HTTP); the others are quick hand-overs. */
    static boolean blocking(long i) {
        int k = (int) (i % 20);
        return !(k == 1 || k == 7 || k == 13 || k == 19 || k == 5 || k == 8 || k == 14);
    }

    private void alarm(long intended) {
        long n = seq.incrementAndGet();
        long k = alarmSeq.getAndIncrement();
        String jqbh = "330108" + DAY.format(FIRST_DAY.plusDays(k / 10_000)) + String.format("%04d", k % 10_000);
        LocalDateTime now = LocalDateTime.now(Hotline12345Platform.CST);
        String xml = alarms.get((int) (n % alarms.size()))
                .replaceFirst("<JQBH>[^<]*</JQBH>", "<JQBH>" + jqbh + "</JQBH>")
                .replaceFirst("<BJSJ>[^<]*</BJSJ>", "<BJSJ>" + BJSJ.format(now) + "</BJSJ>")
                .replaceFirst("<BJDH>[^<]*</BJDH>", "<BJDH>" + phone("158", n) + "</BJDH>")
                .replaceFirst("<AFDZ>[^<]*</AFDZ>", "<AFDZ>" + address("杭州市滨江区西兴街道江汉路", 1, n) + "</AFDZ>");
        try {
            Object[] p = producer.get();
            if (p == null) {
                Connection c = jms.createConnection();
                synchronized (connections) {
                    connections.add(c);
                }
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer mp = s.createProducer(s.createQueue("JCJ.LDJQ.OUT"));
                mp.setDeliveryMode(DeliveryMode.PERSISTENT);
                p = new Object[] {s, mp};
                producer.set(p);
            }
            TextMessage m = ((Session) p[0]).createTextMessage(xml);
            m.setStringProperty("MsgType", "LDJQ");
            ((MessageProducer) p[1]).send(m);
            ledger.accepted(jqbh, "110", intended, System.nanoTime());
        } catch (JMSException | RuntimeException e) {
            producer.remove();
            ledger.failed("alarm110 " + e.getClass().getSimpleName());
        }
    }

    private void petition(long intended) {
        long n = seq.incrementAndGet();
        long k = petitionSeq.getAndIncrement();
        String xfjbh = "XF330108" + DAY.format(FIRST_DAY.plusDays(k / 100_000)) + String.format("%05d", k % 100_000);
        String[] matter = petitionMatters.get((int) (n % petitionMatters.size()));
        String name = SURNAMES[(int) (n % SURNAMES.length)] + GIVEN[(int) (n / 3 % GIVEN.length)];
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<XFJ>\n  <XFJBH>" + xfjbh + "</XFJBH>\n  <DJSJ>"
                + OffsetDateTime.now(Hotline12345Platform.CST).truncatedTo(ChronoUnit.SECONDS) + "</DJSJ>\n"
                + "  <XFXS>网上信访</XFXS>\n  <XFRS>1</XFRS>\n  <XFR><XM>" + name + "</XM><LXDH>" + phone("139", n)
                + "</LXDH></XFR>\n"
                + "  <WTSD><XZQH>330108</XZQH><DZ>" + address("杭州市滨江区长河街道长河路", 2, n) + "</DZ></WTSD>\n"
                + "  <NRFL>" + matter[0] + "</NRFL>\n  <XFNR>" + matter[1] + "</XFNR>\n  <SFCF>0</SFCF>\n</XFJ>\n";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String sig = Base64.getEncoder().encodeToString(hmac(petitionSecret, (ts + ".").getBytes(StandardCharsets.US_ASCII), body));
        post(petitionUrl, "application/xml; charset=UTF-8", body, "petition", xfjbh, intended,
                "X-Timestamp", ts, "X-Signature", sig);
    }

    private void odr(long intended) {
        long n = seq.incrementAndGet();
        String disputeId = "ODR-" + day.substring(0, 4) + "-B" + String.format("%09d", n);
        ObjectNode data = JSON.createObjectNode().put("disputeId", disputeId)
                .put("submittedAt", OffsetDateTime.now(Hotline12345Platform.CST).truncatedTo(ChronoUnit.SECONDS).toString());
        data.setAll(disputes.get((int) (n % disputes.size())).deepCopy());
        data.put("address", address("杭州市滨江区浦沿街道东信大道", 3, n));
        ((ObjectNode) data.path("applicant")).put("phone", phone("135", n)).remove("idNumber");
        ObjectNode event = JSON.createObjectNode().put("id", "evt_bench_" + n).put("type", "dispute.created")
                .put("created", System.currentTimeMillis() / 1000);
        event.set("data", data);
        byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
        post(odrUrl, "application/json", body, "odr", disputeId, intended,
                OdrSigning.HEADER, OdrSigning.header(odrSecret, System.currentTimeMillis() / 1000, body));
    }

    private void post(URI url, String type, byte[] body, String what, String id, long intended, String... headers) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", type).headers(headers)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                ledger.accepted(id, what, intended, System.nanoTime());
            } else {
                ledger.failed(what + " HTTP " + status);
            }
        } catch (IOException e) {
            ledger.failed(what + " " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ledger.failed(what + " interrupted");
        }
    }

    private void labor(long intended) {
        long n = seq.incrementAndGet();
        String no = "LD" + day + String.format("%010d", n);
        String[] matter = laborMatters.get((int) (n % laborMatters.size()));
        LocalDateTime now = LocalDateTime.now(Hotline12345Platform.CST);
        String[] row = {no, WIRE.format(now.minusMinutes(30)), SURNAMES[(int) (n % SURNAMES.length)]
            + GIVEN[(int) (n / 7 % GIVEN.length)], phone("138", n), "",
            "杭州恒达建筑劳务有限公司", "91330108MA2H3K5L7Q", Long.toString(1 + n % 3),
            matter[0].equals("欠薪") ? (3000 + 1000 * (n % 7)) + ".00" : "", matter[0], "330108",
            address("杭州市滨江区浦沿街道东冠路", 4, n), matter[1]};
        synchronized (laborRows) {
            laborRows.add(row);
            ledger.pending(no, "labor", intended);
        }
    }

    /** Writes the labor rows gathered since the last batch as one GBK batch file, then its marker. */
    void flushLabor() {
        List<String> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        synchronized (laborRows) {
            for (String[] r : laborRows) {
                rows.add(BatchWriter.row(r));
                ids.add(r[0]);
            }
            laborRows.clear();
        }
        if (rows.isEmpty()) {
            return;
        }
        LocalDateTime at = LocalDateTime.now(Hotline12345Platform.CST).truncatedTo(ChronoUnit.SECONDS);
        at = at.isAfter(lastBatch) ? at : lastBatch.plusSeconds(1);
        lastBatch = at;
        try {
            BatchWriter.write(laborInbox, BatchWriter.fileName(at), rows);
            long now = System.nanoTime();
            ids.forEach(id -> ledger.handedOver(id, now));
        } catch (IOException e) {
            ids.forEach(id -> ledger.failed("labor batch " + e.getClass().getSimpleName()));
        }
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String element(String xml, String name) {
        int a = xml.indexOf("<" + name + ">");
        int b = xml.indexOf("</" + name + ">");
        return a < 0 || b < 0 ? "" : xml.substring(a + name.length() + 2, b).trim();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Traffic.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        synchronized (connections) {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (JMSException ignored) {
                    // closing at the end of the run
                }
            }
        }
    }
}
