package org.disputehub.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * One simulator of the demo, started with the hub after its web server and stopped before it; also stopped on a
 * start-up that fails after it started (Spring then destroys beans without stopping them), so none outlives the hub.
 *
 * @param <S> the running simulator
 */
abstract class DemoSimulator<S> implements SmartLifecycle, DisposableBean {

    protected static final Logger LOG = LoggerFactory.getLogger("hub.demo");

    private final String name;
    private final int port;
    private volatile S running;

    protected DemoSimulator(String name, int port) {
        this.name = name;
        this.port = port;
    }

    /** Starts the simulator and says what it does. */
    protected abstract S open() throws Exception;

    /** Stops the simulator, saying what it did if that is worth a line. */
    protected abstract void close(S simulator);

    @Override
    public final void start() {
        try {
            running = open();
        } catch (Exception e) {
            throw new IllegalStateException("demo " + name + " could not start (port " + port + " free?)", e);
        }
    }

    @Override
    public final void stop() {
        S simulator = running;
        running = null;
        if (simulator != null) {
            close(simulator);
        }
    }

    @Override
    public final void destroy() {
        stop();
    }

    @Override
    public final boolean isRunning() {
        return running != null;
    }
}
