package org.disputehub.hub.admin;

import java.time.OffsetDateTime;
import java.util.stream.Collectors;
import org.disputehub.hub.mapping.MappingException;
import org.disputehub.hub.mapping.MappingService;
import org.disputehub.hub.ops.DlqReplays;
import org.disputehub.hub.ops.ParkedMessages;
import org.disputehub.hub.ops.ReplayFilter;
import org.disputehub.hub.support.Jmx;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** JMX {@code org.disputehub:type=HubAdmin}: operations an admin runs from Hawtio. */
@Component
class HubAdmin implements HubAdminMBean, DisposableBean {

    static final String OBJECT_NAME = "org.disputehub:type=HubAdmin";

    private final MappingService mappings;
    private final DlqReplays replays;
    private final ParkedMessages parked;

    HubAdmin(MappingService mappings, DlqReplays replays, ParkedMessages parked) {
        this.mappings = mappings;
        this.replays = replays;
        this.parked = parked;
        Jmx.register(this, HubAdminMBean.class, OBJECT_NAME);
    }

    @Override
    public String reloadMappings() {
        try {
            return "reloaded: " + mappings.reload().taxonomySize() + " taxonomy codes";
        } catch (MappingException e) {
            return "refused, the previous tables stay in force: " + e.getMessage();
        }
    }

    @Override
    public String deadLetterQueues() {
        return replays.depths().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public String listParked(String queue) {
        return parked.stageQueue(queue).map(q -> parked.list(q, 100).stream()
                        .map(m -> m.messageId() + " | " + m.parkedAt() + " | " + m.caseId() + " | " + m.size() + " B | " + m.reason())
                        .collect(Collectors.joining("\n")))
                .orElse("no hub route consumes the queue " + queue);
    }

    @Override
    public String replayParked(String queue, String messageId) {
        return parked.stageQueue(queue).map(q -> replays.replayOne(q, messageId, actor()).summary())
                .orElse("no hub route consumes the queue " + queue);
    }

    @Override
    public String replayParkedMatching(String queue, String reasonContains, String parkedAfter, String parkedBefore) {
        ReplayFilter filter;
        try {
            filter = new ReplayFilter(reasonContains, time(parkedBefore), time(parkedAfter));
        } catch (java.time.format.DateTimeParseException e) {
            return "refused: times are ISO-8601 with an offset, e.g. 2026-11-22T10:00:00+08:00 (" + e.getParsedString() + ")";
        }
        return parked.stageQueue(queue).map(q -> replays.replayMatching(q, filter, actor()).summary())
                .orElse("no hub route consumes the queue " + queue);
    }

    private static OffsetDateTime time(String text) {
        return text == null || text.isBlank() ? null : OffsetDateTime.parse(text.trim());
    }

    /** The Hawtio user (Jolokia runs in the request thread), or "jmx" for a plain JMX client. */
    static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "jmx" : a.getName() + " (jmx)";
    }

    @Override
    public void destroy() {
        Jmx.unregister(OBJECT_NAME);
    }
}
