package org.disputehub.canonical.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one masking utility for personal data in log lines (docs/interfaces/README.md):
 * {@code 138****8000}, {@code 3301**********1234}, {@code 张*}.
 */
public final class Masking {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    /** GB 11643 weights of the first 17 digits; the check character is CHECK[sum mod 11]. */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern LANDLINE = Pattern.compile("(?<!\\d)(0\\d{2,3}-?)(\\d{3,4})(\\d{4})(?!\\d)");

    private Masking() {
    }

    /** {@code 张三} → {@code 张*}; {@code 欧阳娜娜} → {@code 欧***}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }

    /** {@code 13800138000} → {@code 138****8000}; other numbers keep only their last four digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        if (phone.length() == 11) {
            return phone.substring(0, 3) + "****" + phone.substring(7);
        }
        int keep = Math.min(4, phone.length() / 2);
        return "*".repeat(phone.length() - keep) + phone.substring(phone.length() - keep);
    }

    /** {@code 330106199001011234} → {@code 3301**********1234}. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /**
     * Whether an 18-character string is a resident ID number by its GB 11643 check character: the last one
     * (a digit or X) must match the weighted sum of the first 17 digits. This tells an ID number apart from other
     * 18-digit numbers such as most 110 incident numbers (JQBH); about one such number in eleven still passes.
     */
    public static boolean isResidentId(String s) {
        if (s == null || s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(s.charAt(17)) == CHECK.charAt(sum % 11);
    }

    /**
     * Masks every phone and ID number found in free text (names cannot be found in free text: never log them raw).
     * An 18-digit number is masked as an ID number only when its check character matches ({@link #isResidentId}).
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(ID_NUMBER, text, m -> isResidentId(m.group())
                ? m.group(1).substring(0, 4) + "**********" + m.group(3) : m.group());
        out = replace(MOBILE, out, m -> m.group(1) + "****" + m.group(3));
        return replace(LANDLINE, out, m -> m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
