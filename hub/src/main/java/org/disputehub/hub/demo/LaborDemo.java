package org.disputehub.hub.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.disputehub.fixtures.labor.LaborSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The labor-inspection system of the demo: the simulator of test-fixtures drops a small GBK batch (three complaints,
 * one bad row and, from the second batch on, an update) with its {@code .ok} marker into the connector's inbox every
 * {@code hub.demo.labor-batch-every}, and takes the hub's progress posts on {@code hub.demo.labor-port}, checking the
 * API key. On with the demo and the labor connector.
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.labor.enabled"}, havingValue = "true")
class LaborDemo implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger("hub.demo");

    private final int port;
    private final Duration every;
    private final Path inbox;
    private final String apiKey;
    private volatile LaborSimulator simulator;

    LaborDemo(@Value("${hub.demo.labor-port}") int port,
              @Value("${hub.demo.labor-batch-every}") Duration every,
              @Value("${hub.connectors.labor.inbox}") String inbox,
              @Value("${hub.connectors.labor.api-key}") String apiKey) {
        this.port = port;
        this.every = every;
        this.inbox = Path.of(inbox);
        this.apiKey = apiKey;
    }

    @Override
    public void start() {
        try {
            simulator = LaborSimulator.start(port, inbox, apiKey, every);
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo labor simulator could not start (port " + port + " free?)", e);
        }
        LOG.info("demo: labor simulator drops a GBK batch into {} every {}, takes progress posts on :{}", inbox, every, port);
    }

    @Override
    public void stop() {
        LaborSimulator running = simulator;
        simulator = null;
        if (running != null) {
            LOG.info("demo: labor simulator stopped after {} batches", running.batchesDropped());
            running.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return simulator != null;
    }
}
