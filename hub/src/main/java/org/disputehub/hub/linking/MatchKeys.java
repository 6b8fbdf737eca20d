package org.disputehub.hub.linking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Party;

/**
 * The keys a case is found by: normalised phone numbers, ID numbers and the normalised address, each stored only
 * as a keyed hash (HMAC-SHA-256, {@code hub.linking.key-secret}) so the lookup table holds no personal data; and
 * its neighbourhood key ({@link Kind#NEAR}): region code, category code and the keyed hash of its house number.
 */
public final class MatchKeys {

    public enum Kind { PHONE, IDNO, ADDR, NEAR }

    public record Key(Kind kind, String hash) {
    }

    /**
     * The keys of one case and its normalised address (for similarity). {@code near}: its region, category and house
     * number ({@code {region}|{category}|{hash}}, the hash empty for an address without one), stored with the case;
     * {@code nearNoHouse}: the same without a house number; both null without a region or a category.
     */
    public record Of(Set<Key> people, Key address, String normalisedAddress, Key near, Key nearNoHouse) {

        public boolean isEmpty() {
            return people.isEmpty() && address == null;
        }

        /** Whether the address names a house number (号). */
        public boolean hasHouse() {
            return near != null && !near.equals(nearNoHouse);
        }
    }

    private static final Pattern NON_DIGIT = Pattern.compile("\\D");
    private static final Pattern NOT_ADDRESS = Pattern.compile("[\\s\\p{Punct}，。、；：（）【】“”‘’《》·\\-—]");
    private static final Pattern PROVINCE = Pattern.compile("^\\p{IsHan}{2,7}?(省|自治区)");
    private static final Pattern CITY = Pattern.compile("^\\p{IsHan}{2,7}?市");
    private static final Pattern DISTRICT = Pattern.compile("^\\p{IsHan}{1,4}?[区县]");
    private static final Pattern STREET_WORDS = Pattern.compile("[路街道村巷弄小号]");

    private final SecretKeySpec secret;

    public MatchKeys(String keySecret) {
        this.secret = new SecretKeySpec(keySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Of of(CanonicalCase c) {
        Mac mac = mac();
        Set<Key> people = new LinkedHashSet<>();
        List<Party> parties = c.parties() == null ? List.of() : c.parties();
        for (Party p : parties) {
            String phone = phone(p.phone());
            if (phone != null) {
                people.add(new Key(Kind.PHONE, hash(mac, Kind.PHONE, phone)));
            }
            if (p.idNumber() != null && p.idNumber().trim().length() >= 15) {
                people.add(new Key(Kind.IDNO, hash(mac, Kind.IDNO, p.idNumber().trim().toUpperCase())));
            }
        }
        String address = c.location() == null ? null : address(c.location().address());
        Key addressKey = address == null || address.length() < 4 ? null : new Key(Kind.ADDR, hash(mac, Kind.ADDR, address));
        String region = c.location() == null ? null : c.location().regionCode();
        String category = categoryCode(c);
        if (region == null || category == null) {
            return new Of(Set.copyOf(people), addressKey, address, null, null);
        }
        String house = address == null ? null : numbers(address).get("号");
        Key noHouse = new Key(Kind.NEAR, region + '|' + category + '|');
        Key near = house == null ? noHouse : new Key(Kind.NEAR, noHouse.hash() + hash(mac, Kind.NEAR, house).substring(0, 16));
        return new Of(Set.copyOf(people), addressKey, address, near, noHouse);
    }

    /** The category code linking compares, null when unknown or unclassified. */
    public static String categoryCode(CanonicalCase c) {
        return c.category() == null || c.category().code() == null || "UNCLASSIFIED".equals(c.category().code())
                ? null : c.category().code();
    }

    /** Digits only, without the country code; null when too short to be a phone number. */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = NON_DIGIT.matcher(raw).replaceAll("");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.length() < 7 ? null : digits;
    }

    /**
     * Full-width characters folded, spaces and punctuation removed, the province, city and district prefix dropped
     * (the region code is compared on its own), so "浙江省杭州市西湖区文三路 100 号" and "文三路100号" are one address.
     */
    static String address(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        StringBuilder folded = new StringBuilder(raw.length());
        for (char ch : raw.toCharArray()) {
            folded.append(ch >= '\uFF01' && ch <= '\uFF5E' ? (char) (ch - 0xFEE0) : ch == '\u3000' ? ' ' : ch);
        }
        String s = NOT_ADDRESS.matcher(folded).replaceAll("").toUpperCase();
        s = PROVINCE.matcher(s).replaceFirst("");
        s = CITY.matcher(s).replaceFirst("");
        var district = DISTRICT.matcher(s);
        if (district.find() && !STREET_WORDS.matcher(district.group()).find()) {
            s = s.substring(district.end());
        }
        return s.isEmpty() ? null : s;
    }

    /**
     * Dice coefficient over character bigrams: 1 for the same address, near 0 for unrelated ones — and 0 when both
     * name a house (号) or building (幢, 栋, 单元) number of the same kind and the numbers differ (至善路88号 and 至善路125号 are different places,
     * however alike the rest of the text). A number both name is compared as one sign, not digit by digit: 滨康路10234号
     * and 长河路10234号 are two roads, not near-identical text.
     */
    public static double similarity(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        java.util.Map<String, String> numbersA = numbers(a);
        java.util.Map<String, String> numbersB = numbers(b);
        for (var unit : numbersA.entrySet()) {
            String other = numbersB.get(unit.getKey());
            if (other != null && !other.equals(unit.getValue())) {
                return 0;
            }
            if (other != null) { // the same number counts as one sign, however many digits it has
                a = oneSign(a, unit.getValue(), unit.getKey());
                b = oneSign(b, unit.getValue(), unit.getKey());
            }
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        List<String> left = bigrams(a);
        List<String> right = new java.util.ArrayList<>(bigrams(b));
        int total = left.size() + right.size();
        int common = 0;
        for (String g : left) {
            if (right.remove(g)) {
                common++;
            }
        }
        return 2.0 * common / total;
    }

    /** The first {@code digits}{@code unit} of the address with its digits as one sign: 滨康路10234号 → 滨康路#号. */
    private static String oneSign(String address, String digits, String unit) {
        int at = address.indexOf(digits + unit);
        return at < 0 ? address : address.substring(0, at) + '#' + address.substring(at + digits.length());
    }

    private static final Pattern HOUSE_NUMBER = Pattern.compile("(\\d+)(号|幢|栋|单元)");

    /** The house and building numbers of a normalised address by unit, e.g. {号=88, 幢=3} (the first of each). */
    private static java.util.Map<String, String> numbers(String address) {
        java.util.Map<String, String> found = new java.util.HashMap<>(4);
        var m = HOUSE_NUMBER.matcher(address);
        while (m.find()) {
            found.putIfAbsent(m.group(2), m.group(1));
        }
        return found;
    }

    private static List<String> bigrams(String s) {
        List<String> grams = new java.util.ArrayList<>(s.length());
        for (int i = 0; i + 1 < s.length(); i++) {
            grams.add(s.substring(i, i + 2));
        }
        return grams;
    }

    /** One keyed MAC per case (a Mac is not thread-safe; doFinal resets it for the next key). */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String hash(Mac mac, Kind kind, String value) {
        byte[] digest = mac.doFinal((kind.name() + ':' + value).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 20);
    }
}
