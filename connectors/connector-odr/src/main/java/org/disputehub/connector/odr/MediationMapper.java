package org.disputehub.connector.odr;

import java.math.BigDecimal;
import java.util.List;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Parts.PartyRole;

/**
 * Maps a canonical case (a dispatch order) to the body of {@code POST /api/v1/mediations}: the {@code data} shape of
 * docs/interfaces/odr.md plus {@code externalRef} = the hub case id. Absent values are left out.
 */
public class MediationMapper {

    private final DisputeTypes types;

    public MediationMapper(DisputeTypes types) {
        this.types = types;
    }

    public MediationRequest map(CanonicalCase c) {
        Party reporter = first(c.parties(), PartyRole.REPORTER);
        Party respondent = first(c.parties(), PartyRole.RESPONDENT);
        return new MediationRequest(
                c.reportedAt() == null ? null : Odr.WIRE_TIME.format(c.reportedAt().withOffsetSameInstant(Odr.OFFSET)),
                types.of(c.source() == null ? null : c.source().system(),
                        c.category() == null ? null : c.category().sourceCode(),
                        c.category() == null ? null : c.category().code()),
                reporter == null ? null : new Applicant(reporter.name(), reporter.phone(), reporter.idNumber()),
                respondent == null ? null : respondent(respondent),
                c.amount(),
                c.location() == null ? null : c.location().regionCode(),
                c.location() == null ? null : c.location().address(),
                c.description(),
                c.caseId());
    }

    private static Respondent respondent(Party p) {
        boolean org = p.organization() != null || p.orgCode() != null;
        return org ? new Respondent(p.organization() != null ? p.organization() : p.name(), "ORG", p.orgCode())
                : new Respondent(p.name(), "PERSON", null);
    }

    private static Party first(List<Party> parties, PartyRole role) {
        return parties == null ? null : parties.stream().filter(p -> p.role() == role).findFirst().orElse(null);
    }

    /** The mediation request, in the contract's field order. */
    public record MediationRequest(String submittedAt, String disputeType, Applicant applicant, Respondent respondent,
                                   BigDecimal claimAmount, String region, String address, String description,
                                   String externalRef) {
    }

    public record Applicant(String name, String phone, String idNumber) {
    }

    public record Respondent(String name, String type, String orgCode) {
    }
}
