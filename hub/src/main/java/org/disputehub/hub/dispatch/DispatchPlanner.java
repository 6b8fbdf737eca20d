package org.disputehub.hub.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.Assignment;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Parts.RiskLevel;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.mapping.MappingTables;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.sla.SlaClocks;
import org.disputehub.hub.store.CaseStore;
import org.disputehub.hub.support.Outbound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Decides who handles a case and hands it over: the department by the routing table (never one that returned
 * the case; the duty centre once it was returned too often), the SLA deadlines by the SLA table, the dispatch
 * record and its clocks, and the order (or a later notice) on the department's queue.
 */
@Service
public class DispatchPlanner {

    /** Header on a department message that is not a new order: UPDATE or WITHDRAW. */
    public static final String NOTICE = "hubNotice";
    public static final String NOTICE_ID = "hubNoticeId";

    private final MappingService mappings;
    private final DepartmentRegistry departments;
    private final CaseStore cases;
    private final SlaClocks clocks;
    private final String dispatchPrefix;
    private final int maxReturns;

    public DispatchPlanner(MappingService mappings, DepartmentRegistry departments, CaseStore cases, SlaClocks clocks,
                           @Value("${hub.queues.dispatch-prefix}") String dispatchPrefix,
                           @Value("${hub.lifecycle.max-returns:2}") int maxReturns) {
        this.mappings = mappings;
        this.departments = departments;
        this.cases = cases;
        this.clocks = clocks;
        this.dispatchPrefix = dispatchPrefix;
        this.maxReturns = maxReturns;
    }

    /** The assignment of a case's next dispatch, avoiding departments that returned it. */
    public Assignment assign(CanonicalCase c, int dispatchNo, Set<String> returnedBy, OffsetDateTime now) {
        MappingTables tables = mappings.current();
        String code = c.category().code();
        List<String> candidates = tables.candidates(code, c.location().regionCode(), c.location().gridCode()).stream()
                .filter(d -> !returnedBy.contains(d)).toList();
        String deptCode = returnedBy.size() >= maxReturns || candidates.isEmpty() ? tables.dutyCentre() : candidates.get(0);
        Department dept = departments.get(deptCode);
        return new Assignment(dept.code(), dept.name(), dispatchNo, tables.deadlines(code, c.urgency(), now));
    }

    /** Records the dispatch of an assigned case and starts its SLA clocks (in the caller's transaction). */
    public void record(CanonicalCase c, OffsetDateTime now) {
        Assignment a = c.assignment();
        cases.insertDispatch(c.caseId(), a.dispatchNo(), a.deptCode(), departments.get(a.deptCode()).channel(), now);
        clocks.start(c.caseId(), a.dispatchNo(), a.deptCode(), a.deadlines());
    }

    /** The dispatch order for the assigned department's queue. */
    public Outbound order(CanonicalCase c) {
        boolean red = c.risk() != null && c.risk().level() == RiskLevel.RED;
        return Outbound.forCase(dispatchPrefix + c.assignment().deptCode(), c.caseId(), Json.write(c))
                .with("deptCode", c.assignment().deptCode())
                .with("dispatchNo", c.assignment().dispatchNo())
                .with("JMSPriority", red ? 9 : 4); // a RED case goes ahead of the department's queue
    }

    /** A notice about a dispatched case (new information, withdrawal) for the department that has it. */
    public Outbound notice(CanonicalCase c, String notice, String noticeId) {
        return order(c).with(NOTICE, notice).with(NOTICE_ID, noticeId);
    }
}
