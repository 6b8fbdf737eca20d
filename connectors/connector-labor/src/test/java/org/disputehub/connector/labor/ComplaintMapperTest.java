package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Parts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintMapperTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-22T12:00:00+08:00");
    private static final List<String> VALID = List.of("LD20261122000101", "2026-11-22 08:15", "王小明", "13800138001",
            "330108199001011234", "杭州恒达建筑劳务有限公司", "91330108MA2H3K5L7Q", "3", "24600.00", "欠薪", "330108",
            "杭州市滨江区浦沿街道东冠路88号工地", "三名木工被拖欠工资");

    private final ComplaintMapper mapper = new ComplaintMapper();

    @Test
    void aValidRowBecomesASchemaValidCanonicalCase() {
        CanonicalCase c = map(VALID);

        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
        assertThat(c.caseId()).isNull();
        assertThat(c.source().system()).isEqualTo("LABOR");
        assertThat(c.source().sourceId()).isEqualTo("LD20261122000101");
        assertThat(c.source().channel()).isEqualTo("FILE");
        assertThat(c.source().receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T08:15+08:00"));
        assertThat(c.title()).isEqualTo("欠薪: 杭州恒达建筑劳务有限公司");
        assertThat(c.description()).isEqualTo("三名木工被拖欠工资");
        assertThat(c.category().sourceCode()).isEqualTo("欠薪");
        assertThat(c.category().sourceName()).isEqualTo("欠薪");
        assertThat(c.parties()).extracting(p -> p.role().name(), p -> p.name(), p -> p.organization(), p -> p.orgCode())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REPORTER", "王小明", null, null),
                        org.assertj.core.groups.Tuple.tuple("RESPONDENT", null, "杭州恒达建筑劳务有限公司", "91330108MA2H3K5L7Q"));
        assertThat(c.headcount()).isEqualTo(3);
        assertThat(c.amount()).isEqualByComparingTo("24600.00");
        assertThat(c.location().regionCode()).isEqualTo("330108");
        assertThat(c.risk()).isNull();
    }

    @Test
    void optionalFieldsMayBeEmptyAndAreNormalised() {
        CanonicalCase c = map(with(VALID, 3, " 138 0013 8001 ", 4, "33010819850505123x", 6, "", 8, ""));

        assertThat(c.parties().get(0).phone()).isEqualTo("13800138001");
        assertThat(c.parties().get(0).idNumber()).isEqualTo("33010819850505123X");
        assertThat(c.parties().get(1).orgCode()).isNull();
        assertThat(c.amount()).isNull();
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9  | 100000    | RED    | 群体性欠薪: 涉及9人/欠薪¥100000",
        "10 | ''        | RED    | 群体性欠薪: 涉及10人",
        "10 | 500.00    | RED    | 群体性欠薪: 涉及10人/欠薪¥500.00",
        "9  | 99999.99  | ''     | ''"
    })
    void groupWageArrearsAreRedWithTheirReason(String headcount, String amount, String level, String reason) {
        CanonicalCase c = map(with(VALID, 7, headcount, 8, amount));

        if (level.isEmpty()) {
            assertThat(c.risk()).isNull();
        } else {
            assertThat(c.risk().level()).isEqualTo(Parts.RiskLevel.valueOf(level));
            assertThat(c.risk().reasons()).containsExactly(reason);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0  | ''                    | 投诉编号: missing",
        "0  | LD 1                  | 投诉编号: at most 64 letters, digits, - or _ (it is a path segment of the progress URL)",
        "1  | 2026-11-22 8:15       | 登记日期: not a time of the form yyyy-MM-dd HH:mm: '2026-11-22 8:15'",
        "1  | 2026-02-30 08:15      | 登记日期: not a time of the form yyyy-MM-dd HH:mm: '2026-02-30 08:15'",
        "2  | ''                    | 投诉人: missing",
        "3  | 1380013800a           | 联系电话: not a phone number (digits, optionally with '-')",
        "4  | 33010819900101123Y    | 身份证号: must be 18 characters: 17 digits and a last digit or X",
        "4  | 3301081990010112345   | 身份证号: must be 18 characters: 17 digits and a last digit or X",
        "5  | ''                    | 用人单位: missing",
        "6  | 91330108MA2H3K5L7I    | 统一社会信用代码: must be 18 characters of digits and capital letters (GB 32100)",
        "7  | ''                    | 涉及人数: missing",
        "7  | 1.5                   | 涉及人数: must be a whole number of at least 1",
        "7  | 0                     | 涉及人数: must be a whole number of at least 1, was 0",
        "8  | -1                    | 欠薪金额: must be an amount ≥ 0 with at most 2 decimals",
        "8  | 1.005                 | 欠薪金额: must be an amount ≥ 0 with at most 2 decimals",
        "8  | 1e5                   | 欠薪金额: must be an amount ≥ 0 with at most 2 decimals",
        "9  | 工资                  | 事项类型: '工资' is not one of 欠薪、未签合同、社保、工伤、解除劳动关系、其他",
        "10 | 3301080               | 所属区划: must be a 6-digit region code",
        "11 | ''                    | 地址: missing",
        "12 | ' '                   | 诉求内容: missing"
    })
    void eachRuleOfTheContractRejectsTheRowNamingTheColumn(int column, String value, String reason) {
        assertThatThrownBy(() -> map(with(VALID, column, value)))
                .isInstanceOfSatisfying(MalformedRowException.class, e -> assertThat(e.problems()).containsExactly(reason));
    }

    @Test
    void everyProblemOfARowIsReportedAtOnceAndTheFieldCountIsChecked() {
        assertThatThrownBy(() -> map(with(VALID, 2, "", 10, "33")))
                .hasMessage("投诉人: missing; 所属区划: must be a 6-digit region code");
        assertThatThrownBy(() -> map(VALID.subList(0, 12))).hasMessage("expected 13 fields, found 12");
    }

    @Test
    void longTextIsClippedForTheSchemaWhileTheSixMattersAllMap() {
        CanonicalCase c = map(with(VALID, 12, "长".repeat(5000)));
        assertThat(c.description()).hasSize(4000).endsWith("…");
        for (String matter : ComplaintMapper.MATTERS) {
            assertThat(map(with(VALID, 9, matter)).category().sourceCode()).isEqualTo(matter);
        }
        assertThat(ComplaintMapper.risk(1, new BigDecimal("0"))).isNull();
    }

    private CanonicalCase map(List<String> values) {
        return mapper.map(new BatchRow(2, values), RECEIVED);
    }

    private static List<String> with(List<String> base, Object... columnValuePairs) {
        List<String> out = new ArrayList<>(base);
        for (int i = 0; i < columnValuePairs.length; i += 2) {
            out.set((Integer) columnValuePairs[i], (String) columnValuePairs[i + 1]);
        }
        return out;
    }
}
