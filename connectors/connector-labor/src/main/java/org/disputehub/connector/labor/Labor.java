package org.disputehub.connector.labor;

import java.nio.charset.Charset;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.disputehub.canonical.connector.ConnectorMetrics;

/** Names and formats of the labor-inspection contract (docs/interfaces/labor.md). */
public final class Labor {

    /** The system name in the canonical model, the relay queue name and the audit log. */
    public static final String SYSTEM = "LABOR";
    /** The connector's name in metrics, logs and the watermark store. */
    public static final String CONNECTOR = "labor";
    /** The canonical channel of cases from the labor system: batch files. */
    public static final String CHANNEL = "FILE";
    /** All labor-system times are Asia/Shanghai. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    /** The batch files' encoding. */
    public static final Charset GBK = Charset.forName("GBK");
    /** {@code 登记日期} and the progress {@code time}: {@code yyyy-MM-dd HH:mm}, strictly. */
    public static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    /** The export time in a batch name. */
    public static final DateTimeFormatter BATCH_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    /** A batch file: {@code LDJC_{yyyyMMddHHmmss}.csv}. */
    public static final Pattern BATCH_FILE = Pattern.compile("LDJC_(\\d{14})\\.csv");
    /** The marker written once a batch file is complete: {@code {batch file}.ok}. */
    public static final String MARKER_SUFFIX = ".ok";
    /** The header line every batch starts with, in this order. */
    public static final List<String> HEADER = List.of("投诉编号", "登记日期", "投诉人", "联系电话", "身份证号", "用人单位",
            "统一社会信用代码", "涉及人数", "欠薪金额", "事项类型", "所属区划", "地址", "诉求内容");
    /** The content type of a row as it travels in an envelope or an audit record (header line + the row). */
    public static final String ROW_CONTENT_TYPE = "text/csv";

    /** The progress stages the labor system takes. */
    public static final Set<String> STAGES = Set.of("已受理", "已交办", "调处中", "已办结", "已回访", "已退回");

    private Labor() {
    }

    /** Counts a batch row: {@code hub.connector.labor.rows} (outcome read|accepted|rejected|unchanged). */
    static void row(ConnectorMetrics metrics, String outcome) {
        metrics.count("hub.connector.labor.rows", "Batch rows the labor connector read, by outcome", "outcome", outcome);
    }

    /** Counts a batch: {@code hub.connector.labor.batches} (outcome done|error|failed). */
    static void batch(ConnectorMetrics metrics, String outcome) {
        metrics.count("hub.connector.labor.batches",
                "Batch files the labor connector finished (done, error) or had to retry (failed)", "outcome", outcome);
    }

    /** The watermark of a batch in the connector store: the line number of the last row handled. */
    public static String watermarkName(String batch) {
        return CONNECTOR + ":" + batch;
    }
}
