package org.disputehub.connector.alarm110;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.springframework.jms.support.converter.MessageConverter;

/**
 * How route {@code alarm110-intake} reads a JMS body: a TextMessage's text, a BytesMessage's bytes, nothing
 * for a message without a body, and for any other type (ObjectMessage, MapMessage, StreamMessage) only
 * {@link NonTextBody} naming the type. An ObjectMessage is never deserialised: a serialised object from the
 * queue could run a gadget chain the moment it is read.
 */
public class AlarmJmsBodies implements MessageConverter {

    /** The bean name the route's endpoint refers to. */
    public static final String BEAN = "alarm110JmsBodies";

    /** The body of a message type the contract does not use; its content is not read. */
    public record NonTextBody(String jmsType) {
        @Override
        public String toString() {
            return "(a " + jmsType + ", not read)";
        }
    }

    @Override
    public Object fromMessage(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] out = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(out);
            return out;
        }
        if (message instanceof ObjectMessage) {
            return new NonTextBody("ObjectMessage");
        }
        if (message instanceof MapMessage) {
            return new NonTextBody("MapMessage");
        }
        if (message instanceof StreamMessage) {
            return new NonTextBody("StreamMessage");
        }
        return null;
    }

    /**
     * Sending is Spring's plain conversion: being the only {@code MessageConverter} bean, this one is also picked up
     * by the application's JmsTemplate, which must keep sending text, bytes and maps as usual.
     */
    @Override
    public Message toMessage(Object object, Session session) throws JMSException {
        return SENDING.toMessage(object, session);
    }

    private static final org.springframework.jms.support.converter.SimpleMessageConverter SENDING =
            new org.springframework.jms.support.converter.SimpleMessageConverter();
}
