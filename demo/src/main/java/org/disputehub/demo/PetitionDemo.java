package org.disputehub.demo;

import java.time.Duration;
import org.disputehub.fixtures.petition.PetitionSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The petition platform of the demo: the simulator of test-fixtures pushes a signed petition to the hub's own
 * push endpoint every {@code hub.demo.petition-every} (now and then a group, a repeat or a changed petition), and
 * takes the hub's signed {@code <BLZT>} status posts on {@code hub.demo.petition-port}, checking their signatures.
 * On with the demo and the petition connector; it starts after the web server (default phase).
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.petition.enabled"}, havingValue = "true")
class PetitionDemo extends DemoSimulator<PetitionSimulator> {

    private final int port;
    private final Duration every;
    private final String inboundUrl;
    private final String secret;

    PetitionDemo(@Value("${hub.demo.petition-port}") int port,
                 @Value("${hub.demo.petition-every}") Duration every,
                 @Value("${hub.public-url}") String publicUrl,
                 @Value("${hub.connectors.petition.inbound-path:/api/inbound/petition}") String inboundPath,
                 @Value("${hub.connectors.petition.shared-secret}") String secret) {
        super("petition simulator", port);
        this.port = port;
        this.every = every;
        this.inboundUrl = publicUrl.replaceAll("/+$", "") + inboundPath;
        this.secret = secret;
    }

    @Override
    protected PetitionSimulator open() {
        PetitionSimulator simulator = PetitionSimulator.start(port, inboundUrl, secret, every);
        LOG.info("demo: petition simulator pushes a petition to {} every {}, takes BLZT status posts on :{}",
                inboundUrl, every, port);
        return simulator;
    }

    @Override
    protected void close(PetitionSimulator simulator) {
        LOG.info("demo: petition simulator stopped after {} accepted and {} refused pushes", simulator.accepted(),
                simulator.refused());
        simulator.stop();
    }
}
