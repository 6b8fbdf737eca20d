package org.disputehub.canonical.connector;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jms.support.destination.DestinationResolver;
import org.springframework.jms.support.destination.DynamicDestinationResolver;

/**
 * Resolves a queue name to its JMS destination once and keeps it: the Artemis client asks the broker about a queue
 * each time a session creates it, which was one round trip per message sent. JMS destinations are plain values
 * that any session of the same provider may use; topics and temporary destinations are resolved as before.
 */
public final class CachingQueueResolver implements DestinationResolver {

    private final DynamicDestinationResolver dynamic = new DynamicDestinationResolver();
    private final Map<String, Destination> queues = new ConcurrentHashMap<>();

    @Override
    public Destination resolveDestinationName(Session session, String name, boolean pubSubDomain) throws JMSException {
        if (pubSubDomain) {
            return dynamic.resolveDestinationName(session, name, true);
        }
        Destination known = queues.get(name);
        if (known == null) {
            known = dynamic.resolveDestinationName(session, name, false);
            queues.putIfAbsent(name, known);
        }
        return known;
    }
}
