package org.disputehub.connector.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Parts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WorkOrderMapperTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-22T09:31:05+08:00");
    private final WorkOrderMapper mapper = new WorkOrderMapper();

    @Test
    void mapsTheContractExample() {
        CanonicalCase c = mapper.map(Fixtures.json("samples/records/valid.json"), RECEIVED);

        assertThat(c.caseId()).isNull();
        assertThat(c.schemaVersion()).isEqualTo("1.0");
        assertThat(c.source().system()).isEqualTo("HOTLINE12345");
        assertThat(c.source().sourceId()).isEqualTo("GD20261122000123");
        assertThat(c.source().channel()).isEqualTo("HOTLINE");
        assertThat(c.source().receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:15+08:00"));
        assertThat(c.title()).isEqualTo("小区物业乱收停车费");
        assertThat(c.description()).isEqualTo("小区物业超时1分钟按1小时收费，要求处理");
        assertThat(c.category().sourceCode()).isEqualTo("C0203");
        assertThat(c.category().sourceName()).isEqualTo("物业管理");
        assertThat(c.category().code()).isNull();
        assertThat(c.appealType()).isEqualTo("投诉");
        assertThat(c.parties()).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(Parts.PartyRole.REPORTER);
            assertThat(p.name()).isEqualTo("李四");
            assertThat(p.phone()).isEqualTo("13900139000");
        });
        assertThat(c.location().address()).isEqualTo("杭州市滨江区浦沿街道xx小区");
        assertThat(c.location().regionCode()).isEqualTo("330108");
        assertThat(c.urgency()).isEqualTo("NORMAL");
        assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/page-1.json", "samples/page-2.json", "samples/page-3.json"})
    void everySampleRecordMapsToASchemaValidCase(String page) {
        for (JsonNode record : Fixtures.records(page)) {
            CanonicalCase c = mapper.map(record, RECEIVED);
            assertThat(CaseSchema.violations(Json.tree(c))).as(record.path("orderNo").asText()).isEmpty();
            assertThat(c.category().sourceCode()).isEqualTo(record.path("categoryCode").asText());
        }
    }

    @Test
    void urgentRecordIsUrgent() {
        CanonicalCase c = mapper.map(Fixtures.json("samples/records/urgent.json"), RECEIVED);

        assertThat(c.urgency()).isEqualTo("URGENT");
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void categoryCodeOutsideTheCatalogueIsKeptAsTheSourcePairUnclassified() {
        JsonNode record = Fixtures.records("samples/page-3.json").get(2);
        CanonicalCase c = mapper.map(record, RECEIVED);

        assertThat(c.category().sourceCode()).isEqualTo("C1103");
        assertThat(c.category().sourceName()).isEqualTo("教育培训");
        assertThat(c.category().major()).isNull();
        assertThat(c.category().code()).isNull();
    }

    @Test
    void anonymousCallerWithoutPhoneKeepsOnlyTheName() {
        JsonNode record = Fixtures.records("samples/page-3.json").get(1);
        CanonicalCase c = mapper.map(record, RECEIVED);

        assertThat(c.parties()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("匿名");
            assertThat(p.phone()).isNull();
        });
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "samples/hostile/missing-order-no.json, orderNo",
        "samples/hostile/bad-accept-time.json,  acceptTime",
        "samples/hostile/bad-area-code.json,    areaCode",
        "samples/hostile/wrong-types.json,      content",
        "samples/hostile/unknown-urgency.json,  urgency"
    })
    void malformedRecordsAreRejectedNamingTheField(String fixture, String field) {
        assertThatThrownBy(() -> mapper.map(Fixtures.json(fixture), RECEIVED))
                .isInstanceOfSatisfying(MalformedWorkOrderException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"updateTime", "content", "areaCode", "categoryCode"})
    void eachRequiredFieldIsNamedWhenMissing(String field) {
        ObjectNode record = (ObjectNode) Fixtures.json("samples/records/valid.json");
        record.remove(field);

        assertThatThrownBy(() -> mapper.map(record, RECEIVED))
                .isInstanceOfSatisfying(MalformedWorkOrderException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(field + ": missing");
    }

    @Test
    void numericPhoneIsAWrongTypeAndTheMessageCarriesNoPersonalData() {
        ObjectNode record = (ObjectNode) Fixtures.json("samples/records/valid.json");
        record.put("callerPhone", 13900139000L);

        assertThatThrownBy(() -> mapper.map(record, RECEIVED))
                .isInstanceOfSatisfying(MalformedWorkOrderException.class, e -> assertThat(e.field()).isEqualTo("callerPhone"))
                .message().doesNotContain("13900139000");
    }

    @Test
    void impossibleDateIsRejected() {
        ObjectNode record = (ObjectNode) Fixtures.json("samples/records/valid.json");
        record.put("acceptTime", "2026-02-30 10:00:00");

        assertThatThrownBy(() -> mapper.map(record, RECEIVED))
                .isInstanceOfSatisfying(MalformedWorkOrderException.class, e -> assertThat(e.field()).isEqualTo("acceptTime"));
    }

    @Test
    void overlongTextIsClippedToTheSchemaLimits() {
        ObjectNode record = (ObjectNode) Fixtures.json("samples/records/valid.json");
        record.put("content", "噪".repeat(5000));
        record.put("title", "标".repeat(300));

        CanonicalCase c = mapper.map(record, RECEIVED);

        assertThat(c.description().codePointCount(0, c.description().length())).isEqualTo(4000);
        assertThat(c.title().codePointCount(0, c.title().length())).isEqualTo(200);
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }
}
