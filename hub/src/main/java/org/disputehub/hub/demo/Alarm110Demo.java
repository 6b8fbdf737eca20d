package org.disputehub.hub.demo;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import org.disputehub.fixtures.alarm110.Alarm110Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The 110 platform of the demo: the simulator of test-fixtures publishes a linkage incident (and now and then a
 * withdrawal) on the connector's queue of the hub's own broker every {@code hub.demo.alarm110-every}, and takes
 * the hub's {@code <FKXX>} feedback on {@code hub.demo.alarm110-port}. On with the demo and the 110 connector.
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.alarm110.enabled"}, havingValue = "true")
class Alarm110Demo implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger("hub.demo");

    private final ConnectionFactory connectionFactory;
    private final int port;
    private final Duration every;
    private final String queue;
    private final String apiKey;
    private volatile Alarm110Simulator simulator;

    Alarm110Demo(ConnectionFactory connectionFactory,
                 @Value("${hub.demo.alarm110-port}") int port,
                 @Value("${hub.demo.alarm110-every}") Duration every,
                 @Value("${hub.connectors.alarm110.queue:JCJ.LDJQ.OUT}") String queue,
                 @Value("${hub.connectors.alarm110.api-key}") String apiKey) {
        this.connectionFactory = connectionFactory;
        this.port = port;
        this.every = every;
        this.queue = queue;
        this.apiKey = apiKey;
    }

    @Override
    public void start() {
        try {
            simulator = Alarm110Simulator.start(port, apiKey, connectionFactory, queue, every);
        } catch (RuntimeException e) {
            throw new IllegalStateException("demo 110 simulator could not start (port " + port + " free?)", e);
        }
        LOG.info("demo: 110 simulator puts an alarm on {} every {}, takes feedback on :{}", queue, every, port);
    }

    @Override
    public void stop() {
        Alarm110Simulator running = simulator;
        simulator = null;
        if (running != null) {
            running.close();
        }
    }

    /** Also on a start-up that fails after this bean started (Spring then destroys beans without stopping them). */
    @Override
    public void destroy() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return simulator != null;
    }
}
