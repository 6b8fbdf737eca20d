package org.disputehub.hub.ops;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.disputehub.canonical.connector.HubHeaders;
import org.disputehub.hub.support.ApiJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The messages parked on {@code DLQ.{queue}}: listed without their bodies, and moved back to the queue they were
 * parked from — each in one local JMS transaction (received from the DLQ and sent to its queue, committed together),
 * so a message is moved, never copied. The stages downstream are idempotent, so a replayed message that was already
 * processed changes nothing.
 */
@Service
public class ParkedMessages {

    /** On a replayed message: how often it was replayed, and when last. */
    public static final String REPLAYS = "HubReplays";
    public static final String REPLAYED_AT = "HubReplayedAt";
    private static final Pattern MESSAGE_ID = Pattern.compile("ID:[A-Za-z0-9:._-]{1,200}");

    private final ConnectionFactory connectionFactory;
    private final BrokerQueues queues;
    private final long receiveTimeoutMs;

    public ParkedMessages(ConnectionFactory connectionFactory, BrokerQueues queues,
                          @Value("${hub.ops.replay-receive-timeout-ms:2000}") long receiveTimeoutMs) {
        this.connectionFactory = connectionFactory;
        this.queues = queues;
        this.receiveTimeoutMs = receiveTimeoutMs;
    }

    /** The stage queue a DLQ belongs to, from either its own name or the DLQ's; empty if the hub consumes no such queue. */
    public Optional<String> stageQueue(String name) {
        String q = name.startsWith(queues.dlqPrefix()) ? name.substring(queues.dlqPrefix().length()) : name;
        return queues.stageQueues().contains(q) ? Optional.of(q) : Optional.empty();
    }

    /** Up to {@code limit} parked messages of a stage queue, oldest first. */
    public List<ParkedMessage> list(String queue, int limit) {
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = s.createBrowser(s.createQueue(queues.dlq(queue)))) {
            c.start();
            List<ParkedMessage> out = new ArrayList<>();
            for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && out.size() < limit; ) {
                out.add(describe((Message) e.nextElement()));
            }
            return out;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queues.dlq(queue) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parked messages of every stage's DLQ that name one of the cases (the {@code caseId} header or the id in the
     * body), at most {@code limit}, each with the stage queue it was parked from.
     */
    public List<ParkedMessage> naming(java.util.Collection<String> caseIds, int limit) {
        List<ParkedMessage> out = new ArrayList<>();
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            c.start();
            for (String queue : queues.stageQueues()) {
                try (QueueBrowser browser = s.createBrowser(s.createQueue(queues.dlq(queue)))) {
                    for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && out.size() < limit; ) {
                        Message m = (Message) e.nextElement();
                        if (names(m, caseIds)) {
                            out.add(describe(m));
                        }
                    }
                }
            }
            return out;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse the dead-letter queues: " + e.getMessage(), e);
        }
    }

    private static boolean names(Message m, java.util.Collection<String> caseIds) throws JMSException {
        if (caseIds.contains(m.getStringProperty(HubHeaders.CASE_ID))) {
            return true;
        }
        String body = m instanceof TextMessage t ? t.getText() : null;
        return body != null && caseIds.stream().anyMatch(body::contains);
    }

    /** The parked messages matching the filter (every criterion optional; a blank filter matches all). */
    public List<ParkedMessage> matching(String queue, ReplayFilter filter) {
        return list(queue, Integer.MAX_VALUE).stream().filter(filter::matches).toList();
    }

    /**
     * Moves one parked message back to the queue it was parked from; empty when no such message is parked (any more).
     * Refused (IllegalArgumentException) for a message id that is not a JMS id or a message not parked from a queue.
     */
    public Optional<ParkedMessage> replay(String queue, String messageId) {
        String id = messageId.startsWith("ID:") ? messageId : "ID:" + messageId;
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a JMS message id: " + messageId);
        }
        try (Connection c = connectionFactory.createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = s.createConsumer(s.createQueue(queues.dlq(queue)), "JMSMessageID = '" + id + "'")) {
            c.start();
            Message parked = consumer.receive(receiveTimeoutMs);
            if (parked == null) {
                return Optional.empty();
            }
            ParkedMessage what = describe(parked);
            if (!queue.equals(what.from())) {
                s.rollback();
                throw new IllegalArgumentException("message " + id + " was parked from " + what.from()
                        + ", not from the queue " + queue + ": it cannot be replayed there");
            }
            try (MessageProducer producer = s.createProducer(s.createQueue(queue))) {
                producer.send(copy(s, parked), DeliveryMode.PERSISTENT, parked.getJMSPriority(), 0);
            }
            s.commit();
            return Optional.of(what);
        } catch (JMSException e) {
            throw new IllegalStateException("replay of " + id + " from " + queues.dlq(queue) + " failed, nothing moved: "
                    + e.getMessage(), e);
        }
    }

    /** The message as it goes back: the same body and properties, without the park headers, its replays counted. */
    private static Message copy(Session s, Message parked) throws JMSException {
        Message out;
        if (parked instanceof TextMessage text) {
            out = s.createTextMessage(text.getText());
        } else if (parked instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage b = s.createBytesMessage();
            b.writeBytes(body);
            out = b;
        } else {
            throw new JMSException("unsupported parked message type " + parked.getClass().getSimpleName());
        }
        for (Object o : Collections.list(parked.getPropertyNames())) {
            String name = (String) o;
            if (name.startsWith("HubPark") || name.startsWith("JMSX") || name.startsWith("_AMQ") || name.startsWith("JMS_")) {
                continue;
            }
            out.setObjectProperty(name, parked.getObjectProperty(name));
        }
        String group = parked.getStringProperty(HubHeaders.GROUP_ID);
        if (group != null) {
            out.setStringProperty(HubHeaders.GROUP_ID, group);
        }
        out.setJMSCorrelationID(parked.getJMSCorrelationID());
        out.setJMSType(parked.getJMSType());
        out.setIntProperty(REPLAYS, (parked.propertyExists(REPLAYS) ? parked.getIntProperty(REPLAYS) : 0) + 1);
        out.setStringProperty(REPLAYED_AT, java.time.OffsetDateTime.now().toString());
        return out;
    }

    private static ParkedMessage describe(Message m) throws JMSException {
        long size = m instanceof TextMessage t ? (t.getText() == null ? 0 : t.getText().getBytes(StandardCharsets.UTF_8).length)
                : m instanceof BytesMessage b ? b.getBodyLength() : 0;
        String parkedAt = m.getStringProperty(HubHeaders.PARKED_AT);
        try {
            parkedAt = ApiJson.format(parkedAt == null
                    ? java.time.Instant.ofEpochMilli(m.getJMSTimestamp()).atOffset(java.time.ZoneOffset.UTC)
                    : java.time.OffsetDateTime.parse(parkedAt));
        } catch (java.time.format.DateTimeParseException e) {
            // not a time: shown as it was stamped
        }
        return new ParkedMessage(m.getJMSMessageID(), m.getStringProperty(HubHeaders.PARK_REASON), parkedAt,
                m.getStringProperty(HubHeaders.PARKED_FROM), m.getStringProperty(HubHeaders.CASE_ID), size);
    }
}
