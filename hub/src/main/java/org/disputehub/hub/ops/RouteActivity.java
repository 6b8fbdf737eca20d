package org.disputehub.hub.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.ExchangeHelper;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.canonical.connector.InboundRejectedException;
import org.springframework.stereotype.Component;

/**
 * Watches every exchange of every route (a Camel event notifier): counts it in {@code hub.messages{stage,
 * connector, route, outcome}} — outcome received / accepted / dispatched / applied / relayed / sent (passed),
 * rejected (a push refused with a specific error), parked (on its DLQ), failed, retried (one redelivery) — times
 * the passed ones in {@code hub.stage.duration}, and keeps each connector's {@link ConnectorState} for health
 * and alerts.
 */
@Component
public class RouteActivity extends EventNotifierSupport {

    private final MeterRegistry meters;
    private final Clock clock;
    private final PollOutcomes polls;
    private final Map<String, ConnectorState> connectors = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RouteActivity(MeterRegistry meters, Clock clock, PollOutcomes polls) {
        this.meters = meters;
        this.clock = clock;
        this.polls = polls;
        for (String c : RouteRole.CONNECTORS) {
            connectors.put(c, new ConnectorState(clock.instant()));
        }
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    public ConnectorState state(String connector) {
        return connectors.get(connector);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent || event instanceof ExchangeFailedEvent
                || event instanceof ExchangeRedeliveryEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        String routeId = exchange.getFromRouteId();
        if (routeId == null) {
            return;
        }
        RouteRole role = RouteRole.of(routeId);
        ConnectorState state = connectors.get(role.connector());
        if (event instanceof ExchangeRedeliveryEvent) {
            count(role, routeId, "retried");
            if (state != null) {
                state.failure(routeId, clock.instant(), describe(cause(exchange)));
            }
            return;
        }
        boolean handled = ExchangeHelper.isFailureHandled(exchange);
        Throwable cause = exchange.isFailed() || handled ? cause(exchange) : null;
        String outcome;
        String pollError = exchange.isFailed() || handled ? null : polls.lastCycleError(routeId).orElse(null);
        if (exchange.isFailed()) {
            outcome = "failed";
        } else if (pollError != null) {
            outcome = "failed";
            cause = new IllegalStateException(pollError);
        } else if (!handled) {
            outcome = role.okOutcome();
        } else if (cause instanceof InboundRejectedException) {
            outcome = "rejected";
        } else {
            outcome = exchange.getMessage().getHeader(HubHeaders.PARK_REASON) != null ? "parked" : "failed";
        }
        count(role, routeId, outcome);
        boolean passed = cause == null || outcome.equals("rejected"); // a refused push is the sender's error
        if (passed) {
            timer(role, routeId).record(Duration.ofMillis(Math.max(0, exchange.getClock().elapsed())));
        }
        if (state != null) {
            if (passed) {
                state.success(routeId, clock.instant());
            } else {
                state.failure(routeId, clock.instant(), pollError != null ? Masking.text(pollError) : describe(cause));
            }
        }
    }

    private void count(RouteRole role, String routeId, String outcome) {
        counters.computeIfAbsent(routeId + "|" + outcome, k -> Counter.builder("hub.messages")
                .description("messages through a hub stage or connector route, by outcome")
                .tags("stage", role.stage(), "connector", role.connector(), "route", routeId, "outcome", outcome)
                .register(meters)).increment();
    }

    private Timer timer(RouteRole role, String routeId) {
        return timers.computeIfAbsent(routeId, k -> Timer.builder("hub.stage.duration")
                .description("time a message spent in a stage or connector route")
                .tags("stage", role.stage(), "connector", role.connector(), "route", routeId)
                .register(meters));
    }

    private static Throwable cause(Exchange exchange) {
        Throwable t = exchange.getException();
        if (t == null) {
            t = exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT, Throwable.class);
        }
        return t;
    }

    private static String describe(Throwable t) {
        if (t == null) {
            return "unknown";
        }
        String text = t.getClass().getSimpleName() + ": " + Masking.text(String.valueOf(t.getMessage()));
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
