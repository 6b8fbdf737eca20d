package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.disputehub.canonical.model.CaseStatus;
import org.junit.jupiter.api.Test;

class StageVocabularyTest {

    private final StageVocabulary vocabulary = StageVocabulary.load(StageVocabulary.DEFAULT_LOCATION);

    @Test
    void everyStageOfTheContractIsUsedAndEachSentStatusHasADefaultRemark() {
        assertThat(vocabulary.stage(CaseStatus.RECEIVED)).contains("已受理");
        assertThat(vocabulary.stage(CaseStatus.DISPATCHED)).contains("已交办");
        assertThat(vocabulary.stage(CaseStatus.SIGNED)).contains("调处中");
        assertThat(vocabulary.stage(CaseStatus.ARRIVED)).contains("调处中");
        assertThat(vocabulary.stage(CaseStatus.HANDLING)).contains("调处中");
        assertThat(vocabulary.stage(CaseStatus.CLOSED)).contains("已办结");
        assertThat(vocabulary.stage(CaseStatus.REVISITED)).contains("已回访");
        assertThat(vocabulary.stage(CaseStatus.RETURNED)).contains("已退回");
        for (CaseStatus status : CaseStatus.values()) {
            vocabulary.stage(status).ifPresent(s -> assertThat(vocabulary.defaultRemark(status)).isNotBlank());
        }
    }

    @Test
    void theStatusesWithoutALaborStageAreNotSent() {
        Set<CaseStatus> notSent = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (vocabulary.stage(status).isEmpty()) {
                notSent.add(status);
            }
        }
        assertThat(notSent).containsExactlyInAnyOrder(CaseStatus.RESOLVED, CaseStatus.UNRESOLVED, CaseStatus.WITHDRAWN,
                CaseStatus.ESCALATED);
    }
}
