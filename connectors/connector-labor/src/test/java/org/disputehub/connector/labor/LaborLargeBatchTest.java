package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A 50 000-row batch (generated here, ~8 MB of GBK, never stored) goes through the real scanner while a listener
 * takes the envelopes off the intake queue. Streaming is shown structurally: the reader never held more than two
 * 8 KiB buffers and one row beyond the row it handed out, for a file about 400 times larger.
 */
class LaborLargeBatchTest extends LaborContextTest {

    static final int ROWS = 50_000;

    @Test
    void fiftyThousandRowsAreStreamedCountedAndEachSentOnce() throws Exception {
        Path csv = INBOX.resolve("LDJC_20261122200000.csv");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv), Labor.GBK))) {
            out.write(BatchRowsTestData.header());
            for (int i = 0; i < ROWS; i++) {
                out.write(BatchRowsTestData.row(i));
            }
        }
        Samples.marker(csv);
        long size = Files.size(csv);
        double read = count("hub.connector.labor.rows", "outcome", "read");
        double accepted = count("hub.connector.labor.rows", "outcome", "accepted");
        double rejected = count("hub.connector.labor.rows", "outcome", "rejected");
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger messages = new AtomicInteger();
        DefaultMessageListenerContainer listener = new DefaultMessageListenerContainer();
        listener.setConnectionFactory(connectionFactory);
        listener.setDestinationName(INTAKE);
        listener.setConcurrentConsumers(2);
        listener.setMessageListener((jakarta.jms.MessageListener) m -> {
            messages.incrementAndGet();
            try {
                received.add(m.getStringProperty("JMSXGroupID")); // LABOR:{投诉编号}
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        listener.afterPropertiesSet();
        listener.start();
        try {
            long started = System.nanoTime();
            BatchResult result = scanner.scan().get(0);
            long took = Duration.ofNanos(System.nanoTime() - started).toMillis();

            assertThat(result.outcome()).isEqualTo(BatchResult.Outcome.DONE);
            assertThat(result.rows()).isEqualTo(ROWS);
            assertThat(result.created()).isEqualTo(ROWS - ROWS / 1000);
            assertThat(result.rejected()).isEqualTo(ROWS / 1000);
            assertThat(size).isGreaterThan(6_000_000);
            assertThat(result.maxReadAhead()).as("characters held beyond the current row, for a file of %d bytes", size)
                    .isLessThanOrEqualTo(2L * GbkReader.BUFFER + 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> messages.get() >= ROWS - ROWS / 1000);
            assertThat(received).hasSize(ROWS - ROWS / 1000);
            assertThat(messages.get()).isEqualTo(ROWS - ROWS / 1000);
            assertThat(count("hub.connector.labor.rows", "outcome", "read") - read).isEqualTo(ROWS);
            assertThat(count("hub.connector.labor.rows", "outcome", "accepted") - accepted).isEqualTo(ROWS - ROWS / 1000);
            assertThat(count("hub.connector.labor.rows", "outcome", "rejected") - rejected).isEqualTo(ROWS / 1000);
            assertThat(drain(AUDIT)).hasSize(ROWS / 1000);
            System.out.printf("labor: %d rows (%d bytes) in %d ms, max read-ahead %d chars%n", ROWS, size, took,
                    result.maxReadAhead());
        } finally {
            listener.shutdown();
        }
    }
}
