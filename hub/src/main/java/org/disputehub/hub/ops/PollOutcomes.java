package org.disputehub.hub.ops;

import java.util.Optional;
import org.disputehub.connector.hotline12345.Hotline12345PollState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * For poll routes whose cycle never throws (the poller records its own failures and tries again next tick), whether the
 * cycle that just ended failed, and why — so that a poll answered with HTTP 500 counts as a failure of its connector.
 */
@Component
public class PollOutcomes {

    private final ObjectProvider<Hotline12345PollState> hotline12345;

    public PollOutcomes(ObjectProvider<Hotline12345PollState> hotline12345) {
        this.hotline12345 = hotline12345;
    }

    /** The error of the last cycle of a poll route, empty when it succeeded or the route is not such a poller. */
    public Optional<String> lastCycleError(String routeId) {
        if ("hotline12345-poll".equals(routeId)) {
            Hotline12345PollState s = hotline12345.getIfAvailable();
            if (s != null && !s.healthy()) {
                return Optional.of(s.lastError().orElse("polling paused"));
            }
        }
        return Optional.empty();
    }
}
