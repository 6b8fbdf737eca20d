package org.disputehub.connector.hotline12345;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.locks.ReentrantLock;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.ConnectorStore;
import org.disputehub.connector.hotline12345.Hotline12345Client.WorkOrderPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll cycle of the hotline (route {@code hotline12345-poll}): from the stored watermark (inclusive),
 * page by page until a page is short, each record through {@link WorkOrderIntake}. Reply codes per
 * contract: 4001 stops the cycle, raises an alert and pauses polling; 4290 pauses polling (doubling
 * while it repeats); 5000, HTTP errors and timeouts are retried next cycle. Cycles never overlap.
 */
public class Hotline12345Poller {

    /** The watermark's name in the connector store. */
    public static final String WATERMARK = Hotline12345.CONNECTOR;
    static final int MAX_PAGES_PER_CYCLE = 1000;
    private static final Logger log = LoggerFactory.getLogger(Hotline12345Poller.class);

    private final Hotline12345Client client;
    private final WorkOrderIntake intake;
    private final ConnectorStore store;
    private final Hotline12345PollState state;
    private final ConnectorMetrics metrics;
    private final Hotline12345Properties properties;
    private final Clock clock;
    private final ReentrantLock cycle = new ReentrantLock();

    public Hotline12345Poller(Hotline12345Client client, WorkOrderIntake intake, ConnectorStore store,
                              Hotline12345PollState state, ConnectorMetrics metrics,
                              Hotline12345Properties properties, Clock clock) {
        this.client = client;
        this.intake = intake;
        this.store = store;
        this.state = state;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs one cycle unless one is running or polling is paused. Never throws: failures go to the state and the log. */
    public void poll() {
        if (!cycle.tryLock()) {
            log.debug("hotline12345 poll cycle still running, this tick skipped");
            return;
        }
        try {
            Instant started = clock.instant();
            if (state.pausedAt(started)) {
                log.debug("hotline12345 polling paused until {}", state.pausedUntil().orElse(null));
                return;
            }
            int records = cycle();
            state.succeeded(clock.instant());
            metrics.pollCycle(Duration.between(started, clock.instant()));
            log.debug("hotline12345 poll cycle done, {} record(s)", records);
        } catch (Hotline12345CallException e) {
            failed(e);
        } catch (RuntimeException e) {
            state.failed(clock.instant(), e.toString());
            metrics.pollError("internal");
            log.warn("hotline12345 poll cycle failed, retrying next cycle: {}", Masking.text(e.toString()));
        } finally {
            cycle.unlock();
        }
    }

    private int cycle() {
        Watermark watermark = store.watermark(WATERMARK).map(Watermark::parse)
                .orElseGet(() -> Watermark.start(properties.getInitialSince()));
        OffsetDateTime since = watermark.time(); // fixed for the whole cycle: the pages are of one listing
        int records = 0;
        for (int pageNo = 1; pageNo <= MAX_PAGES_PER_CYCLE; pageNo++) {
            WorkOrderPage page = client.fetchPage(since, pageNo);
            for (JsonNode record : page.records()) {
                watermark = intake.accept(record, watermark);
                records++;
            }
            if (page.records().size() < client.pageSize()) {
                return records;
            }
        }
        log.warn("hotline12345 stopped after {} full pages; the next cycle goes on from the watermark", MAX_PAGES_PER_CYCLE);
        return records;
    }

    private void failed(Hotline12345CallException e) {
        Instant now = clock.instant();
        switch (e.failure()) {
            case SIGNATURE_REJECTED -> {
                Duration pause = state.backOff(now, e.getMessage(), properties.getRateLimitBackoff());
                metrics.pollError("signature");
                log.error("ALERT hotline12345: the platform rejected our signature (code 4001): check "
                        + "hub.connectors.hotline12345.app-key and app-secret and this host's clock; polling paused for {}", pause);
            }
            case RATE_LIMITED -> {
                Duration pause = state.backOff(now, e.getMessage(), properties.getRateLimitBackoff());
                metrics.pollError("rate-limited");
                log.warn("hotline12345 rate limited (code 4290), polling paused for {}", pause);
            }
            default -> {
                state.failed(now, e.getMessage());
                metrics.pollError(switch (e.failure()) {
                    case SERVER_ERROR, HTTP_STATUS -> "server";
                    case UNAVAILABLE -> "unavailable";
                    default -> "bad-reply";
                });
                log.warn("hotline12345 poll failed, retrying next cycle: {}", Masking.text(e.getMessage()));
            }
        }
    }
}
