package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader and both mappers against the fixtures of test-fixtures/alarm110/samples. */
class AlarmReaderTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-22T09:31:05+08:00");
    private final AlarmReader reader = new AlarmReader(
            new IncidentMapper(IncidentCategories.load(IncidentCategories.DEFAULT_LOCATION)), new WithdrawalMapper());

    @Test
    void mapsTheContractExample() {
        AlarmMessage.Incident incident = incident("ldlx1-noise.xml");
        CanonicalCase c = incident.caseData();

        assertThat(incident.jqbh()).isEqualTo("330108202611220001");
        assertThat(incident.contentHash()).matches("[0-9a-f]{64}");
        assertThat(c.caseId()).isNull();
        assertThat(c.source().system()).isEqualTo("ALARM110");
        assertThat(c.source().sourceId()).isEqualTo("330108202611220001");
        assertThat(c.source().channel()).isEqualTo("JMS");
        assertThat(c.source().receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:30:15+08:00"));
        assertThat(c.title()).isEqualTo("噪声扰民：杭州市滨江区浦沿街道至善路88号3幢");
        assertThat(c.description()).isEqualTo("楼上装修噪音扰民，多次协商无果，双方发生口角");
        assertThat(c.category().sourceCode()).isEqualTo("0501");
        assertThat(c.category().sourceName()).isEqualTo("噪声扰民");
        assertThat(c.category().code()).isNull();
        assertThat(c.appealType()).isEqualTo("非警务分流");
        assertThat(c.urgency()).isEqualTo("NORMAL");
        assertThat(c.parties()).containsExactly(Party.reporter("张三", "13800138000"),
                new Party(Parts.PartyRole.OTHER, null, null, null, "管辖公安单位", "330108560000"));
        assertThat(c.location().address()).isEqualTo("杭州市滨江区浦沿街道至善路88号3幢");
        assertThat(c.location().regionCode()).isEqualTo("330108");
        assertThat(c.location().lon()).isEqualTo(120.1551);
        assertThat(c.location().lat()).isEqualTo(30.2084);
        assertThat(c.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void aJointResponseIsUrgent() {
        CanonicalCase c = incident("ldlx2-neighbour.xml").caseData();

        assertThat(c.appealType()).isEqualTo("一警双派");
        assertThat(c.urgency()).isEqualTo("URGENT");
        assertThat(c.category().sourceName()).isEqualTo("邻里纠纷");
    }

    @Test
    void anAnonymousCallerIsAReporterWithoutAName() {
        CanonicalCase c = incident("anonymous.xml").caseData();

        assertThat(c.parties().get(0)).isEqualTo(Party.reporter(null, "15857100003"));
    }

    @Test
    void aLandlineWithoutCoordinatesIsKept() {
        CanonicalCase c = incident("landline-no-coordinates.xml").caseData();

        assertThat(c.parties().get(0).phone()).isEqualTo("057186880004");
        assertThat(c.location().lon()).isNull();
        assertThat(c.location().lat()).isNull();
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void aCategoryOutsideTheTableIsKeptUnnamed() {
        CanonicalCase c = incident("unknown-category.xml").caseData();

        assertThat(c.category().sourceCode()).isEqualTo("0699");
        assertThat(c.category().sourceName()).isNull();
        assertThat(c.title()).startsWith("联动警情：");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ldlx1-noise.xml", "ldlx2-neighbour.xml", "anonymous.xml", "landline-no-coordinates.xml",
        "wage-joint.xml", "unknown-category.xml"})
    void everyValidSampleMapsToASchemaValidCase(String sample) {
        assertThat(CaseSchema.violations(Json.tree(incident(sample).caseData()))).isEmpty();
    }

    @Test
    void mapsTheWithdrawal() {
        AlarmMessage message = reader.read("LDJQ_CX", Fixtures.text("samples/valid/withdrawal.xml"), RECEIVED);

        assertThat(message).isEqualTo(new AlarmMessage.Withdrawal("330108202611220001",
                OffsetDateTime.parse("2026-11-22T09:45:00+08:00"), "报警人撤警", message.contentHash()));
    }

    @Test
    void theSameContentHasTheSameHashWhateverTheFormattingAndAChangeChangesIt() {
        String xml = Fixtures.text("samples/valid/ldlx1-noise.xml");
        String compact = xml.replaceAll(">\\s+<", "><");
        String changed = xml.replace("双方发生口角", "双方发生肢体冲突");

        assertThat(hash(compact)).isEqualTo(hash(xml));
        assertThat(hash(changed)).isNotEqualTo(hash(xml));
        assertThat(reader.read("LDJQ", xml.getBytes(StandardCharsets.UTF_8), RECEIVED).contentHash())
                .as("the same message as UTF-8 bytes").isEqualTo(hash(xml));
    }

    static List<Fixtures.Hostile> hostile() {
        return Fixtures.hostile();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void eachHostileOrMalformedSampleIsRefusedNamingTheElement(Fixtures.Hostile sample) {
        assertThatThrownBy(() -> reader.read(sample.msgType(), sample.body(), RECEIVED))
                .isInstanceOfSatisfying(MalformedAlarmException.class, e -> {
                    assertThat(e.element()).isEqualTo(sample.element());
                    assertThat(e.getMessage()).startsWith(sample.element() + ": ").contains(sample.reason());
                });
    }

    @Test
    void gbkBytesGarbledIntoATextMessageAreRefused() {
        String garbled = new String(Fixtures.bytes("samples/hostile/gbk-bytes.xml"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read("LDJQ", garbled, RECEIVED))
                .isInstanceOfSatisfying(MalformedAlarmException.class, e -> assertThat(e.element()).isEqualTo("encoding"));
    }

    @Test
    void anOversizeBodyIsRefusedBeforeParsing() {
        String big = "<JQXX><BJNR>" + "噪".repeat(30_000) + "</BJNR></JQXX>";

        assertThatThrownBy(() -> reader.read("LDJQ", big, RECEIVED))
                .isInstanceOfSatisfying(MalformedAlarmException.class, e -> {
                    assertThat(e.element()).isEqualTo("body");
                    assertThat(e.getMessage()).contains("over 65536 bytes");
                });
    }

    @Test
    void aMissingMsgTypeOrBodyIsRefused() {
        String xml = Fixtures.text("samples/valid/ldlx1-noise.xml");

        assertThatThrownBy(() -> reader.read(null, xml, RECEIVED)).hasMessage("MsgType: missing (LDJQ or LDJQ_CX)");
        assertThatThrownBy(() -> reader.read("LDJQ", "  ", RECEIVED)).hasMessage("body: empty");
    }

    @Test
    void personalDataIsNeverQuotedInARefusal() {
        String xml = Fixtures.text("samples/valid/ldlx1-noise.xml").replace("<BJDH>13800138000</BJDH>", "<BJDH>1380013800x</BJDH>");

        assertThatThrownBy(() -> reader.read("LDJQ", xml, RECEIVED)).hasMessageNotContaining("1380013800");
    }

    private AlarmMessage.Incident incident(String sample) {
        return (AlarmMessage.Incident) reader.read("LDJQ", Fixtures.text("samples/valid/" + sample), RECEIVED);
    }

    private String hash(String xml) {
        return reader.read("LDJQ", xml, RECEIVED).contentHash();
    }
}
