package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.fixtures.Mappings;
import org.junit.jupiter.api.Test;

class StatusVocabularyTest {

    private final StatusVocabulary vocabulary = new VocabularyReloader(Mappings.dir()).load(Labor.SYSTEM, Labor.CONNECTOR, Labor.STAGES);

    @Test
    void everyStageOfTheContractIsUsedAndEachSentStatusHasADefaultRemark() {
        assertThat(vocabulary.code(CaseStatus.RECEIVED)).contains("已受理");
        assertThat(vocabulary.code(CaseStatus.DISPATCHED)).contains("已交办");
        assertThat(vocabulary.code(CaseStatus.SIGNED)).contains("调处中");
        assertThat(vocabulary.code(CaseStatus.ARRIVED)).contains("调处中");
        assertThat(vocabulary.code(CaseStatus.HANDLING)).contains("调处中");
        assertThat(vocabulary.code(CaseStatus.CLOSED)).contains("已办结");
        assertThat(vocabulary.code(CaseStatus.REVISITED)).contains("已回访");
        assertThat(vocabulary.code(CaseStatus.RETURNED)).contains("已退回");
        for (CaseStatus status : CaseStatus.values()) {
            vocabulary.code(status).ifPresent(s -> assertThat(vocabulary.defaultNote(status)).isNotBlank());
        }
    }

    @Test
    void theStatusesWithoutALaborStageAreNotSent() {
        Set<CaseStatus> notSent = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            if (vocabulary.code(status).isEmpty()) {
                notSent.add(status);
            }
        }
        assertThat(notSent).containsExactlyInAnyOrder(CaseStatus.RESOLVED, CaseStatus.UNRESOLVED, CaseStatus.WITHDRAWN,
                CaseStatus.ESCALATED);
    }
}
