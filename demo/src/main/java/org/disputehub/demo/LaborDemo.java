package org.disputehub.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.disputehub.fixtures.labor.LaborSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The labor-inspection system of the demo: the simulator of test-fixtures drops a small GBK batch (three complaints,
 * one bad row and, from the second batch on, an update) with its {@code .ok} marker into the connector's inbox every
 * {@code hub.demo.labor-batch-every}, and takes the hub's progress posts on {@code hub.demo.labor-port}, checking the
 * API key. On with the demo and the labor connector.
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.labor.enabled"}, havingValue = "true")
class LaborDemo extends DemoSimulator<LaborSimulator> {

    private final int port;
    private final Duration every;
    private final Path inbox;
    private final String apiKey;

    LaborDemo(@Value("${hub.demo.labor-port}") int port,
              @Value("${hub.demo.labor-batch-every}") Duration every,
              @Value("${hub.connectors.labor.inbox}") String inbox,
              @Value("${hub.connectors.labor.api-key}") String apiKey) {
        super("labor simulator", port);
        this.port = port;
        this.every = every;
        this.inbox = Path.of(inbox);
        this.apiKey = apiKey;
    }

    @Override
    protected LaborSimulator open() {
        LaborSimulator simulator = LaborSimulator.start(port, inbox, apiKey, every);
        LOG.info("demo: labor simulator drops a GBK batch into {} every {}, takes progress posts on :{}", inbox, every, port);
        return simulator;
    }

    @Override
    protected void close(LaborSimulator simulator) {
        LOG.info("demo: labor simulator stopped after {} batches", simulator.batchesDropped());
        simulator.stop();
    }
}
