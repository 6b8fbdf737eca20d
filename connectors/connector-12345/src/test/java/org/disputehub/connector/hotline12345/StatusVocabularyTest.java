package org.disputehub.connector.hotline12345;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.disputehub.canonical.model.CaseStatus;
import org.junit.jupiter.api.Test;

class StatusVocabularyTest {

    private final StatusVocabulary vocabulary = StatusVocabulary.load(StatusVocabulary.DEFAULT_LOCATION);

    @Test
    void mapsTheStatusesTheHotlineKnows() {
        assertThat(vocabulary.status(CaseStatus.SIGNED)).contains("SIGN");
        assertThat(vocabulary.status(CaseStatus.ARRIVED)).contains("PROCESS");
        assertThat(vocabulary.status(CaseStatus.HANDLING)).contains("PROCESS");
        assertThat(vocabulary.status(CaseStatus.RESOLVED)).contains("FINISH");
        assertThat(vocabulary.status(CaseStatus.UNRESOLVED)).contains("FINISH");
        assertThat(vocabulary.status(CaseStatus.RETURNED)).contains("RETURN");
        assertThat(vocabulary.status(CaseStatus.REVISITED)).contains("VISIT");
    }

    @Test
    void doesNotSendTheOthersAndHasADefaultTextForEachSentOne() {
        for (CaseStatus s : EnumSet.of(CaseStatus.RECEIVED, CaseStatus.DISPATCHED, CaseStatus.CLOSED,
                CaseStatus.WITHDRAWN, CaseStatus.ESCALATED)) {
            assertThat(vocabulary.status(s)).as(s.name()).isEmpty();
        }
        for (CaseStatus s : CaseStatus.values()) {
            vocabulary.status(s).ifPresent(x -> assertThat(vocabulary.defaultResult(s)).as(s.name()).isNotBlank());
        }
    }
}
