package org.disputehub.hub.demo;

import java.time.Duration;
import org.disputehub.connector.odr.OdrProperties;
import org.disputehub.fixtures.odr.OdrSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The ODR platform of the demo: the simulator of test-fixtures files a signed dispute on the hub's webhook every
 * {@code hub.demo.odr-dispute-every} (consumer disputes in 330108 come back to ODR as mediations through the
 * {@code 330108-TJ-ODR} department; the others go to the demo departments), serves the OAuth2 token, the status
 * PUTs and the mediation POSTs on {@code hub.demo.odr-port}, and sends the outcome of each mediation
 * {@code hub.demo.odr-mediation-takes} later, so a case handed to mediation closes its loop.
 * On with the demo and the ODR connector; it starts after the web server (default phase).
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.odr.enabled"}, havingValue = "true")
class OdrDemo implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger("hub.demo");

    private final int port;
    private final Duration disputeEvery;
    private final Duration mediationTakes;
    private final String webhookUrl;
    private final String webhookSecret;
    private final String clientId;
    private final String clientSecret;
    private volatile OdrSimulator simulator;

    OdrDemo(@Value("${hub.demo.odr-port}") int port,
            @Value("${hub.demo.odr-dispute-every}") Duration disputeEvery,
            @Value("${hub.demo.odr-mediation-takes}") Duration mediationTakes,
            @Value("${hub.public-url}") String publicUrl,
            OdrProperties odr) {
        this.port = port;
        this.disputeEvery = disputeEvery;
        this.mediationTakes = mediationTakes;
        this.webhookUrl = publicUrl.replaceAll("/+$", "") + "/api/inbound/odr";
        this.webhookSecret = odr.getWebhookSecrets().get(0);
        this.clientId = odr.getClientId();
        this.clientSecret = odr.getClientSecret();
    }

    @Override
    public void start() {
        try {
            simulator = OdrSimulator.start(port, webhookUrl, webhookSecret, clientId, clientSecret, disputeEvery,
                    mediationTakes);
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo ODR simulator could not start (port " + port + " free?)", e);
        }
        LOG.info("demo: ODR simulator files a dispute on {} every {}, serves token/status/mediations on :{} and"
                + " concludes each mediation after {}", webhookUrl, disputeEvery, port, mediationTakes);
    }

    @Override
    public void stop() {
        OdrSimulator running = simulator;
        simulator = null;
        if (running != null) {
            LOG.info("demo: ODR simulator stopped after {} webhooks taken by the hub", running.delivered());
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return simulator != null;
    }
}
