package org.disputehub.hub.cockpit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.CaseSource;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Category;
import org.disputehub.canonical.model.Location;
import org.disputehub.canonical.model.Parts;
import org.disputehub.canonical.model.Party;
import org.disputehub.canonical.model.Risk;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.canonical.model.Transition;
import org.disputehub.hub.linking.LinkStore;
import org.disputehub.hub.linking.MatchKeys;
import org.disputehub.hub.sla.SlaClocks;
import org.disputehub.hub.store.CaseStore;

/**
 * A known set of cases, stored the way intake, dispatch and the status stage store them (CaseStore, SlaClocks,
 * LinkStore), as of {@link #NOW} (2026-12-02 10:00 in Shanghai). What the cockpit must count from them:
 * <ul>
 * <li>today: 5 cases — HOTLINE12345 2 (T1 DISPATCHED, T4 CLOSED), ALARM110 1 (T2 SIGNED), PETITION 1 (T3 RESOLVED),
 *     ODR 1 (T5 RECEIVED); yesterday Y1 (HOTLINE12345, UNRESOLVED), 40 days ago O1;</li>
 * <li>waiting: T1 for sign-off, due 09:51 (540 s overdue); T2 for arrival, due 10:05 (300 s left);</li>
 * <li>RED: T2 and T5 open (T5 newest), T4 RED but closed; 3 RED received today;</li>
 * <li>KPIs today: WY-001 got T1, T2 (T2 signed) — 签收率 1/2; ZF-001 got T3, T4, both signed, T3 arrived on time,
 *     T4 not arrived with its deadline passed — 按时到点率 1/2, 办结反馈率 2/2, 化解率 1/1; yesterday WY-001 got Y1,
 *     signed and UNRESOLVED — 化解率 0/1;</li>
 * <li>hotspots (30 days): 李四's phone on T1, T2, Y1 (O1 is older) — 3; 东信大道66号 on T1 and T3 — 2.</li>
 * </ul>
 */
final class CockpitFixture {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00+08:00");
    static final String WY = "330108-WY-001";
    static final String ZF = "330108-ZF-001";
    static final String T1 = "HUB-20261202-900001";
    static final String T2 = "HUB-20261202-900002";
    static final String T3 = "HUB-20261202-900003";
    static final String T4 = "HUB-20261202-900004";
    static final String T5 = "HUB-20261202-900005";
    static final String Y1 = "HUB-20261201-900006";
    static final String O1 = "HUB-20261023-900007";
    static final String LI_SI = "13900139000";
    static final String ADDRESS = "杭州市滨江区浦沿街道东信大道66号";

    private final CaseStore cases;
    private final SlaClocks clocks;
    private final LinkStore links;
    private final MatchKeys keys;

    CockpitFixture(CaseStore cases, SlaClocks clocks, LinkStore links, MatchKeys keys) {
        this.cases = cases;
        this.clocks = clocks;
        this.links = links;
        this.keys = keys;
    }

    /** Stores the set once (the context is shared by the cockpit tests). */
    void store() {
        if (cases.find(T1).isPresent()) {
            return;
        }
        OffsetDateTime t = NOW;
        store(kase(T1, "HOTLINE12345", "楼上漏水，联系13900139000", party("李四", LI_SI), ADDRESS, Parts.RiskLevel.GREEN,
                List.of(), CaseStatus.DISPATCHED, WY), t.minusMinutes(11), t.minusMinutes(10));
        store(kase(T2, "ALARM110", "邻里纠纷有人持刀", party("李四", LI_SI), "杭州市滨江区江南大道100号", Parts.RiskLevel.RED,
                List.of("R03 暴力倾向：持刀", "R06 重复报警：3次"), CaseStatus.SIGNED, WY), t.minusMinutes(6), t.minusMinutes(5));
        event(T2, "SIGNED", WY, t.minusMinutes(4));
        store(kase(T3, "PETITION", "物业费纠纷", party("王五", "13700137000"), ADDRESS, Parts.RiskLevel.YELLOW,
                List.of("R02 金额较大"), CaseStatus.RESOLVED, ZF), t.minusHours(2), t.minusHours(2));
        event(T3, "SIGNED", ZF, t.minusHours(2).plusSeconds(30));
        event(T3, "ARRIVED", ZF, t.minusHours(2).plusMinutes(5));
        event(T3, "RESOLVED", ZF, t.minusHours(1));
        store(kase(T4, "HOTLINE12345", "讨薪聚集", party("赵六", "13800138000"), "杭州市滨江区长河路1号", Parts.RiskLevel.RED,
                List.of("R01 群体性：人数≥10"), CaseStatus.CLOSED, ZF), t.minusHours(3), t.minusHours(3));
        event(T4, "SIGNED", ZF, t.minusHours(3).plusSeconds(20));
        event(T4, "CLOSED", ZF, t.minusHours(1));
        store(kase(T5, "ODR", "工地纠纷情绪激动", party("钱七", "13600136000"), "杭州市滨江区滨盛路8号", Parts.RiskLevel.RED,
                List.of("R05 极端情绪"), CaseStatus.RECEIVED, WY), t.minusMinutes(1), null);
        store(kase(Y1, "HOTLINE12345", "噪音扰民", party("李四", LI_SI), "杭州市滨江区江南大道200号", Parts.RiskLevel.GREEN,
                List.of(), CaseStatus.UNRESOLVED, WY), t.minusDays(1), t.minusDays(1));
        event(Y1, "SIGNED", WY, t.minusDays(1).plusSeconds(40));
        event(Y1, "UNRESOLVED", WY, t.minusDays(1).plusHours(1));
        store(kase(O1, "HOTLINE12345", "旧事", party("李四", LI_SI), ADDRESS, Parts.RiskLevel.GREEN, List.of(),
                CaseStatus.CLOSED, WY), t.minusDays(40), null);
    }

    private void store(CanonicalCase c, OffsetDateTime received, OffsetDateTime sentAt) {
        cases.insert(c, received);
        links.saveKeys(c.caseId(), keys.of(c), received);
        if (sentAt != null) {
            cases.insertDispatch(c.caseId(), 1, c.assignment().deptCode(), "http", received);
            cases.markDispatched(c.caseId(), 1, sentAt);
            clocks.start(c.caseId(), 1, c.assignment().deptCode(), new Assignment.Deadlines(sentAt.plusMinutes(1),
                    sentAt.plusMinutes(10), sentAt.plusMinutes(30), sentAt.plusHours(24)));
        }
    }

    private void event(String caseId, String status, String dept, OffsetDateTime at) {
        CaseStatus s = CaseStatus.valueOf(status);
        cases.insertEvent(new StatusEvent(caseId + ":" + status, caseId, s, at, new StatusEvent.Actor(dept, "值班员"),
                null, "DEPARTMENT"), null, Transition.ALLOWED, at);
        clocks.meet(caseId, 1, s, at);
    }

    private static Party party(String name, String phone) {
        return Party.reporter(name, phone);
    }

    private static CanonicalCase kase(String id, String system, String title, Party reporter, String address,
                                      Parts.RiskLevel risk, List<String> reasons, CaseStatus status, String dept) {
        return new CanonicalCase(id, CanonicalCase.SCHEMA_VERSION, new CaseSource(system, "SRC-" + id, "test", NOW, null),
                NOW, title, title, new Category("求助纠纷类", "C0203", "物业管理", "X", "物业"), null, List.of(reporter), 1,
                BigDecimal.ZERO, new Location(address, "330108", null, null, null), "一般", new Risk(risk, reasons), null,
                new Assignment(dept, null, 1, null), status);
    }
}
