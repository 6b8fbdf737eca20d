package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Parts.PartyRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mappers of the four event types against the fixtures of test-fixtures/odr. */
class DisputeMapperTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-22T10:10:05+08:00");
    private final DisputeMapper mapper = new DisputeMapper();

    @Test
    void theContractsExampleBecomesASchemaValidCase() {
        CanonicalCase c = mapper.map(data("samples/events/dispute-created.json"), RECEIVED);

        assertThat(c.caseId()).isNull();
        assertThat(c.source().system()).isEqualTo("ODR");
        assertThat(c.source().sourceId()).isEqualTo("ODR-2026-000123");
        assertThat(c.source().channel()).isEqualTo("WEBHOOK");
        assertThat(c.source().receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.reportedAt()).isEqualTo("2026-11-22T10:10:00+08:00");
        assertThat(c.category()).isEqualTo(Category.unclassifiedFrom("CONSUMER", "CONSUMER"));
        assertThat(c.parties()).containsExactly(
                new Party(PartyRole.REPORTER, "陈七", "13500135000", "330102198805051234", null, null),
                new Party(PartyRole.RESPONDENT, null, null, null, "某某家电有限公司", "91330108MA2XXXXX1X"));
        assertThat(c.amount()).isEqualByComparingTo("3999.00");
        assertThat(c.location()).isEqualTo(new Location("杭州市滨江区长河街道", "330108", null, null, null));
        assertThat(c.description()).isEqualTo("购买的冰箱一周内故障，商家拒绝退换");
        assertThat(CaseSchema.violations(Json.tree(c.withCaseId("HUB-20261122-000001")))).isEmpty();
    }

    @Test
    void aPersonRespondentAndNoAmount() {
        CanonicalCase c = mapper.map(data("samples/events/dispute-created-property.json"), RECEIVED);

        assertThat(c.parties().get(1)).isEqualTo(new Party(PartyRole.RESPONDENT, "吴九", null, null, null, null));
        assertThat(c.amount()).isNull();
        assertThat(c.category().sourceCode()).isEqualTo("PROPERTY");
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void aLongDescriptionIsClipped() {
        ObjectNode data = data("samples/events/dispute-created.json");
        data.put("description", "纠".repeat(5000));

        String description = mapper.map(data, RECEIVED).description();

        assertThat(description.codePointCount(0, description.length())).isEqualTo(4000);
        assertThat(description).endsWith("…");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "disputeId       | null          | data.disputeId",
        "submittedAt     | '\"yesterday\"' | data.submittedAt",
        "submittedAt     | '\"2026-11-22T10:10:00\"' | data.submittedAt",
        "region          | '\"3301\"'      | data.region",
        "region          | '330108'      | data.region",
        "description     | '\"  \"'        | data.description",
        "claimAmount     | '\"abc\"'       | data.claimAmount",
        "claimAmount     | '-1'          | data.claimAmount",
        "claimAmount     | '1.234'       | data.claimAmount",
        "applicant       | null          | data.applicant",
        "applicant       | '[]'          | data.applicant",
        "respondent      | '\"x\"'         | data.respondent",
        "disputeType     | '42'          | data.disputeType"
    })
    void malformedDataNamesTheField(String field, String json, String path) {
        ObjectNode data = data("samples/events/dispute-created.json");
        data.set(field, Json.read(json, com.fasterxml.jackson.databind.JsonNode.class));

        assertThatThrownBy(() -> mapper.map(data, RECEIVED)).isInstanceOf(MalformedEventException.class)
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo(path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "phone    | '\"138-abc\"'     | data.applicant.phone",
        "idNumber | '\"12345\"'       | data.applicant.idNumber",
        "name     | '123'           | data.applicant.name"
    })
    void malformedPartiesNameTheField(String field, String json, String path) {
        ObjectNode data = data("samples/events/dispute-created.json");
        ((ObjectNode) data.path("applicant")).set(field, Json.read(json, com.fasterxml.jackson.databind.JsonNode.class));

        assertThatThrownBy(() -> mapper.map(data, RECEIVED))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo(path));
    }

    @Test
    void anUnknownRespondentTypeIsMalformed() {
        ObjectNode data = data("samples/events/dispute-created.json");
        ((ObjectNode) data.path("respondent")).put("type", "ROBOT");

        assertThatThrownBy(() -> mapper.map(data, RECEIVED))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("data.respondent.type"));
    }

    @Test
    void withdrawalsAndConclusions() {
        WithdrawalMapper.Withdrawal w = new WithdrawalMapper().map(data("samples/events/dispute-withdrawn.json"));
        assertThat(w).isEqualTo(new WithdrawalMapper.Withdrawal("ODR-2026-000123",
                OffsetDateTime.parse("2026-11-22T11:10:00+08:00"), "商家已同意退货，申请人撤回"));
        ObjectNode noReason = data("samples/events/dispute-withdrawn.json");
        noReason.remove("reason");
        assertThat(new WithdrawalMapper().map(noReason).reason()).isEqualTo(WithdrawalMapper.DEFAULT_REASON);

        ConclusionMapper.Conclusion c = new ConclusionMapper().map(data("samples/events/mediation-concluded.json"));
        assertThat(c).isEqualTo(new ConclusionMapper.Conclusion("ODR-2026-000123", "SETTLED",
                OffsetDateTime.parse("2026-11-22T11:53:20+08:00"), "ODR-TJ-2026-0456"));
        ObjectNode bad = data("samples/events/mediation-concluded.json").put("outcome", "MAYBE");
        assertThatThrownBy(() -> new ConclusionMapper().map(bad))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("data.outcome"));
    }

    @Test
    void theEventEnvelopeIsChecked() {
        assertThat(OdrEvent.parse(bytes("{\"id\":\"evt_1\",\"type\":\"x.y\"}")).known()).isFalse();
        assertThatThrownBy(() -> OdrEvent.parse(bytes("{\"type\":\"dispute.created\"}")))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("id"));
        assertThatThrownBy(() -> OdrEvent.parse(bytes("{\"id\":\"evt 1/../\",\"type\":\"dispute.created\"}")))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("id"));
        assertThatThrownBy(() -> OdrEvent.parse(bytes("{\"id\":\"evt_1\",\"type\":\"dispute.created\",\"created\":\"now\"}")))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("created"));
        assertThatThrownBy(() -> OdrEvent.parse(bytes("[1,2]")))
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("$"));
        assertThatThrownBy(() -> OdrEvent.parse(bytes("{\"id\":\"evt_1\",\"type\":\"dispute.created\",\"data\":7}")).requireData())
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).isEqualTo("data"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ObjectNode data(String fixture) {
        return (ObjectNode) OdrContextTest.event(fixture).path("data");
    }
}
