package org.disputehub.canonical.connector;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The one error policy of every hub and connector route ({@code routeConfigurationId("hub-error-policy")}):
 * a {@link PermanentFailureException} is parked at once; anything else is retried with exponential
 * back-off, then parked. Parking ({@link ParkRoute}) keeps the original message and adds the reason.
 */
public class HubErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "hub-error-policy";

    private final String id;
    private final int maximumRedeliveries;
    private final long redeliveryDelay;
    private final double backOffMultiplier;
    private final long maximumRedeliveryDelay;

    public HubErrorPolicy(int maximumRedeliveries, long redeliveryDelay, double backOffMultiplier,
                          long maximumRedeliveryDelay) {
        this(ID, maximumRedeliveries, redeliveryDelay, backOffMultiplier, maximumRedeliveryDelay);
    }

    /** The same policy under another id, for a stage that needs another retry window. */
    protected HubErrorPolicy(String id, int maximumRedeliveries, long redeliveryDelay, double backOffMultiplier,
                             long maximumRedeliveryDelay) {
        this.id = id;
        this.maximumRedeliveries = maximumRedeliveries;
        this.redeliveryDelay = redeliveryDelay;
        this.backOffMultiplier = backOffMultiplier;
        this.maximumRedeliveryDelay = maximumRedeliveryDelay;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition policy = routeConfiguration(id);
        policy.errorHandler(deadLetterChannel(ParkRoute.URI)
                .useOriginalMessage()
                .maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay(redeliveryDelay)
                .useExponentialBackOff()
                .backOffMultiplier(backOffMultiplier)
                .maximumRedeliveryDelay(maximumRedeliveryDelay)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logger(new MaskingCamelLogger("org.disputehub.error-policy"))
                .logExhaustedMessageBody(false)
                .logExhaustedMessageHistory(false));
        policy.onException(PermanentFailureException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .useOriginalMessage()
                .to(ParkRoute.URI);
    }
}
