package org.disputehub.hub.ops;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.jms.JmsEndpoint;
import org.apache.camel.StartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The stage queues (every queue a hub route consumes) and their dead-letter queues {@code DLQ.{queue}}. Once Camel
 * has started, each stage's DLQ is created on the embedded broker, durable and empty, so Hawtio shows it before anything was
 * parked (an external broker must declare them, see the README). Depths come from the embedded broker directly,
 * or by browsing the queue on an external one (bounded by {@code hub.ops.browse-limit}).
 */
@Component
public class BrokerQueues implements StartupListener {

    private static final Logger LOG = LoggerFactory.getLogger("hub.ops");

    private final CamelContext camel;
    private final ConnectionFactory connectionFactory;
    private final ObjectProvider<EmbeddedActiveMQ> embedded;
    private final String dlqPrefix;
    private final int browseLimit;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public BrokerQueues(CamelContext camel, ConnectionFactory connectionFactory, ObjectProvider<EmbeddedActiveMQ> embedded,
                        @Value("${hub.queues.dlq-prefix}") String dlqPrefix,
                        @Value("${hub.ops.browse-limit:10000}") int browseLimit) {
        this.camel = camel;
        this.connectionFactory = connectionFactory;
        this.embedded = embedded;
        this.dlqPrefix = dlqPrefix;
        this.browseLimit = browseLimit;
        try {
            camel.addStartupListener(this);
        } catch (Exception e) {
            throw new IllegalStateException("cannot watch the Camel start-up", e);
        }
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        // the routes (and so the stage queues) are known here: called during the start before any consumer starts,
        // at once when this listener is added to a context that has already started, and again whenever a route is
        // started later (the leader's singletons, a resumed connector): only DLQs not yet created are created
        createDlqs();
    }

    void createDlqs() {
        ActiveMQServer server = server();
        List<String> dlqs = stageQueues().stream().map(this::dlq).filter(q -> !created.contains(q)).toList();
        if (dlqs.isEmpty()) {
            return;
        }
        if (server == null) {
            LOG.info("external broker: the DLQs {} must be declared there (durable, anycast)", dlqs);
            created.addAll(dlqs);
            return;
        }
        for (String dlq : dlqs) {
            try {
                server.createQueue(QueueConfiguration.of(dlq).setRoutingType(RoutingType.ANYCAST).setDurable(true)
                        .setAutoCreateAddress(true), true);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the dead-letter queue " + dlq, e);
            }
            created.add(dlq);
        }
        LOG.info("{} dead-letter queues present: {}", dlqs.size(), dlqs);
    }

    /** The queues hub routes consume, sorted: HUB.INTAKE, HUB.DISPATCH.{dept}, HUB.RELAY.{SYSTEM}, JCJ.LDJQ.OUT, … */
    public List<String> stageQueues() {
        TreeSet<String> queues = new TreeSet<>();
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof JmsEndpoint jms && !jms.isPubSubDomain()) {
                queues.add(jms.getDestinationName());
            }
        }
        return new ArrayList<>(queues);
    }

    public String dlq(String queue) {
        return dlqPrefix + queue;
    }

    public String dlqPrefix() {
        return dlqPrefix;
    }

    /** The number of messages on a queue (0 when it does not exist). */
    public long depth(String queue) {
        ActiveMQServer server = server();
        if (server != null) {
            Queue q = server.locateQueue(SimpleString.of(queue));
            return q == null ? 0 : q.getMessageCount();
        }
        try (jakarta.jms.Connection c = connectionFactory.createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = s.createBrowser(s.createQueue(queue))) {
            c.start();
            long n = 0;
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && n < browseLimit; e.nextElement()) {
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
    }

    private ActiveMQServer server() {
        EmbeddedActiveMQ e = embedded.getIfAvailable();
        return e == null ? null : e.getActiveMQServer();
    }
}
