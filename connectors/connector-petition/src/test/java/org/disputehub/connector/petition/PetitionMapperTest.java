package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.disputehub.canonical.codec.CaseSchema;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PetitionMapperTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2026-11-22T10:02:05+08:00");
    private final PetitionMapper mapper = new PetitionMapper();

    @Test
    void theContractExampleMapsToACanonicalCase() {
        CanonicalCase c = mapper.map(Fixtures.xml("samples/valid/contract-example.xml"), RECEIVED);

        assertThat(c.caseId()).isNull();
        assertThat(c.source().system()).isEqualTo("PETITION");
        assertThat(c.source().sourceId()).isEqualTo("XF3301082026112200007");
        assertThat(c.source().channel()).isEqualTo("PUSH");
        assertThat(c.source().receivedAt()).isEqualTo(RECEIVED);
        assertThat(c.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:02:00+08:00"));
        assertThat(c.appealType()).isEqualTo("网上信访");
        assertThat(c.headcount()).isEqualTo(12);
        assertThat(c.parties()).containsExactly(
                new Party(Parts.PartyRole.REPORTER, "王五", "13700137000", "330106199001011234", null, null),
                new Party(Parts.PartyRole.REPORTER, "赵六", "13600136000", null, null, null));
        assertThat(c.location().regionCode()).isEqualTo("330108");
        assertThat(c.location().address()).isEqualTo("杭州市滨江区西兴街道xx小区");
        assertThat(c.category().sourceCode()).isEqualTo("物业管理");
        assertThat(c.category().sourceName()).isEqualTo("物业管理");
        assertThat(c.category().code()).as("the hub classifies").isNull();
        assertThat(c.description()).isEqualTo("小区物业擅自提高物业费，业主多次反映未果");
        assertThat(c.title()).isEqualTo("[集体访12人][重复访]物业管理：小区物业擅自提高物业费，业主多次反映未果");
        assertThat(c.related().repeatCount()).isEqualTo(1);
        assertThat(c.related().caseIds()).isEmpty();
        assertThat(CaseSchema.violations(Json.tree(c.withCaseId("HUB-20261122-000001")))).isEmpty();
    }

    @Test
    void aSinglePetitionerWithALandlineAndAnIdEndingInX() {
        CanonicalCase c = mapper.map(Fixtures.xml("samples/valid/single.xml"), RECEIVED);

        assertThat(c.headcount()).isEqualTo(1);
        assertThat(c.appealType()).isEqualTo("来信");
        assertThat(c.parties()).containsExactly(
                new Party(Parts.PartyRole.REPORTER, "钱七", "0571-86001234", "33010819850312002X", null, null));
        assertThat(c.related()).as("SFCF=0").isNull();
        assertThat(c.title()).startsWith("邻里纠纷：");
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void aGroupPetitionCarriesItsHeadcountAndEveryListedPetitioner() {
        CanonicalCase c = mapper.map(Fixtures.xml("samples/valid/group.xml"), RECEIVED);

        assertThat(c.headcount()).isEqualTo(12).isGreaterThanOrEqualTo(PetitionMapper.GROUP_HEADCOUNT);
        assertThat(c.parties()).extracting(Party::name).containsExactly("孙建国", "周秀英");
        assertThat(c.parties()).extracting(Party::role).containsOnly(Parts.PartyRole.REPORTER);
        assertThat(c.related()).isNull();
        assertThat(c.title()).startsWith("[集体访12人]劳动社保：");
        assertThat(c.category().sourceCode()).isEqualTo("劳动社保");
    }

    @Test
    void aRepeatPetitionIsMarkedInRelated() {
        CanonicalCase c = mapper.map(Fixtures.xml("samples/valid/repeat.xml"), RECEIVED);

        assertThat(c.related().repeatCount()).isEqualTo(1);
        assertThat(c.title()).startsWith("[重复访]环境保护：");
        assertThat(c.appealType()).isEqualTo("电话");
    }

    @Test
    void scriptAndSqlLookingTextIsKeptAsPlainText() {
        CanonicalCase c = mapper.map(Fixtures.xml("samples/valid/script-and-sql-text.xml"), RECEIVED);

        assertThat(c.description()).isEqualTo("<script>alert('xss')</script> ' OR '1'='1'; -- 网购商品货不对板，商家拒绝退款 & 客服失联");
        assertThat(c.parties().get(0).name()).isEqualTo("Robert'); DROP TABLE hub_case;--");
        assertThat(c.location().address()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void aPetitionWithoutOptionalElementsIsAcceptedAndFiledUnderOther() {
        CanonicalCase c = mapper.map(xml("<XFJ><XFJBH>XF1</XFJBH><DJSJ>2026-11-22T02:02:00Z</DJSJ><XFRS>1</XFRS>"
                + "<XFR><XM>李四</XM></XFR><WTSD><XZQH>330108</XZQH></WTSD><XFNR>内容</XFNR></XFJ>"), RECEIVED);

        assertThat(c.category().sourceCode()).isEqualTo("其他");
        assertThat(c.category().sourceName()).isNull();
        assertThat(c.appealType()).isNull();
        assertThat(c.related()).isNull();
        assertThat(c.reportedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T10:02:00+08:00"));
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    @Test
    void longContentIsClippedToTheSchemaLimit() {
        String content = "长".repeat(5000);
        CanonicalCase c = mapper.map(xml("<XFJ><XFJBH>XF2</XFJBH><DJSJ>2026-11-22T10:02:00+08:00</DJSJ><XFRS>1</XFRS>"
                + "<XFR><XM>李四</XM></XFR><WTSD><XZQH>330108</XZQH></WTSD><XFNR>" + content + "</XFNR></XFJ>"), RECEIVED);

        assertThat(c.description()).hasSize(4000).endsWith("…");
        assertThat(CaseSchema.violations(Json.tree(c))).isEmpty();
    }

    static Stream<Fixtures.Hostile> invalidPetitions() {
        // the hostile samples that are well-formed UTF-8 XML: the mapper names the failing element
        return Fixtures.hostile().stream().filter(h -> !h.message().startsWith("DOCTYPE")
                && !h.message().startsWith("malformed XML") && !h.message().startsWith("body is not")
                && !h.message().startsWith("XML declaration") && !h.file().endsWith(".json"));
    }

    @ParameterizedTest
    @MethodSource("invalidPetitions")
    void eachInvalidSampleIsRefusedNamingTheElement(Fixtures.Hostile sample) {
        assertThatThrownBy(() -> mapper.map(Fixtures.xml("samples/hostile/" + sample.file()), RECEIVED))
                .isInstanceOf(MalformedPetitionException.class)
                .hasMessageContaining(sample.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<XFRS>1</XFRS><XFRS>2</XFRS>", "<XFRS>-1</XFRS>", "<XFRS>1.5</XFRS>", "<XFRS>99999999999</XFRS>"})
    void doubtfulHeadcountsAreRefused(String xfrs) {
        assertThatThrownBy(() -> mapper.map(xml("<XFJ><XFJBH>XF3</XFJBH><DJSJ>2026-11-22T10:02:00+08:00</DJSJ>" + xfrs
                + "<XFR><XM>李四</XM></XFR><WTSD><XZQH>330108</XZQH></WTSD><XFNR>内容</XFNR></XFJ>"), RECEIVED))
                .isInstanceOf(MalformedPetitionException.class)
                .hasMessageStartingWith("XFRS ");
    }

    @Test
    void personalValuesNeverAppearInAComplaint() {
        assertThatThrownBy(() -> mapper.map(Fixtures.xml("samples/hostile/bad-sfzh.xml"), RECEIVED))
                .hasMessageNotContaining("33010819850312");
        assertThatThrownBy(() -> mapper.map(Fixtures.xml("samples/hostile/bad-lxdh.xml"), RECEIVED))
                .hasMessageNotContaining("call me");
    }

    @Test
    void theDoctypeSamplesNeverReachTheMapper() {
        for (String file : new String[] {"doctype-xxe.xml", "billion-laughs.xml"}) {
            assertThatThrownBy(() -> Fixtures.xml("samples/hostile/" + file))
                    .isInstanceOf(SafeXml.XmlRejectedException.class)
                    .hasMessage("DOCTYPE is not allowed");
        }
    }

    private static org.w3c.dom.Document xml(String text) {
        return SafeXml.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
