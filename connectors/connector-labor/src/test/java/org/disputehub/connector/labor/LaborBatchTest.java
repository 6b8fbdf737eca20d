package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseEnvelope;
import org.disputehub.canonical.model.EnvelopeType;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.junit.jupiter.api.Test;

class LaborBatchTest extends LaborContextTest {

    static final String VALID = "LDJC_20261122093000";
    static final String MIXED = "LDJC_20261122110000";

    @Test
    void theRoutePicksUpACompleteBatchAndEveryRowBecomesANewEnvelope() throws Exception {
        double accepted = count("hub.connector.labor.rows", "outcome", "accepted");
        Samples.drop(INBOX, "valid-batch.csv", VALID);

        camel.getRouteController().startRoute(LaborBatchRoute.ROUTE_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> names(DONE).size() == 2);

        assertThat(names(DONE)).containsExactly(VALID + ".csv", VALID + ".csv.ok");
        assertThat(names(INBOX)).isEmpty();
        assertThat(names(ERROR)).as("no rejected rows, no rejected list").isEmpty();
        List<Message> messages = drain(INTAKE);
        assertThat(messages).hasSize(7);
        assertThat(messages.get(0).getStringProperty("JMSXGroupID")).isEqualTo("LABOR:LD20261122000101");
        List<CaseEnvelope> envelopes = messages.stream().map(m -> Json.read(textOf(m), CaseEnvelope.class)).toList();
        assertThat(envelopes).extracting(CaseEnvelope::sourceId).containsExactly("LD20261122000101", "LD20261122000102",
                "LD20261122000103", "LD20261122000104", "LD20261122000105", "LD20261122000106", "LD20261122000107");
        assertThat(envelopes).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(EnvelopeType.NEW);
            assertThat(e.system()).isEqualTo("LABOR");
            assertThat(e.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:00+08:00"));
            assertThat(e.caseData().source().channel()).isEqualTo("FILE");
            assertThat(e.raw().contentType()).isEqualTo("text/csv");
            assertThat(e.raw().body()).startsWith(String.join(",", Labor.HEADER) + "\r\n" + e.sourceId() + ",");
        });

        CanonicalCase first = envelopes.get(0).caseData();
        assertThat(first.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T08:15:00+08:00"));
        assertThat(first.category().sourceCode()).isEqualTo("欠薪");
        assertThat(first.category().code()).isNull();
        assertThat(first.parties()).containsExactly(
                new Party(Parts.PartyRole.REPORTER, "王小明", "13800138001", "330108199001011234", null, null),
                new Party(Parts.PartyRole.RESPONDENT, null, null, null, "杭州恒达建筑劳务有限公司", "91330108MA2H3K5L7Q"));
        assertThat(first.headcount()).isEqualTo(3);
        assertThat(first.amount()).isEqualByComparingTo("24600.00");
        assertThat(first.location().address()).isEqualTo("杭州市滨江区浦沿街道东冠路88号工地");
        assertThat(first.location().regionCode()).isEqualTo("330108");
        assertThat(first.risk()).isNull();
        assertThat(envelopes.get(3).caseData().description()).as("a quoted comma, quote and line break survive")
                .isEqualTo("在车间操作冲床时右手受伤，单位称\"自己不小心\"，拒绝申报工伤,\r\n要求认定工伤并支付医疗费");
        assertThat(envelopes.get(4).caseData().risk().level()).isEqualTo(Parts.RiskLevel.RED);
        assertThat(envelopes.get(4).caseData().risk().reasons()).containsExactly("群体性欠薪: 涉及25人/欠薪¥380000.00");
        assertThat(envelopes.get(1).caseData().parties().get(0).phone()).isEqualTo("0571-86001234");

        assertThat(store.watermark("labor:" + VALID)).as("line of the last row (row 4 spans lines 5 and 6)").contains("9");
        assertThat(store.sourceVersion("LABOR", "LD20261122000101")).hasValueSatisfying(v -> assertThat(v).hasSize(64));
        assertThat(count("hub.connector.labor.rows", "outcome", "accepted") - accepted).isEqualTo(7);
    }

    @Test
    void badRowsGoToTheRejectedListAndTheAuditLogAndTheGoodRowsToTheHub() throws Exception {
        double rejectedBefore = count("hub.connector.labor.rows", "outcome", "rejected");
        double readBefore = count("hub.connector.labor.rows", "outcome", "read");
        Samples.drop(INBOX, "mixed-batch.csv", MIXED);

        List<BatchResult> results = scanner.scan();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(BatchResult.Outcome.DONE);
            assertThat(r.rows()).isEqualTo(11);
            assertThat(r.created()).isEqualTo(4);
            assertThat(r.rejected()).isEqualTo(7);
        });
        List<CaseEnvelope> envelopes = envelopes();
        assertThat(envelopes).extracting(CaseEnvelope::sourceId)
                .containsExactly("LD20261122000201", "LD20261122000203", "LD20261122000209", "LD20261122000211");
        assertThat(envelopes.get(1).caseData().description()).isEqualTo("第一行\r\n第二行，含\"引号\"");
        assertThat(envelopes.get(2).caseData().risk().reasons()).containsExactly("群体性欠薪: 涉及4人/欠薪¥120000.5");

        Path list = ERROR.resolve(MIXED + ".rejected.csv");
        String text = Files.readString(list, StandardCharsets.UTF_8);
        assertThat(text).startsWith("line,reason,raw\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(list, StandardCharsets.UTF_8)).getRecords();
        assertThat(rows).extracting(r -> r.get("line")).containsExactly("3", "6", "7", "8", "9", "10", "12");
        assertThat(rows).extracting(r -> r.get("reason")).containsExactly(
                "登记日期: not a time of the form yyyy-MM-dd HH:mm: '2026/11/22 10:05'",
                "联系电话: not a phone number (digits, optionally with '-'); "
                        + "身份证号: must be 18 characters: 17 digits and a last digit or X",
                "涉及人数: must be a whole number of at least 1, was 0; 欠薪金额: must be an amount ≥ 0 with at most 2 decimals",
                "事项类型: '加班费' is not one of 欠薪、未签合同、社保、工伤、解除劳动关系、其他; 所属区划: must be a 6-digit region code",
                "投诉编号: missing; 投诉人: missing",
                "expected 13 fields, found 12",
                "统一社会信用代码: must be 18 characters of digits and capital letters (GB 32100); "
                        + "欠薪金额: must be an amount ≥ 0 with at most 2 decimals");
        List<String> original = List.of(new String(Samples.bytes("mixed-batch.csv"), Labor.GBK).split("\r\n"));
        assertThat(rows.get(0).get("raw")).as("raw is the row as it was in the file").isEqualTo(original.get(2));
        assertThat(rows.get(5).get("raw")).isEqualTo(original.get(9));

        List<AuditRecord> audits = drain(AUDIT).stream().map(m -> Json.read(textOf(m), AuditRecord.class)).toList();
        assertThat(audits).extracting(AuditRecord::ref).containsExactly(MIXED + ":3", MIXED + ":6", MIXED + ":7",
                MIXED + ":8", MIXED + ":9", MIXED + ":10", MIXED + ":12");
        assertThat(audits).allSatisfy(a -> {
            assertThat(a.system()).isEqualTo("LABOR");
            assertThat(a.direction()).isEqualTo(AuditRecord.Direction.IN);
            assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
            assertThat(a.body()).startsWith(String.join(",", Labor.HEADER) + "\r\n");
        });
        assertThat(audits.get(0).reason()).isEqualTo("line 3: " + rows.get(0).get("reason"));
        assertThat(names(DONE)).containsExactly(MIXED + ".csv", MIXED + ".csv.ok");
        assertThat(names(ERROR)).containsExactly(MIXED + ".rejected.csv");
        assertThat(count("hub.connector.labor.rows", "outcome", "rejected") - rejectedBefore).isEqualTo(7);
        assertThat(count("hub.connector.labor.rows", "outcome", "read") - readBefore).isEqualTo(11);
    }

    @Test
    void aBatchIsNotReadBeforeItsMarkerExists() throws Exception {
        Path csv = Samples.dropWithoutMarker(INBOX, "valid-batch.csv", VALID);

        assertThat(scanner.scan()).isEmpty();
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(names(INBOX)).containsExactly(VALID + ".csv");

        Samples.marker(csv);
        assertThat(scanner.scan()).hasSize(1);
        assertThat(drain(INTAKE)).hasSize(7);
    }

    @Test
    void aKnownComplaintIsAnUpdateAndAnIdenticalRowIsNotSentAgain() throws Exception {
        Samples.drop(INBOX, "valid-batch.csv", VALID);
        scanner.scan();
        drain(INTAKE);
        String before = store.sourceVersion("LABOR", "LD20261122000101").orElseThrow();
        Samples.drop(INBOX, "update-batch.csv", "LDJC_20261122130000");

        BatchResult result = scanner.scan().get(0);

        List<CaseEnvelope> envelopes = envelopes();
        assertThat(envelopes).extracting(CaseEnvelope::type, CaseEnvelope::sourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EnvelopeType.UPDATE, "LD20261122000101"),
                org.assertj.core.groups.Tuple.tuple(EnvelopeType.NEW, "LD20261122000301"));
        assertThat(envelopes.get(0).caseData().headcount()).isEqualTo(4);
        assertThat(envelopes.get(0).caseData().amount()).isEqualByComparingTo(new BigDecimal("32800.00"));
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.unchanged()).as("LD20261122000102 again, identical").isEqualTo(1);
        assertThat(store.sourceVersion("LABOR", "LD20261122000101")).get().isNotEqualTo(before);
    }

    @Test
    void aBatchAlreadyFullyRecordedIsMovedWithoutSendingAgain() throws Exception {
        Samples.drop(INBOX, "mixed-batch.csv", MIXED);
        scanner.scan();
        drain(INTAKE);
        drain(AUDIT);
        // the hub stopped after the last row but before the move: the file and its marker are back in the inbox
        for (String name : List.of(MIXED + ".csv", MIXED + ".csv.ok")) {
            Files.move(DONE.resolve(name), INBOX.resolve(name));
        }
        Files.delete(ERROR.resolve(MIXED + ".rejected.csv"));

        BatchResult result = scanner.scan().get(0);

        assertThat(result.outcome()).isEqualTo(BatchResult.Outcome.DONE);
        assertThat(result.earlier()).isEqualTo(4);
        assertThat(result.accepted()).isZero();
        assertThat(drain(INTAKE)).isEmpty();
        assertThat(drain(AUDIT)).isEmpty();
        assertThat(names(DONE)).containsExactly(MIXED + ".csv", MIXED + ".csv.ok");
        assertThat(Files.readAllLines(ERROR.resolve(MIXED + ".rejected.csv"))).as("the rejected list is rebuilt").hasSize(8);
    }

    @Test
    void aMarkerLeftBehindFollowsItsBatch() throws Exception {
        Files.write(DONE.resolve(VALID + ".csv"), new byte[] {1});
        Files.write(INBOX.resolve(VALID + ".csv.ok"), new byte[0]);

        assertThat(scanner.scan()).isEmpty();

        assertThat(names(INBOX)).isEmpty();
        assertThat(names(DONE)).containsExactly(VALID + ".csv", VALID + ".csv.ok");
    }

    static String textOf(Message m) {
        try {
            return text(m);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
