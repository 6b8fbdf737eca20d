package org.disputehub.faults;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** Browses every {@code DLQ.*} queue of the broker (the hub's parking places and the broker's own DLQ.BROKER). */
final class DeadLetters {

    /** One parked message: the queue it is on, where it came from and why. */
    record Parked(String queue, String from, String reason, String body) {
        @Override
        public String toString() {
            return queue + " (from " + from + "): " + reason + " — " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }
    }

    private DeadLetters() {
    }

    /**
     * The one kind of parked message these scenarios produce by design: Zhengding duty staff reporting on a case its
     * origin withdrew meanwhile (hub-status-in refuses the transition from WITHDRAWN and parks it with that reason).
     */
    static boolean expected(Parked p) {
        // a report that comes after its case was withdrawn or closed (an ODR mediation result after the department
        // closed the case, say) is refused by the state machine and parked for review with that reason
        return "DLQ.HUB.STATUS.IN".equals(p.queue()) && p.reason() != null
                && (p.reason().contains("transition not allowed: WITHDRAWN -> ")
                || p.reason().contains("transition not allowed: CLOSED -> "));
    }

    static List<String> queueNames(String brokerUrl) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession()) {
            session.start();
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
                ClientMessage request = session.createMessage(false);
                ManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "getQueueNames");
                ClientMessage reply = requestor.request(request, 10_000);
                if (reply == null) {
                    throw new IllegalStateException("the broker did not answer the queue-names request within 10 s");
                }
                Object[] names = (Object[]) ManagementHelper.getResult(reply);
                List<String> out = new ArrayList<>();
                for (Object name : names) {
                    out.add(String.valueOf(name));
                }
                return out;
            }
        }
    }

    /** Messages on (and being delivered from) every non-empty queue: what is still waiting, and where. */
    static List<String> depths(String brokerUrl) throws Exception {
        List<String> out = new ArrayList<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(brokerUrl);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession()) {
            session.start();
            try (ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
                for (String queue : queueNames(brokerUrl)) {
                    if (queue.startsWith("activemq.")) { // the broker's own management reply queues
                        continue;
                    }
                    Object[] counts = new Object[2];
                    String[] attributes = {"messageCount", "deliveringCount"};
                    for (int i = 0; i < 2; i++) {
                        ClientMessage request = session.createMessage(false);
                        ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attributes[i]);
                        ClientMessage reply = requestor.request(request, 10_000);
                        // a failed request (the queue went away meanwhile, say) answers with its error text
                        counts[i] = reply == null ? "no reply" : ManagementHelper.hasOperationSucceeded(reply)
                                ? ManagementHelper.getResult(reply) : "error " + ManagementHelper.getResult(reply);
                    }
                    boolean empty = "0".equals(String.valueOf(counts[0])) && "0".equals(String.valueOf(counts[1]));
                    if (!empty) {
                        String line = queue + ": " + counts[0] + " messages, " + counts[1] + " being delivered";
                        if (!"0".equals(String.valueOf(counts[1]))) { // who holds them: the consumers and their connections
                            ClientMessage request = session.createMessage(false);
                            ManagementHelper.putOperationInvocation(request, ResourceNames.QUEUE + queue, "listConsumersAsJSON");
                            ClientMessage reply = requestor.request(request, 10_000);
                            line += "; consumers " + (reply == null ? "no reply" : ManagementHelper.getResult(reply));
                        }
                        out.add(line);
                    }
                }
            }
        }
        return out;
    }

    static List<Parked> browse(String brokerUrl) throws Exception {
        List<Parked> parked = new ArrayList<>();
        try (ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(brokerUrl);
             Connection connection = cf.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String queue : queueNames(brokerUrl)) {
                if (!queue.startsWith("DLQ.")) {
                    continue;
                }
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        Message m = (Message) messages.nextElement();
                        String body = m instanceof TextMessage text ? text.getText() : m.getClass().getSimpleName();
                        parked.add(new Parked(queue, m.getStringProperty("HubParkedFrom"), m.getStringProperty("HubParkReason"),
                                body == null ? "" : body));
                    }
                }
            }
        }
        return parked;
    }
}
