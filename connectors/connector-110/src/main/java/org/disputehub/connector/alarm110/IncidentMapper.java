package org.disputehub.connector.alarm110;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.w3c.dom.Element;

/**
 * Maps one {@code <JQXX>} linkage incident (docs/interfaces/alarm-110.md) to a canonical case without a case id
 * (the hub assigns it) and unclassified (the hub classifies; the 110 code and name are kept). Checks every
 * rule of the contract's table and rejects with a {@link MalformedAlarmException} naming the element.
 * <ul>
 *   <li>LDLX {@code 1} → appealType 非警务分流, urgency NORMAL; {@code 2} → 一警双派, urgency URGENT
 *       (police attend as well: the department must respond at once);</li>
 *   <li>the responsible police station GXDWDM travels as an OTHER party with that orgCode.</li>
 * </ul>
 */
public class IncidentMapper {

    static final String ROOT = "JQXX";
    static final int CONTENT_MAX = 2000;
    static final String UNKNOWN_CATEGORY_TITLE = "联动警情";
    static final String STATION = "管辖公安单位";
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern STATION_CODE = Pattern.compile("\\d{12}");
    private static final Pattern CATEGORY_CODE = Pattern.compile("[0-9A-Za-z]{1,16}");
    private static final Pattern PHONE = Pattern.compile("\\d{3,20}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{1,12})?");
    private static final int NAME_MAX = 100;
    private static final int TITLE_MAX = 200;

    private final IncidentCategories categories;

    public IncidentMapper(IncidentCategories categories) {
        this.categories = categories;
    }

    /** The incident in a {@code <JQXX>} element, received at {@code receivedAt}. */
    public AlarmMessage.Incident map(Element jqxx, OffsetDateTime receivedAt) {
        AlarmElements e = new AlarmElements(jqxx);
        String jqbh = e.incidentNumber("JQBH");
        OffsetDateTime reportedAt = e.time("BJSJ");
        String name = e.bounded("BJRXM", false, NAME_MAX);
        String phone = e.optional("BJDH");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new MalformedAlarmException("BJDH", "must be 3-20 digits (a landline may start with 0)");
        }
        String address = e.required("AFDZ");
        String region = e.matching("XZQH", REGION, "must be a 6-digit region code");
        String station = e.matching("GXDWDM", STATION_CODE, "must be a 12-digit police unit code");
        String categoryCode = e.matching("JQLBDM", CATEGORY_CODE, "must be a category code (letters and digits, up to 16)");
        String content = e.bounded("BJNR", true, CONTENT_MAX);
        Double lon = coordinate(e, "JD", 180);
        Double lat = coordinate(e, "WD", 90);
        if ((lon == null) != (lat == null)) {
            throw new MalformedAlarmException(lon == null ? "JD" : "WD", "JD and WD come both or neither");
        }
        LinkageType linkage = LinkageType.of(e.required("LDLX"));
        String categoryName = categories.name(categoryCode);
        CanonicalCase c = new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(Alarm110.SYSTEM, jqbh, Alarm110.CHANNEL, receivedAt, null),
                reportedAt,
                title(categoryName, address),
                content,
                Category.unclassifiedFrom(categoryCode, categoryName),
                linkage.appealType,
                parties(name, phone, station),
                null, null,
                new Location(address, region, null, lon, lat),
                linkage.urgency,
                null, null, null,
                CaseStatus.RECEIVED);
        return new AlarmMessage.Incident(jqbh, c, e.contentHash());
    }

    private static Double coordinate(AlarmElements e, String name, int limit) {
        String value = e.optional(name);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new MalformedAlarmException(name, "not a decimal degree, was '" + AlarmElements.quote(value) + "'");
        }
        double degrees = Double.parseDouble(value);
        if (degrees < -limit || degrees > limit) {
            throw new MalformedAlarmException(name, "out of range -" + limit + ".." + limit + ", was " + value);
        }
        return degrees;
    }

    private static List<Party> parties(String name, String phone, String station) {
        List<Party> parties = new ArrayList<>(2);
        if (name != null || phone != null) {
            parties.add(Party.reporter(name, phone));
        }
        parties.add(new Party(Parts.PartyRole.OTHER, null, null, null, STATION, station));
        return List.copyOf(parties);
    }

    static String title(String categoryName, String address) {
        String title = (categoryName == null ? UNKNOWN_CATEGORY_TITLE : categoryName) + "：" + address;
        if (title.codePointCount(0, title.length()) <= TITLE_MAX) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, TITLE_MAX - 1)) + "…";
    }

    /** LDLX, the linkage type, and what it means for the case. */
    enum LinkageType {
        DIVERTED("1", "非警务分流", "NORMAL"),
        JOINT("2", "一警双派", "URGENT");

        final String code;
        final String appealType;
        final String urgency;

        LinkageType(String code, String appealType, String urgency) {
            this.code = code;
            this.appealType = appealType;
            this.urgency = urgency;
        }

        static LinkageType of(String code) {
            for (LinkageType t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            throw new MalformedAlarmException("LDLX", "must be 1 (非警务分流) or 2 (一警双派), was '" + AlarmElements.quote(code) + "'");
        }
    }
}
