package org.disputehub.connector.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.fixtures.Mappings;
import org.junit.jupiter.api.Test;

class StatusVocabularyTest {

    private final StatusVocabulary vocabulary = new VocabularyReloader(Mappings.dir()).load(Hotline12345.SYSTEM, Hotline12345.CONNECTOR, Hotline12345.FEEDBACK_STATUSES);

    @Test
    void mapsTheStatusesTheHotlineKnows() {
        assertThat(vocabulary.code(CaseStatus.SIGNED)).contains("SIGN");
        assertThat(vocabulary.code(CaseStatus.ARRIVED)).contains("PROCESS");
        assertThat(vocabulary.code(CaseStatus.HANDLING)).contains("PROCESS");
        assertThat(vocabulary.code(CaseStatus.RESOLVED)).contains("FINISH");
        assertThat(vocabulary.code(CaseStatus.UNRESOLVED)).contains("FINISH");
        assertThat(vocabulary.code(CaseStatus.RETURNED)).contains("RETURN");
        assertThat(vocabulary.code(CaseStatus.REVISITED)).contains("VISIT");
    }

    @Test
    void doesNotSendTheOthersAndHasADefaultTextForEachSentOne() {
        for (CaseStatus s : EnumSet.of(CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.CLOSED,
                CaseStatus.WITHDRAWN, CaseStatus.ESCALATED)) {
            assertThat(vocabulary.code(s)).as(s.name()).isEmpty();
        }
        for (CaseStatus s : CaseStatus.values()) {
            vocabulary.code(s).ifPresent(x -> assertThat(vocabulary.defaultNote(s)).as(s.name()).isNotBlank());
        }
    }
}
