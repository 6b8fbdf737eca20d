package org.disputehub.hub.dispatch;

import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.store.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a department accepted a message of the {@code http} or {@code jms} channel. A notice (UPDATE, WITHDRAW) is
 * recorded in the audit log and that is all. An order becomes the case's DISPATCHED status event (the body) and
 * the {@link Delivered delivery} to record with it (exchange property {@link #DELIVERED}: the order as sent, for the
 * audit log); route {@code hub-dispatched} ({@link #CONFIRM}) records both and applies the event in one
 * transaction. The event id is derived from the dispatch, so a redelivered order yields the same, idempotent event.
 */
@Component("dispatchRecorder")
public class DispatchRecorder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("hub.dispatch");
    /** Header: whether the route emits the DISPATCHED event (orders) or not (notices). */
    public static final String EMIT = "hubEmitStatus";
    /** Exchange property: the {@link Delivered} order of the DISPATCHED event in the body. */
    public static final String DELIVERED = "hubDispatchDelivered";
    /**
     * Where every department channel's DISPATCHED event goes in the hub: route {@code hub-dispatched}. (The
     * connectors' channels name it through {@code {{hub.endpoints.dispatched}}}.)
     */
    public static final String CONFIRM = "direct:hub-dispatched";

    /** An order a department accepted: its dispatch, to be marked delivered, and the audit record of what was sent. */
    public record Delivered(String caseId, int dispatchNo, AuditRecord sent) {
    }

    private final AuditLog audit;
    private final DepartmentRegistry departments;

    public DispatchRecorder(AuditLog audit, DepartmentRegistry departments) {
        this.audit = audit;
        this.departments = departments;
    }

    @Override
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
        exchange.setProperty(DELIVERED, new Delivered(caseId, dispatchNo, new AuditRecord("DEPT:" + dept.code(),
                AuditRecord.Direction.OUT, caseId + ":" + dispatchNo, "application/json",
                exchange.getMessage().getBody(String.class), AuditRecord.Outcome.SENT, null, now)));
        LOG.info("case {} dispatched to {} (dispatch {})", caseId, dept.code(), dispatchNo);
        exchange.getMessage().setBody(new StatusEvent(StatusEvent.dispatchedId(caseId, dispatchNo), caseId, CaseStatus.DISPATCHED,
                now, new StatusEvent.Actor(dept.code(), dept.name()), "已派发至" + dept.name(), "HUB"));
        exchange.getMessage().setHeader(HubHeaders.GROUP_ID, caseId);
    }
}
