package org.disputehub.connector.alarm110;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.disputehub.canonical.codec.SafeXml;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.fixtures.Mappings;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class FeedbackXmlTest {

    @Test
    void buildsTheContractExample() {
        assertThat(FeedbackXml.fkxx("330108202611220001", "20261122094010", "02", "330108-ZF-001", "浦沿街道综合执法队",
                "已签收，安排人员10分钟内到场")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <FKXX>
                  <JQBH>330108202611220001</JQBH>
                  <FKSJ>20261122094010</FKSJ>
                  <FKZT>02</FKZT>
                  <CZDWDM>330108-ZF-001</CZDWDM>
                  <CZDW>浦沿街道综合执法队</CZDW>
                  <FKNR>已签收，安排人员10分钟内到场</FKNR>
                </FKXX>
                """);
    }

    @Test
    void escapesMarkupAndDropsWhatXmlCannotCarry() {
        String note = "</FKNR><FKZT>05</FKZT> & <!DOCTYPE x> \u0001\u0007end 😀";
        String xml = FeedbackXml.fkxx("330108202611220001", "20261122094010", "02", null, "A&B", note);

        Element root = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        assertThat(SafeXml.text(root, "FKNR")).isEqualTo("</FKNR><FKZT>05</FKZT> & <!DOCTYPE x> end 😀");
        assertThat(SafeXml.text(root, "FKZT")).isEqualTo("02");
        assertThat(SafeXml.text(root, "CZDW")).isEqualTo("A&B");
        assertThat(SafeXml.text(root, "CZDWDM")).isEmpty();
    }

    @Test
    void readsTheReplies() {
        assertThat(FeedbackXml.reply(Fixtures.bytes("samples/replies/0-ok.xml"))).isEqualTo(new FeedbackXml.Reply(0, "成功"));
        assertThat(FeedbackXml.reply(Fixtures.bytes("samples/replies/1001-unknown-incident.xml")).code()).isEqualTo(1001);
        assertThat(FeedbackXml.reply(Fixtures.bytes("samples/replies/1500-busy.xml")).code()).isEqualTo(1500);
        assertThatThrownBy(() -> FeedbackXml.reply("<html>gateway</html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FKJG");
        assertThatThrownBy(() -> FeedbackXml.reply("<!DOCTYPE x><FKJG/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void theVocabularySendsWhatTheContractKnowsAndNothingElse() {
        StatusVocabulary v = new VocabularyReloader(Mappings.dir()).load(Alarm110.SYSTEM, Alarm110.CONNECTOR, Alarm110.FKZT);

        assertThat(v.code(CaseStatus.DISPATCHED)).contains("01");
        assertThat(v.code(CaseStatus.SIGNED)).contains("02");
        assertThat(v.code(CaseStatus.ARRIVED)).contains("03");
        assertThat(v.code(CaseStatus.HANDLING)).contains("04");
        assertThat(v.code(CaseStatus.RESOLVED)).contains("05");
        assertThat(v.code(CaseStatus.UNRESOLVED)).contains("05");
        assertThat(v.code(CaseStatus.CLOSED)).contains("05");
        assertThat(v.code(CaseStatus.RETURNED)).contains("06");
        assertThat(v.code(CaseStatus.REVISITED)).contains("07");
        assertThat(v.code(CaseStatus.RECEIVED)).isEmpty();
        assertThat(v.code(CaseStatus.WITHDRAWN)).isEmpty();
        assertThat(v.code(CaseStatus.ESCALATED)).isEmpty();
        assertThat(v.defaultNote(CaseStatus.UNRESOLVED)).contains("未能解决");
    }

    @Test
    void theCategoryTableHasEveryCodeOfTheContract() {
        IncidentCategories c = IncidentCategories.load(IncidentCategories.DEFAULT_LOCATION);

        assertThat(c.size()).isEqualTo(14);
        assertThat(c.name("0507")).isEqualTo("交通事故纠纷(无人伤)");
        assertThat(c.name("0599")).isEqualTo("其他非警务");
        assertThat(c.name("0600")).isNull();
    }
}
