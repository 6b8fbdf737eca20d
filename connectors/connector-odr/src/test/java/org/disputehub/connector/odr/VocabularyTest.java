package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.disputehub.canonical.connector.StatusVocabulary;
import org.disputehub.canonical.connector.VocabularyReloader;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.fixtures.Mappings;
import org.junit.jupiter.api.Test;

/** The connector's data files: status vocabulary, mediation outcomes, dispute types. */
class VocabularyTest {

    private final StatusVocabulary vocabulary = new VocabularyReloader(Mappings.dir()).load(Odr.SYSTEM, Odr.CONNECTOR, Odr.STATUSES);
    private final MediationOutcomes outcomes = MediationOutcomes.load(MediationOutcomes.DEFAULT_LOCATION);
    private final DisputeTypes types = DisputeTypes.load(DisputeTypes.DEFAULT_LOCATION);

    @Test
    void theStatusesOdrKnows() {
        assertThat(vocabulary.code(CaseStatus.RECEIVED)).contains("ACCEPTED");
        assertThat(vocabulary.code(CaseStatus.DISPATCHED)).contains("ASSIGNED");
        for (CaseStatus s : EnumSet.of(CaseStatus.SIGNED, CaseStatus.ARRIVED, CaseStatus.HANDLING)) {
            assertThat(vocabulary.code(s)).contains("IN_PROGRESS");
        }
        assertThat(vocabulary.code(CaseStatus.RESOLVED)).contains("RESOLVED");
        assertThat(vocabulary.code(CaseStatus.UNRESOLVED)).contains("UNRESOLVED");
        assertThat(vocabulary.code(CaseStatus.CLOSED)).contains("CLOSED");
    }

    @Test
    void theOthersAreNotSentAndEverySentOneHasADefaultNote() {
        for (CaseStatus s : EnumSet.of(CaseStatus.RETURNED, CaseStatus.WITHDRAWN, CaseStatus.REVISITED, CaseStatus.ESCALATED)) {
            assertThat(vocabulary.code(s)).as(s.name()).isEmpty();
        }
        for (CaseStatus s : CaseStatus.values()) {
            vocabulary.code(s).ifPresent(x -> assertThat(vocabulary.defaultNote(s)).as(s.name()).isNotBlank());
        }
    }

    @Test
    void mediationOutcomesAndTheirNotes() {
        assertThat(outcomes.statuses("SETTLED")).isEqualTo(List.of(CaseStatus.RESOLVED, CaseStatus.CLOSED));
        assertThat(outcomes.statuses("FAILED")).isEqualTo(List.of(CaseStatus.UNRESOLVED, CaseStatus.CLOSED));
        assertThat(outcomes.statuses("WITHDRAWN")).isEqualTo(List.of(CaseStatus.WITHDRAWN));
        assertThat(outcomes.note(CaseStatus.RESOLVED, "A-1")).isEqualTo("在线调解成功，当事双方达成调解协议（协议编号 A-1）");
        assertThat(outcomes.note(CaseStatus.RESOLVED, null)).isEqualTo("在线调解成功，当事双方达成调解协议");
        assertThat(outcomes.note(CaseStatus.CLOSED, "A-1")).isEqualTo("在线调解结束，案件办结");
    }

    @Test
    void disputeTypes() {
        assertThat(types.of("HOTLINE12345", "C0401", "B05")).isEqualTo("CONSUMER");
        assertThat(types.of("ODR", "MEDICAL", "B05")).isEqualTo("MEDICAL");
        assertThat(types.of("ODR", "SOMETHING", "B08")).isEqualTo("TRAFFIC");
        assertThat(types.of("PETITION", "X", "UNCLASSIFIED")).isEqualTo("OTHER");
        assertThat(types.of("PETITION", "X", null)).isEqualTo("OTHER");
    }
}
