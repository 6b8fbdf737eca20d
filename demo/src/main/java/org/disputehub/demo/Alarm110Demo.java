package org.disputehub.demo;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import org.disputehub.fixtures.alarm110.Alarm110Simulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The 110 platform of the demo: the simulator of test-fixtures publishes a linkage incident (and now and then a
 * withdrawal) on the connector's queue of the hub's own broker every {@code hub.demo.alarm110-every}, and takes
 * the hub's {@code <FKXX>} feedback on {@code hub.demo.alarm110-port}. On with the demo and the 110 connector.
 */
@Component
@ConditionalOnProperty(name = {"hub.demo.enabled", "hub.connectors.alarm110.enabled"}, havingValue = "true")
class Alarm110Demo extends DemoSimulator<Alarm110Simulator> {

    private final ConnectionFactory connectionFactory;
    private final int port;
    private final Duration every;
    private final String queue;
    private final String apiKey;

    Alarm110Demo(ConnectionFactory connectionFactory,
                 @Value("${hub.demo.alarm110-port}") int port,
                 @Value("${hub.demo.alarm110-every}") Duration every,
                 @Value("${hub.connectors.alarm110.queue:JCJ.LDJQ.OUT}") String queue,
                 @Value("${hub.connectors.alarm110.api-key}") String apiKey) {
        super("110 simulator", port);
        this.connectionFactory = connectionFactory;
        this.port = port;
        this.every = every;
        this.queue = queue;
        this.apiKey = apiKey;
    }

    @Override
    protected Alarm110Simulator open() {
        Alarm110Simulator simulator = Alarm110Simulator.start(port, apiKey, connectionFactory, queue, every);
        LOG.info("demo: 110 simulator puts an alarm on {} every {}, takes feedback on :{}", queue, every, port);
        return simulator;
    }

    @Override
    protected void close(Alarm110Simulator simulator) {
        simulator.close();
    }
}
