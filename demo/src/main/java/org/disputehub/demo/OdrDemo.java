package org.disputehub.demo;

import java.time.Duration;
import org.disputehub.connector.odr.OdrProperties;
import org.disputehub.fixtures.odr.OdrSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
class OdrDemo extends DemoSimulator<OdrSimulator> {

    private final int port;
    private final Duration disputeEvery;
    private final Duration mediationTakes;
    private final String webhookUrl;
    private final String webhookSecret;
    private final String clientId;
    private final String clientSecret;

    OdrDemo(@Value("${hub.demo.odr-port}") int port,
            @Value("${hub.demo.odr-dispute-every}") Duration disputeEvery,
            @Value("${hub.demo.odr-mediation-takes}") Duration mediationTakes,
            @Value("${hub.public-url}") String publicUrl,
            OdrProperties odr) {
        super("ODR simulator", port);
        this.port = port;
        this.disputeEvery = disputeEvery;
        this.mediationTakes = mediationTakes;
        this.webhookUrl = publicUrl.replaceAll("/+$", "") + "/api/inbound/odr";
        this.webhookSecret = odr.getWebhookSecrets().get(0);
        this.clientId = odr.getClientId();
        this.clientSecret = odr.getClientSecret();
    }

    @Override
    protected OdrSimulator open() {
        OdrSimulator simulator = OdrSimulator.start(port, webhookUrl, webhookSecret, clientId, clientSecret, disputeEvery,
                mediationTakes);
        LOG.info("demo: ODR simulator files a dispute on {} every {}, serves token/status/mediations on :{} and"
                + " concludes each mediation after {}", webhookUrl, disputeEvery, port, mediationTakes);
        return simulator;
    }

    @Override
    protected void close(OdrSimulator simulator) {
        LOG.info("demo: ODR simulator stopped after {} webhooks taken by the hub", simulator.delivered());
        simulator.stop();
    }
}
