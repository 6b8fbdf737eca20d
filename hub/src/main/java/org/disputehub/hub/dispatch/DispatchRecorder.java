package org.disputehub.hub.dispatch;

import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.AuditLog;
import org.disputehub.hub.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a department accepted a dispatch: records it (and the order as sent, in the audit log) and turns
 * the message into the DISPATCHED status event of the case. The event id is derived from the dispatch,
 * so a redelivered dispatch message yields the same, idempotent event.
 */
@Component("dispatchRecorder")
public class DispatchRecorder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("hub.dispatch");
    /** Header: whether the route emits the DISPATCHED event (orders) or not (notices). */
    public static final String EMIT = "hubEmitStatus";

    private final CaseStore cases;
    private final AuditLog audit;
    private final DepartmentRegistry departments;

    public DispatchRecorder(CaseStore cases, AuditLog audit, DepartmentRegistry departments) {
        this.cases = cases;
        this.audit = audit;
        this.departments = departments;
    }

    @Override
    @Transactional
    public void process(Exchange exchange) {
        String caseId = exchange.getMessage().getHeader(HubHeaders.CASE_ID, String.class);
        int dispatchNo = exchange.getMessage().getHeader(DispatchHttpSender.DISPATCH_NO, Integer.class);
        Department dept = departments.get(exchange.getMessage().getHeader(DispatchHttpSender.DEPT_CODE, String.class));
        OffsetDateTime now = OffsetDateTime.now();
        String notice = exchange.getMessage().getHeader(DispatchPlanner.NOTICE, String.class);
        if (notice != null) {
            audit.append(new AuditRecord("DEPT:" + dept.code(), AuditRecord.Direction.OUT,
                    caseId + ":" + dispatchNo + ":" + notice, "application/json",
                    exchange.getMessage().getBody(String.class), AuditRecord.Outcome.SENT, notice, now));
            LOG.info("case {}: {} notice delivered to {}", caseId, notice, dept.code());
            exchange.getMessage().setHeader(EMIT, false);
            return;
        }
        exchange.getMessage().setHeader(EMIT, true);
        if (cases.markDispatched(caseId, dispatchNo, now)) {
            audit.append(new AuditRecord("DEPT:" + dept.code(), AuditRecord.Direction.OUT, caseId + ":" + dispatchNo,
                    "application/json", exchange.getMessage().getBody(String.class), AuditRecord.Outcome.SENT, null, now));
        }
        LOG.info("case {} dispatched to {} (dispatch {})", caseId, dept.code(), dispatchNo);
        StatusEvent event = new StatusEvent(caseId + ":dispatched:" + dispatchNo, caseId, CaseStatus.DISPATCHED, now,
                new StatusEvent.Actor(dept.code(), dept.name()), "已派发至" + dept.name(), "HUB");
        exchange.getMessage().setBody(Json.write(event));
        exchange.getMessage().setHeader(HubHeaders.GROUP_ID, caseId);
    }
}
