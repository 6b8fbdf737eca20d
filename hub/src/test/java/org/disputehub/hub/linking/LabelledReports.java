package org.disputehub.hub.linking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Party;

/**
 * A labelled set of synthetic reports: matters reported once and then again through other systems (true
 * duplicates, written differently), near misses (the same reporter about another matter, the same building with
 * another problem, the neighbouring house number with the same problem, the same matter after the window or after
 * it was closed) and unrelated neighbours. Each report says which earlier report it should be linked to, if any.
 */
final class LabelledReports {

    /** One report in time order; {@code expected} is the id of the report it should join, or null. */
    record Report(CanonicalCase data, String expected, String kind, boolean closesMatter) {
    }

    static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final String[] SYSTEMS = {"HOTLINE12345", "ALARM110", "PETITION", "ODR", "LABOR"};
    private static final String[] STREETS = {"文三路", "学院路", "古墩路", "天目山路", "莫干山路", "教工路", "丰潭路",
        "紫荆花路", "西溪路", "留和路", "余杭塘路", "文一西路"};
    private static final String[] ESTATES = {"紫金小区", "翠苑一区", "嘉绿苑", "申花新村", "蒋村花园", "和家园"};
    private static final String[] REGIONS = {"330106001", "330106002", "330106003", "330106004", "330106005"};
    /** Category codes with their major class; codes of one major stand for how two systems may classify one matter. */
    private static final String[][] CATEGORIES = {
        {"NEIGHBOUR_NOISE", "求助纠纷类"}, {"NEIGHBOUR_DISPUTE", "求助纠纷类"}, {"FAMILY_DISPUTE", "求助纠纷类"},
        {"WAGE_ARREARS", "国计民生类"}, {"PROPERTY_MGMT", "国计民生类"}, {"WATER_OUTAGE", "国计民生类"},
        {"LICENCE", "行政服务类"}, {"PERMIT_DELAY", "行政服务类"}, {"SERVICE_COMPLAINT", "咨询投诉类"},
        {"PRICE_COMPLAINT", "咨询投诉类"}};

    private final Random random = new Random(20261122L);
    private final List<Report> reports = new ArrayList<>();
    private int seq;

    static List<Report> generate(int matters) {
        return new LabelledReports().build(matters);
    }

    private List<Report> build(int matters) {
        for (int m = 0; m < matters; m++) {
            OffsetDateTime t0 = START.plusMinutes(random.nextInt(60 * 24 * 20));
            int cat = random.nextInt(CATEGORIES.length);
            String region = REGIONS[random.nextInt(REGIONS.length)];
            String street = STREETS[random.nextInt(STREETS.length)];
            int number = 10 + 10 * random.nextInt(40);
            String estate = ESTATES[random.nextInt(ESTATES.length)];
            String address = street + number + "号" + estate + (1 + random.nextInt(9)) + "幢";
            String phone = phone();
            String first = add(t0, cat, region, address, phone, null, "first report", false);
            switch (m % 10) {
                case 0, 1, 2 -> { // the same reporter again through another system, address written with its prefix
                    add(t0.plusHours(1 + random.nextInt(40)), cat, region, "浙江省杭州市西湖区" + address, phone, first,
                            "duplicate: same reporter, prefixed address", false);
                }
                case 3, 4 -> { // a neighbour reports the same matter: other phone, same address with spaces / full width
                    add(t0.plusMinutes(5 + random.nextInt(600)), sameMajor(cat), region, fullWidth(address), phone(),
                            first, "duplicate: other reporter, same address", false);
                }
                case 5 -> { // the same reporter calls 110 without an address
                    add(t0.plusMinutes(3 + random.nextInt(120)), cat, region, null, "+86 " + phone, first,
                            "duplicate: same reporter, no address", false);
                    add(t0.plusHours(2), otherMajor(cat), REGIONS[random.nextInt(REGIONS.length)],
                            STREETS[random.nextInt(STREETS.length)] + (5 + random.nextInt(300)) + "号", phone, null,
                            "near miss: same reporter, another matter", false);
                }
                case 6 -> { // another problem in the same building; the same problem next door
                    add(t0.plusHours(3), otherMajor(cat), region, address, phone(), null,
                            "near miss: same building, another matter", false);
                    add(t0.plusHours(4), cat, region, street + (number + 2) + "号", phone(), null,
                            "near miss: next house number, same category", false);
                    add(t0.plusHours(5), cat, region, street + (number + 10) + "号" + estate + address.substring(
                            address.length() - 2), phone(), null, "near miss: another house, same pattern", false);
                }
                case 7 -> { // the same matter again, but after the window
                    add(t0.plusDays(5), cat, region, address, phone, null, "near miss: after the window", false);
                }
                case 8 -> { // the matter was closed, then reported again
                    reports.set(reports.size() - 1, closing(reports.get(reports.size() - 1)));
                    add(t0.plusHours(6), cat, region, address, phone, null, "near miss: earlier case closed", false);
                }
                default -> { // a hard duplicate: another reporter, the address written another way, another category
                    add(t0.plusHours(2), sameMajor(cat), region, estate + "(" + street + number + "号)", phone(), first,
                            "hard duplicate: reordered address, other reporter", false);
                }
            }
            // an unrelated neighbour in the same region
            add(t0.plusMinutes(random.nextInt(600)), random.nextInt(CATEGORIES.length), region,
                    STREETS[random.nextInt(STREETS.length)] + (1001 + random.nextInt(500)) + "号", phone(), null,
                    "unrelated neighbour", false);
        }
        reports.sort(Comparator.comparing(r -> r.data().reportedAt()));
        return reports;
    }

    private String add(OffsetDateTime at, int cat, String region, String address, String phone, String expected,
                       String kind, boolean closes) {
        String id = String.format("R%05d", ++seq);
        String system = SYSTEMS[random.nextInt(SYSTEMS.length)];
        CanonicalCase c = new CanonicalCase(id, CanonicalCase.SCHEMA_VERSION,
                new CaseSource(system, "S" + id, "SYNTHETIC", at, null), at, "标题", "描述",
                new Category(CATEGORIES[cat][1], CATEGORIES[cat][0], CATEGORIES[cat][0], "x", "x"), null,
                List.of(Party.reporter("张三", phone)), null, null,
                new Location(address, region, null, null, null), "NORMAL", null, null, null, CaseStatus.RECEIVED);
        reports.add(new Report(c, expected, kind, closes));
        return id;
    }

    private static Report closing(Report r) {
        return new Report(r.data(), r.expected(), r.kind(), true);
    }

    private int sameMajor(int cat) {
        for (int i = 1; i < CATEGORIES.length; i++) {
            int other = (cat + i) % CATEGORIES.length;
            if (CATEGORIES[other][1].equals(CATEGORIES[cat][1])) {
                return random.nextBoolean() ? cat : other;
            }
        }
        return cat;
    }

    private int otherMajor(int cat) {
        int other = cat;
        while (CATEGORIES[other][1].equals(CATEGORIES[cat][1])) {
            other = random.nextInt(CATEGORIES.length);
        }
        return other;
    }

    private String phone() {
        return "13" + (1_000_000_00 + random.nextInt(899_999_999));
    }

    private static String fullWidth(String address) {
        StringBuilder s = new StringBuilder();
        for (char ch : address.toCharArray()) {
            s.append(ch >= '0' && ch <= '9' ? (char) (ch + 0xFEE0) : ch);
        }
        return s.insert(Math.min(3, s.length()), ' ').toString();
    }

    static Duration span() {
        return Duration.ofDays(30);
    }
}
