package org.disputehub.connector.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.fixtures.Mappings;
import org.junit.jupiter.api.Test;

class StatusVocabularyTest {

    private final StatusVocabulary vocabulary = new VocabularyReloader(Mappings.dir()).load(Petition.SYSTEM, Petition.CONNECTOR, Petition.ZT);

    @Test
    void everyCanonicalStatusHasItsDecidedZt() {
        assertThat(vocabulary.code(CaseStatus.RECEIVED)).contains("受理");
        assertThat(vocabulary.code(CaseStatus.DISPATCHED)).contains("交办");
        assertThat(vocabulary.code(CaseStatus.SIGNED)).contains("办理中");
        assertThat(vocabulary.code(CaseStatus.ARRIVED)).contains("办理中");
        assertThat(vocabulary.code(CaseStatus.HANDLING)).contains("办理中");
        assertThat(vocabulary.code(CaseStatus.RESOLVED)).contains("办结");
        assertThat(vocabulary.code(CaseStatus.UNRESOLVED)).contains("办结");
        assertThat(vocabulary.code(CaseStatus.CLOSED)).contains("办结");
        assertThat(vocabulary.code(CaseStatus.REVISITED)).contains("回访");
        assertThat(vocabulary.code(CaseStatus.RETURNED)).contains("退回");
        assertThat(vocabulary.code(CaseStatus.WITHDRAWN)).as("not sent").isEmpty();
        assertThat(vocabulary.code(CaseStatus.ESCALATED)).as("not sent").isEmpty();
    }

    @Test
    void closingIsSentOnceAndEverySentStatusHasADefaultNote() {
        assertThat(vocabulary.once("办结")).isTrue();
        assertThat(vocabulary.once("办理中")).isFalse();
        for (CaseStatus status : CaseStatus.values()) {
            if (vocabulary.code(status).isPresent()) {
                assertThat(vocabulary.defaultNote(status)).as(status.name()).isNotBlank();
            }
        }
    }

    @Test
    void blztIsBuiltInContractOrderWithEveryValueEscaped() {
        String blzt = PetitionRelaySink.blzt("XF3301082026112200007", "办结", "330108-ZF-001", "A&B <街道>",
                OffsetDateTime.parse("2026-11-22T02:05:07.123Z"), "</BLYJ><ZT>受理</ZT>\u0001\"'");

        assertThat(blzt).isEqualTo("<BLZT><XFJBH>XF3301082026112200007</XFJBH><ZT>办结</ZT><BLDWDM>330108-ZF-001</BLDWDM>"
                + "<BLDW>A&amp;B &lt;街道&gt;</BLDW><BLSJ>2026-11-22T10:05:07+08:00</BLSJ>"
                + "<BLYJ>&lt;/BLYJ&gt;&lt;ZT&gt;受理&lt;/ZT&gt;\uFFFD\"'</BLYJ></BLZT>");
        assertThat(org.disputehub.canonical.codec.SafeXml.parse(blzt.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getElementsByTagName("ZT").getLength()).isEqualTo(1);
    }

    @Test
    void absentDepartmentElementsAreLeftOut() {
        String blzt = PetitionRelaySink.blzt("XF1", "受理", null, null, OffsetDateTime.parse("2026-11-22T10:05:00+08:00"), "信访件已受理");

        assertThat(blzt).isEqualTo("<BLZT><XFJBH>XF1</XFJBH><ZT>受理</ZT><BLSJ>2026-11-22T10:05:00+08:00</BLSJ>"
                + "<BLYJ>信访件已受理</BLYJ></BLZT>");
    }

    @Test
    void acksEscapeTheirMessage() {
        assertThat(Acks.accepted("HUB-20261122-000017")).isEqualTo("<Ack><Code>0</Code><CaseId>HUB-20261122-000017</CaseId></Ack>");
        assertThat(Acks.refused(400, "DOCTYPE is not allowed"))
                .isEqualTo("<Ack><Code>E400</Code><Message>DOCTYPE is not allowed</Message></Ack>");
        assertThat(Acks.refused(400, "XFRS must be an integer >= 1, was '<x>'"))
                .isEqualTo("<Ack><Code>E400</Code><Message>XFRS must be an integer &gt;= 1, was '&lt;x&gt;'</Message></Ack>");
    }
}
