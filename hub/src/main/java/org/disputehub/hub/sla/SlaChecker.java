package org.disputehub.hub.sla;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CaseStatus;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.StatusEvent;
import org.disputehub.hub.department.Department;
import org.disputehub.hub.department.DepartmentRegistry;
import org.disputehub.hub.support.LogTimes;
import org.disputehub.hub.support.Outbound;
import org.disputehub.hub.support.OutboundSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Finds missed deadlines: each one is escalated once (claimed in the store, so several checkers or instances
 * never escalate it twice) as an ESCALATED status event of the case and a Zhengding work notification to the
 * department's supervisors (template parameter {@code supervisorUserIds}) or, failing those, the duty leaders.
 */
@Service("slaChecker")
public class SlaChecker {

    private static final Logger LOG = LoggerFactory.getLogger("hub.sla");
    private static final String[] KIND_NAMES = {"签收", "到场", "联合处置", "办结回访"};

    private final SlaClocks clocks;
    private final OutboundSender sender;
    private final DepartmentRegistry departments;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String statusQueue;
    private final String notifyQueue;
    private final List<String> dutyLeaders;
    private final int batch;
    private final String publicUrl;
    private final boolean demo;

    public SlaChecker(SlaClocks clocks, OutboundSender sender, DepartmentRegistry departments, Clock clock, MeterRegistry meters,
                      @Value("${hub.queues.status}") String statusQueue, @Value("${hub.queues.notify}") String notifyQueue,
                      @Value("${hub.duty-leader-user-ids:}") List<String> dutyLeaders,
                      @Value("${hub.sla.batch:100}") int batch, @Value("${hub.public-url}") String publicUrl,
                      @Value("${hub.demo.enabled:false}") boolean demo) {
        this.clocks = clocks;
        this.sender = sender;
        this.departments = departments;
        this.clock = clock;
        this.meters = meters;
        this.statusQueue = statusQueue;
        this.notifyQueue = notifyQueue;
        this.dutyLeaders = dutyLeaders;
        this.batch = batch;
        this.publicUrl = publicUrl;
        this.demo = demo;
    }

    /**
     * One pass: for each missed deadline, emit the escalation, then claim it. Emitting first means a stop in
     * between repeats the escalation next pass — harmless, as the event id and the notification's dedupe key
     * are derived from the deadline — and never loses one.
     */
    public int check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int count = 0;
        for (SlaClocks.Due due : clocks.due(now, batch)) {
            List<Outbound> out = new ArrayList<>();
            String what = KIND_NAMES[due.kind().ordinal()] + "超时";
            String eventId = due.caseId() + ":escalated:" + due.dispatchNo() + ":" + due.kind();
            StatusEvent escalated = new StatusEvent(eventId, due.caseId(), CaseStatus.ESCALATED, now,
                    new StatusEvent.Actor(due.deptCode(), null), what + "（时限 " + LogTimes.of(due.dueAt(), clock.getZone()) + "）", "HUB");
            out.add(Outbound.forCase(statusQueue, due.caseId(), Json.write(escalated)));
            List<String> recipients = supervisors(due.deptCode());
            if (!recipients.isEmpty()) {
                Notification n = new Notification(eventId, due.caseId(), recipients, "【超时督办】" + what + " · " + due.caseId(),
                        "**案件** " + due.caseId() + "\n\n**承办单位** " + due.deptCode() + "\n\n**超时环节** " + what
                                + "\n\n**时限** " + LogTimes.of(due.dueAt(), clock.getZone()), "查看并督办", publicUrl + "/m/cases/" + due.caseId());
                out.add(Outbound.forCase(notifyQueue, due.caseId(), Json.write(n)));
            }
            sender.send(out);
            if (!clocks.claimEscalation(due, now)) {
                continue;
            }
            count++;
            meters.counter("hub.sla.escalations", "kind", due.kind().name(), "dept", due.deptCode()).increment();
            // in the demo, departments miss deadlines by design: nothing for a person to do
            String line = "case {} missed its {} deadline ({}) at {}: escalated" + (demo ? " (demo)" : "");
            Object[] args = {due.caseId(), due.kind(), LogTimes.of(due.dueAt(), clock.getZone()), due.deptCode()};
            if (demo) {
                LOG.info(line, args);
            } else {
                LOG.warn(line, args);
            }
        }
        return count;
    }

    private List<String> supervisors(String deptCode) {
        Department d = departments.codes().contains(deptCode) ? departments.get(deptCode) : null;
        String configured = d == null ? null : d.params().get("supervisorUserIds");
        if (configured != null && !configured.isBlank()) {
            return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return dutyLeaders;
    }
}
