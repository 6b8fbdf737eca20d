package org.disputehub.hub.intake;

import java.util.List;
import java.util.Optional;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.model.CanonicalCase;
import org.disputehub.canonical.model.Notification;
import org.disputehub.canonical.model.Parts.RiskLevel;
import org.disputehub.hub.support.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A RED case alerts the duty leaders at once through Zhengding (once per case: the dedupe key is the case id). */
@Component
class RiskAlerts {

    private static final Logger LOG = LoggerFactory.getLogger("hub.risk");

    private final List<String> dutyLeaders;
    private final String notifyQueue;
    private final String publicUrl;

    RiskAlerts(@Value("${hub.duty-leader-user-ids:}") List<String> dutyLeaders,
               @Value("${hub.queues.notify}") String notifyQueue, @Value("${hub.public-url}") String publicUrl) {
        this.dutyLeaders = dutyLeaders;
        this.notifyQueue = notifyQueue;
        this.publicUrl = publicUrl;
    }

    Optional<Outbound> onRisk(CanonicalCase c) {
        if (c.risk() == null || c.risk().level() != RiskLevel.RED) {
            return Optional.empty();
        }
        LOG.warn("case {} is RED: {}", c.caseId(), c.risk().reasons());
        if (dutyLeaders.isEmpty()) {
            return Optional.empty();
        }
        String place = c.location().address() == null ? c.location().regionCode() : c.location().address();
        Notification n = new Notification(c.caseId() + ":red", c.caseId(), dutyLeaders,
                "【红色预警】" + (c.category().name() == null ? "" : c.category().name()) + " · " + c.caseId(),
                "**案件** " + c.caseId() + "\n\n**风险** 红 — " + String.join("；", c.risk().reasons())
                        + "\n\n**地点** " + place + "\n\n**承办单位** "
                        + (c.assignment() == null ? "待派" : c.assignment().deptName()),
                "立即查看", publicUrl + "/m/cases/" + c.caseId());
        return Optional.of(Outbound.forCase(notifyQueue, c.caseId(), Json.write(n)));
    }
}
