package org.disputehub.connector.odr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Category;
import org.junit.jupiter.api.Test;

class MediationMapperTest {

    private final MediationMapper mapper = new MediationMapper(DisputeTypes.load(DisputeTypes.DEFAULT_LOCATION));

    @Test
    void aCaseFromAnotherSystemTakesItsTypeFromTheTaxonomy() {
        CanonicalCase c = OdrChannelTest.dispatchedCase("HUB-20261122-000301", 1);

        MediationMapper.MediationRequest r = mapper.map(c);

        assertThat(r.disputeType()).isEqualTo("CONSUMER");
        assertThat(r.externalRef()).isEqualTo("HUB-20261122-000301");
        assertThat(r.submittedAt()).isEqualTo("2026-11-22T09:30:15+08:00");
        assertThat(r.applicant()).isEqualTo(new MediationMapper.Applicant("李四", "13900139000", null));
        assertThat(r.respondent()).isEqualTo(new MediationMapper.Respondent("某某健身有限公司", "ORG", "91330108MA2XXXXX1X"));
        assertThat(Json.write(r)).startsWith("{\"submittedAt\":").endsWith(",\"externalRef\":\"HUB-20261122-000301\"}");
    }

    @Test
    void aCaseFromOdrKeepsItsOwnTypeAndUnknownCodesAreOther() {
        CanonicalCase odr = new DisputeMapper().map(OdrContextTest.event("samples/events/dispute-created-property.json")
                .path("data"), OffsetDateTime.now()).withCaseId("HUB-20261122-000302")
                .withCategory(new Category("求助纠纷类", "B01", "邻里纠纷", "PROPERTY", "PROPERTY"));
        assertThat(mapper.map(odr).disputeType()).isEqualTo("PROPERTY");
        assertThat(mapper.map(odr).respondent()).isEqualTo(new MediationMapper.Respondent("吴九", "PERSON", null));

        CanonicalCase other = OdrChannelTest.dispatchedCase("HUB-20261122-000303", 1)
                .withCategory(new Category("国计民生类", "C03", "噪声污染", "C0601", "噪声污染"));
        assertThat(mapper.map(other).disputeType()).isEqualTo("OTHER");
    }
}
