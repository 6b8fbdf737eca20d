package org.disputehub.connector.petition;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Related;
import org.w3c.dom.Document;

/**
 * Maps one pushed {@code <XFJ>} (docs/interfaces/petition.md) to a canonical case, unclassified (the hub classifies;
 * the platform's NRFL is kept as source code and name) and without a case id (the intake step presets it).
 * Checks every element of the contract's table and rejects with a {@link MalformedPetitionException} that
 * names the failing element. Values of personal elements (XM, SFZH, LXDH) never appear in a message.
 */
public class PetitionMapper {

    static final String ROOT = "XFJ";
    /** ≥ this many petitioners is a group petition (集体访). */
    public static final int GROUP_HEADCOUNT = 5;
    /** The catalogue's catch-all, used when a petition has no NRFL. */
    static final String OTHER = "其他";
    private static final Set<String> FORMS = Set.of("来信", "来访", "网上信访", "电话");
    private static final Pattern XFJBH = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern POSITIVE = Pattern.compile("\\d{1,9}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[0-9Xx]");
    private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{1,18}[0-9]");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final int NAME_MAX = 100;
    private static final int NRFL_MAX = 50;
    private static final int TITLE_MAX = 200;
    private static final int TITLE_EXCERPT = 40;
    private static final int DESCRIPTION_MAX = 4000;

    /** The case the petition describes, received at {@code receivedAt}. */
    public CanonicalCase map(Document document, OffsetDateTime receivedAt) {
        PetitionElements xfj = PetitionElements.root(document, ROOT);
        String xfjbh = xfjbh(document);
        OffsetDateTime registered = registeredAt(xfj.required("DJSJ"));
        String form = xfj.optional("XFXS");
        if (form != null && !FORMS.contains(form)) {
            throw new MalformedPetitionException("XFXS", "must be one of 来信, 来访, 网上信访, 电话, was '" + clip(form, 20) + "'");
        }
        int headcount = headcount(xfj.required("XFRS"));
        List<Party> petitioners = petitioners(xfj.children("XFR"));
        PetitionElements place = xfj.child("WTSD");
        String region = place.required("XZQH");
        if (!REGION.matcher(region).matches()) {
            throw new MalformedPetitionException("WTSD/XZQH", "must be a 6-digit region code, was '" + clip(region, 20) + "'");
        }
        String nrfl = xfj.optional("NRFL");
        if (nrfl != null && nrfl.codePointCount(0, nrfl.length()) > NRFL_MAX) {
            throw new MalformedPetitionException("NRFL", "longer than " + NRFL_MAX + " characters");
        }
        String category = nrfl == null ? OTHER : nrfl;
        String content = xfj.required("XFNR");
        boolean repeat = repeat(xfj.optional("SFCF"));
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(Petition.SYSTEM, xfjbh, Petition.CHANNEL, receivedAt, null),
                registered,
                title(headcount, repeat, category, content),
                clip(content, DESCRIPTION_MAX),
                Category.unclassifiedFrom(category, nrfl),
                form,
                petitioners,
                headcount,
                null,
                new Location(place.optional("DZ"), region, null, null, null),
                "NORMAL",
                null,
                repeat ? new Related(List.of(), 1) : null,
                null,
                CaseStatus.RECEIVED);
    }

    /** The petition number, checked: the one element every later step needs. */
    public static String xfjbh(Document document) {
        String xfjbh = PetitionElements.root(document, ROOT).required("XFJBH");
        if (!XFJBH.matcher(xfjbh).matches()) {
            throw new MalformedPetitionException("XFJBH", "must be 1-64 letters, digits, '_', '.' or '-'");
        }
        return xfjbh;
    }

    private static OffsetDateTime registeredAt(String text) {
        try {
            return OffsetDateTime.parse(text, Petition.WIRE_TIME);
        } catch (DateTimeParseException e) {
            throw new MalformedPetitionException("DJSJ", "must be an ISO-8601 time with offset such as "
                    + "2026-11-22T10:02:00+08:00, was '" + clip(text, 40) + "'");
        }
    }

    private static int headcount(String text) {
        int n = POSITIVE.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (n < 1) {
            throw new MalformedPetitionException("XFRS", "must be an integer >= 1, was '" + clip(text, 20) + "'");
        }
        return n;
    }

    private static List<Party> petitioners(List<PetitionElements> xfrs) {
        if (xfrs.isEmpty()) {
            throw new MalformedPetitionException("XFR", "missing: at least one petitioner is required");
        }
        List<Party> parties = new ArrayList<>(xfrs.size());
        for (int i = 0; i < xfrs.size(); i++) {
            PetitionElements xfr = xfrs.get(i);
            String at = "XFR[" + (i + 1) + "]/";
            String name = xfr.required("XM");
            if (name.codePointCount(0, name.length()) > NAME_MAX) {
                throw new MalformedPetitionException(at + "XM", "longer than " + NAME_MAX + " characters");
            }
            String id = xfr.optional("SFZH");
            if (id != null && !ID_NUMBER.matcher(id).matches()) {
                throw new MalformedPetitionException(at + "SFZH", "must be 18 characters: 17 digits, then a digit or X");
            }
            String phone = xfr.optional("LXDH");
            if (phone != null && !PHONE.matcher(phone).matches()) {
                throw new MalformedPetitionException(at + "LXDH", "must be 3-20 digits (a landline may have '-')");
            }
            parties.add(new Party(Parts.PartyRole.REPORTER, name, phone, id == null ? null : id.toUpperCase(), null, null));
        }
        return List.copyOf(parties);
    }

    private static boolean repeat(String sfcf) {
        if (sfcf == null || sfcf.equals("0")) {
            return false;
        }
        if (sfcf.equals("1")) {
            return true;
        }
        throw new MalformedPetitionException("SFCF", "must be 0 or 1, was '" + clip(sfcf, 20) + "'");
    }

    private static String title(int headcount, boolean repeat, String category, String content) {
        String flags = (headcount >= GROUP_HEADCOUNT ? "[集体访" + headcount + "人]" : "") + (repeat ? "[重复访]" : "");
        return clip(flags + category + "：" + clip(content, TITLE_EXCERPT), TITLE_MAX);
    }

    static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
