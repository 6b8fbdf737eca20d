package org.disputehub.connector.odr;

import static org.disputehub.connector.odr.EventFields.amount;
import static org.disputehub.connector.odr.EventFields.object;
import static org.disputehub.connector.odr.EventFields.optional;
import static org.disputehub.connector.odr.EventFields.required;
import static org.disputehub.connector.odr.EventFields.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Parts.PartyRole;

/**
 * Maps the {@code data} of {@code dispute.created} and {@code dispute.updated} (docs/interfaces/odr.md) to a canonical
 * case without a case id and unclassified (the hub classifies; the ODR {@code disputeType} is kept as source code
 * and name). Rejects what the hub cannot use with a {@link MalformedEventException} naming the field.
 */
public class DisputeMapper {

    static final int DISPUTE_ID_MAX = 64;
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{3,20}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[0-9Xx]");
    private static final int NAME_MAX = 100;
    private static final int DESCRIPTION_MAX = 4000;

    /** The case an event's data describes, received at {@code receivedAt}. */
    public CanonicalCase map(JsonNode data, OffsetDateTime receivedAt) {
        String disputeId = disputeId(data);
        OffsetDateTime submitted = time(data, "submittedAt", "data.submittedAt");
        String disputeType = required(data, "disputeType", "data.disputeType", 32);
        String region = required(data, "region", "data.region", 6);
        if (!REGION.matcher(region).matches()) {
            throw new MalformedEventException("data.region", "must be a 6-digit region code, was '" + region + "'");
        }
        String description = clip(required(data, "description", "data.description", 100_000));
        List<Party> parties = new ArrayList<>(2);
        JsonNode applicant = object(data, "applicant", "data.applicant", true);
        parties.add(new Party(PartyRole.REPORTER, optional(applicant, "name", "data.applicant.name", NAME_MAX),
                phone(applicant, "data.applicant.phone"), idNumber(applicant, "data.applicant.idNumber"), null, null));
        JsonNode respondent = object(data, "respondent", "data.respondent", false);
        if (respondent != null) {
            parties.add(respondent(respondent));
        }
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(Odr.SYSTEM, disputeId, Odr.CHANNEL, receivedAt, null),
                submitted, null, description,
                Category.unclassifiedFrom(disputeType, disputeType),
                null, List.copyOf(parties), null,
                amount(data, "claimAmount", "data.claimAmount"),
                new Location(optional(data, "address", "data.address", 500), region, null, null, null),
                "NORMAL", null, null, null, CaseStatus.RECEIVED);
    }

    /** The data's {@code disputeId}, checked. */
    public static String disputeId(JsonNode data) {
        return required(data, "disputeId", "data.disputeId", DISPUTE_ID_MAX);
    }

    private static Party respondent(JsonNode respondent) {
        String name = optional(respondent, "name", "data.respondent.name", NAME_MAX);
        String type = optional(respondent, "type", "data.respondent.type", 6);
        if ("ORG".equals(type)) {
            return new Party(PartyRole.RESPONDENT, null, phone(respondent, "data.respondent.phone"), null, name,
                    optional(respondent, "orgCode", "data.respondent.orgCode", 32));
        }
        if (type != null && !"PERSON".equals(type)) {
            throw new MalformedEventException("data.respondent.type", "must be PERSON or ORG, was '" + type + "'");
        }
        return new Party(PartyRole.RESPONDENT, name, phone(respondent, "data.respondent.phone"),
                idNumber(respondent, "data.respondent.idNumber"), null, null);
    }

    private static String phone(JsonNode party, String path) {
        String phone = optional(party, "phone", path, 40);
        if (phone == null) {
            return null;
        }
        phone = phone.replace(" ", "");
        if (!PHONE.matcher(phone).matches()) {
            throw new MalformedEventException(path, "not a phone number (3-20 digits, + or -)");
        }
        return phone;
    }

    private static String idNumber(JsonNode party, String path) {
        String id = optional(party, "idNumber", path, 18);
        if (id != null && !ID_NUMBER.matcher(id).matches()) {
            throw new MalformedEventException(path, "not an 18-character resident ID number");
        }
        return id;
    }

    private static String clip(String text) {
        if (text.codePointCount(0, text.length()) <= DESCRIPTION_MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, DESCRIPTION_MAX - 1)) + "…";
    }
}
