package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stopping the batch route (an admin pausing the connector, or the hub shutting down) pauses a batch between rows. */
class LaborBatchPauseTest extends LaborContextTest {

    static final String BATCH = "LDJC_20261122170000";
    static final int ROWS = 3000;

    @Test
    void stoppingTheRoutePausesTheBatchBetweenTwoRowsAndTheNextScanResumesIt() throws Exception {
        Path csv = INBOX.resolve(BATCH + ".csv");
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv), Labor.GBK))) {
            out.write(BatchRowsTestData.header());
            for (int i = 0; i < ROWS; i++) {
                out.write(BatchRowsTestData.row(i));
            }
        }
        Samples.marker(csv);

        camel.getRouteController().startRoute(LaborBatchRoute.ROUTE_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.watermark("labor:" + BATCH).map(Long::parseLong).orElse(0L) >= 50);
        camel.getRouteController().stopRoute(LaborBatchRoute.ROUTE_ID);

        long pausedAt = Long.parseLong(store.watermark("labor:" + BATCH).orElseThrow());
        assertThat(pausedAt).as("paused part-way").isLessThan(ROWS + 1);
        assertThat(names(INBOX)).containsExactly(BATCH + ".csv", BATCH + ".csv.ok");

        BatchResult resumed = scanner.scan().get(0);

        assertThat(resumed.outcome()).isEqualTo(BatchResult.Outcome.DONE);
        assertThat(resumed.resumedAfter()).isEqualTo(pausedAt);
        List<String> sent = new ArrayList<>();
        for (Message m : drain(INTAKE)) {
            sent.add(group(m));
        }
        assertThat(sent).as("every good row exactly once, in file order").hasSize(ROWS - ROWS / 1000).doesNotHaveDuplicates();
        assertThat(sent.get(0)).isEqualTo("LABOR:LD000000000000");
        assertThat(sent.get(sent.size() - 1)).as("row 4999 is a bad one").isEqualTo("LABOR:LD" + String.format("%012d", ROWS - 2));
        assertThat(names(DONE)).containsExactly(BATCH + ".csv", BATCH + ".csv.ok");
    }

    private static String group(Message m) {
        try {
            return m.getStringProperty("JMSXGroupID");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
