package org.disputehub.connector.labor;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.disputehub.canonical.model.Risk;

/**
 * Checks one complaint row against the contract's column rules (docs/interfaces/labor.md) and maps it to a canonical case
 * without a case id (the hub assigns it) and unclassified (the hub classifies 事项类型; the source code and name are
 * kept). Every problem of a row is reported at once, in column order, as a {@link MalformedRowException}.
 * 涉及人数 ≥ 10 or 欠薪金额 ≥ 100000 makes the case a group wage-arrears matter: risk RED.
 */
public class ComplaintMapper {

    static final List<String> MATTERS = List.of("欠薪", "未签合同", "社保", "工伤", "解除劳动关系", "其他");
    static final int GROUP_HEADCOUNT = 10;
    static final BigDecimal GROUP_AMOUNT = new BigDecimal("100000");
    private static final Pattern COMPLAINT_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\d[\\d-]{1,18}\\d");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");
    private static final Pattern HEADCOUNT = Pattern.compile("\\d{1,7}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final int NAME_MAX = 100;
    private static final int EARLIEST_YEAR = 2000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final int TITLE_MAX = 200;
    private static final int DESCRIPTION_MAX = 4000;

    /** The case a row describes, received at {@code receivedAt}. */
    public CanonicalCase map(BatchRow row, OffsetDateTime receivedAt) {
        List<String> v = row.values();
        if (v.size() != Labor.HEADER.size()) {
            throw new MalformedRowException(List.of("expected " + Labor.HEADER.size() + " fields, found " + v.size()));
        }
        List<String> problems = new ArrayList<>();
        textProblems(problems, v);
        String complaintNo = check(problems, 0, field(v, 0), COMPLAINT_NO,
                "at most 64 letters, digits, - or _ (it is a path segment of the progress URL)");
        OffsetDateTime registered = time(problems, field(v, 1), receivedAt);
        String complainant = required(problems, 2, field(v, 2));
        if (complainant != null && complainant.codePointCount(0, complainant.length()) > NAME_MAX) {
            problems.add(column(2) + ": longer than " + NAME_MAX + " characters");
        }
        String phone = optional(problems, 3, strip(field(v, 3), " "), PHONE, "not a phone number (digits, optionally with '-')");
        String idNumber = optional(problems, 4, upper(field(v, 4)), ID_NUMBER,
                "must be 18 characters: 17 digits and a last digit or X");
        String employer = required(problems, 5, field(v, 5));
        String creditCode = optional(problems, 6, upper(field(v, 6)), CREDIT_CODE,
                "must be 18 characters of digits and capital letters (GB 32100)");
        String headcountText = check(problems, 7, field(v, 7), HEADCOUNT, "must be a whole number of at least 1");
        Integer headcount = headcountText == null ? null : Integer.valueOf(headcountText);
        if (headcount != null && headcount < 1) {
            problems.add(column(7) + ": must be a whole number of at least 1, was " + headcount);
        }
        String amountText = optional(problems, 8, field(v, 8), AMOUNT, "must be an amount ≥ 0 with at most 2 decimals");
        BigDecimal amount = amountText == null ? null : new BigDecimal(amountText);
        String matter = required(problems, 9, field(v, 9));
        if (matter != null && !MATTERS.contains(matter)) {
            problems.add(column(9) + ": '" + clip(matter, 20) + "' is not one of " + String.join("、", MATTERS));
        }
        String region = check(problems, 10, field(v, 10), REGION, "must be a 6-digit region code");
        String address = required(problems, 11, field(v, 11));
        String content = required(problems, 12, field(v, 12));
        if (!problems.isEmpty()) {
            throw new MalformedRowException(problems);
        }
        return new CanonicalCase(null, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(Labor.SYSTEM, complaintNo, Labor.CHANNEL, receivedAt, null),
                registered,
                clip(matter + ": " + employer, TITLE_MAX),
                clip(content, DESCRIPTION_MAX),
                Category.unclassifiedFrom(matter, matter),
                "投诉",
                List.of(new Party(Parts.PartyRole.REPORTER, complainant, phone, idNumber, null, null),
                        new Party(Parts.PartyRole.RESPONDENT, null, null, null, employer, creditCode)),
                headcount, amount,
                new Location(address, region, null, null, null),
                null,
                risk(headcount, amount),
                null, null,
                CaseStatus.RECEIVED);
    }

    /** RED with its reason for a group wage-arrears matter, else none (the hub decides). */
    static Risk risk(int headcount, BigDecimal amount) {
        if (headcount < GROUP_HEADCOUNT && (amount == null || amount.compareTo(GROUP_AMOUNT) < 0)) {
            return null;
        }
        String reason = "群体性欠薪: 涉及" + headcount + "人" + (amount == null ? "" : "/欠薪¥" + amount.toPlainString());
        return new Risk(Parts.RiskLevel.RED, List.of(reason));
    }

    private static OffsetDateTime time(List<String> problems, String text, OffsetDateTime receivedAt) {
        if (required(problems, 1, text) == null) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = LocalDateTime.parse(text, Labor.WIRE_TIME).atOffset(Labor.OFFSET);
        } catch (DateTimeParseException e) {
            problems.add(column(1) + ": not a time of the form yyyy-MM-dd HH:mm: '" + clip(text, 40) + "'");
            return null;
        }
        if (time.getYear() < EARLIEST_YEAR || time.isAfter(receivedAt.plus(FUTURE_TOLERANCE))) {
            problems.add(column(1) + ": out of range (" + EARLIEST_YEAR + " to a day ahead of the hub's clock): '" + text + "'");
            return null;
        }
        return time;
    }

    /**
     * Text no field may carry: control characters other than tab and line breaks (NUL, terminal escapes), and
     * UTF-8 bytes read as GBK — a field whose GBK bytes are valid UTF-8 Chinese is mojibake of a UTF-8 row.
     */
    private static void textProblems(List<String> problems, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            for (int j = 0; j < value.length(); j++) {
                char c = value.charAt(j);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    problems.add(column(i) + String.format(": control character U+%04X at position %d", (int) c, j + 1));
                    break;
                }
            }
            if (utf8ReadAsGbk(value)) {
                problems.add(column(i) + ": UTF-8 text read as GBK (the row was not exported in GBK)");
            }
        }
    }

    static boolean utf8ReadAsGbk(String value) {
        if (value.chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        try {
            String asUtf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value.getBytes(Labor.GBK))).toString();
            return asUtf8.chars().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String check(List<String> problems, int column, String value, Pattern pattern, String rule) {
        return required(problems, column, value) == null ? null : optional(problems, column, value, pattern, rule);
    }

    private static String optional(List<String> problems, int column, String value, Pattern pattern, String rule) {
        if (value == null || pattern.matcher(value).matches()) {
            return value;
        }
        problems.add(column(column) + ": " + rule);
        return null;
    }

    private static String required(List<String> problems, int column, String value) {
        if (value == null) {
            problems.add(column(column) + ": missing");
        }
        return value;
    }

    /** A field, stripped; null when blank. */
    private static String field(List<String> values, int column) {
        String text = values.get(column).strip();
        return text.isEmpty() ? null : text;
    }

    private static String strip(String value, String chars) {
        return value == null ? null : value.replace(chars, "");
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static String column(int index) {
        return Labor.HEADER.get(index);
    }

    private static String clip(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
