package org.disputehub.canonical.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The canonical case: one shape for every origin system (schema: {@code schema/case-v1.json}). */
public record CanonicalCase(
        String caseId,
        String schemaVersion,
        CaseSource source,
        OffsetDateTime reportedAt,
        String title,
        String description,
        Category category,
        String appealType,
        List<Party> parties,
        Integer headcount,
        BigDecimal amount,
        Location location,
        String urgency,
        Risk risk,
        Related related,
        Assignment assignment,
        CaseStatus status) {

    public static final String SCHEMA_VERSION = "1.0";

    public CanonicalCase withCaseId(String id) {
        return new CanonicalCase(id, schemaVersion, source, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, risk, related, assignment, status);
    }

    public CanonicalCase withSource(CaseSource s) {
        return new CanonicalCase(caseId, schemaVersion, s, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, risk, related, assignment, status);
    }

    public CanonicalCase withCategory(Category c) {
        return new CanonicalCase(caseId, schemaVersion, source, reportedAt, title, description, c, appealType,
                parties, headcount, amount, location, urgency, risk, related, assignment, status);
    }

    public CanonicalCase withAssignment(Assignment a) {
        return new CanonicalCase(caseId, schemaVersion, source, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, risk, related, a, status);
    }

    public CanonicalCase withRisk(Risk r) {
        return new CanonicalCase(caseId, schemaVersion, source, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, r, related, assignment, status);
    }

    public CanonicalCase withStatus(CaseStatus s) {
        return new CanonicalCase(caseId, schemaVersion, source, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, risk, related, assignment, s);
    }

    public CanonicalCase withRelated(Related r) {
        return new CanonicalCase(caseId, schemaVersion, source, reportedAt, title, description, category, appealType,
                parties, headcount, amount, location, urgency, risk, r, assignment, status);
    }
}
