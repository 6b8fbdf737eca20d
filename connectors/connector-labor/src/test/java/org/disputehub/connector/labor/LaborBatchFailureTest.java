package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.ProducerTemplate;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.disputehub.canonical.connector.IntakePublisher;
import org.disputehub.canonical.model.CaseEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Unreadable batches go to error/ whole; a batch interrupted half-way resumes after its watermark. */
class LaborBatchFailureTest extends LaborContextTest {

    static final String BATCH = "LDJC_20261122150000";

    @Autowired
    ProducerTemplate producer;
    @Autowired
    ComplaintMapper mapper;
    @Autowired
    BatchFiles files;
    @Autowired
    PlatformTransactionManager transactions;

    ConnectorMetrics metrics;
    TransactionTemplate transaction;

    @org.junit.jupiter.api.BeforeEach
    void transactions() {
        transaction = new TransactionTemplate(transactions);
        metrics = new ConnectorMetrics(meters, Labor.CONNECTOR);
    }

    @Test
    void aUtf8FileWithAByteOrderMarkAndARunawayRowAreRefusedToo() throws Exception {
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(Samples.bytes("hostile/utf8-batch.csv"));
        Files.write(INBOX.resolve(BATCH + ".csv"), bom.toByteArray());
        Samples.marker(INBOX.resolve(BATCH + ".csv"));
        String runaway = BatchRowsTestData.header() + BatchRowsTestData.row(1) + "LD9,2026-11-22 10:00,张三,,,某公司,,1,,其他,330108,地址,\""
                + "很长".repeat(40_000) + "\r\n";
        Files.write(INBOX.resolve("LDJC_20261122150001.csv"), runaway.getBytes(Labor.GBK));
        Samples.marker(INBOX.resolve("LDJC_20261122150001.csv"));

        List<BatchResult> results = scanner.scan();

        assertThat(results).extracting(BatchResult::reason).containsExactly(
                "the file is UTF-8 (with a byte-order mark), not GBK: the labor system must export its batches in GBK",
                "line 3: a row longer than 65536 characters (an unclosed quote?)");
        assertThat(drain(INTAKE)).isEmpty();
    }

    @Test
    void aBatchInterruptedHalfWayResumesAfterItsWatermarkAndNoRowIsTakenTwiceOrSkipped() throws Exception {
        Samples.drop(INBOX, "mixed-batch.csv", BATCH);
        // the broker fails on the third envelope (line 11): rows up to line 10 are handled, the batch stays
        BatchScanner crashing = new BatchScanner(files, new BatchProcessor(mapper, store, new FailingPublisher(producer, 3),
                files, metrics, transaction), metrics);
        double failed = count("hub.connector.labor.batches", "outcome", "failed");

        assertThat(crashing.scan()).isEmpty();

        assertThat(count("hub.connector.labor.batches", "outcome", "failed") - failed).isEqualTo(1);
        assertThat(names(INBOX)).containsExactly(BATCH + ".csv", BATCH + ".csv.ok");
        assertThat(store.watermark("labor:" + BATCH)).contains("10");
        assertThat(names(ERROR)).as("no final list yet").containsExactly(BATCH + ".rejected.csv.part");

        // restarted: a new processor with a working broker
        BatchProcessor restarted = new BatchProcessor(mapper, store, new IntakePublisher(producer, Labor.SYSTEM), files, metrics, transaction);
        BatchResult resumed = new BatchScanner(files, restarted, metrics).scan().get(0);

        assertThat(resumed.outcome()).isEqualTo(BatchResult.Outcome.DONE);
        assertThat(resumed.resumedAfter()).isEqualTo(10);
        assertThat(resumed.earlier()).isEqualTo(2);
        assertThat(resumed.created()).isEqualTo(2);
        assertThat(drain(INTAKE).stream().map(m -> Json.read(LaborBatchTest.textOf(m), CaseEnvelope.class).sourceId()))
                .as("each good row exactly once over both runs")
                .containsExactly("LD20261122000201", "LD20261122000203", "LD20261122000209", "LD20261122000211");
        assertThat(drain(AUDIT).stream().map(m -> Json.read(LaborBatchTest.textOf(m), AuditRecord.class).ref()))
                .as("each bad row audited exactly once over both runs")
                .containsExactly(BATCH + ":3", BATCH + ":6", BATCH + ":7", BATCH + ":8", BATCH + ":9", BATCH + ":10",
                        BATCH + ":12");
        assertThat(names(DONE)).containsExactly(BATCH + ".csv", BATCH + ".csv.ok");
        assertThat(names(ERROR)).containsExactly(BATCH + ".rejected.csv");
        assertThat(Files.readAllLines(ERROR.resolve(BATCH + ".rejected.csv"))).hasSize(8);
    }

    @Test
    void aFailingBatchHoldsBackTheLaterOnes() throws Exception {
        Samples.drop(INBOX, "mixed-batch.csv", BATCH);
        Samples.drop(INBOX, "valid-batch.csv", "LDJC_20261122160000");
        BatchScanner crashing = new BatchScanner(files, new BatchProcessor(mapper, store, new FailingPublisher(producer, 1),
                files, metrics, transaction), metrics);

        assertThat(crashing.scan()).isEmpty();

        assertThat(drain(INTAKE)).isEmpty();
        assertThat(store.watermark("labor:LDJC_20261122160000")).as("the later batch was not started").isEmpty();
        assertThat(scanner.scan()).extracting(BatchResult::batch).containsExactly(BATCH, "LDJC_20261122160000");
    }

    /** A publisher whose broker fails at the n-th envelope (nothing is sent then). */
    static final class FailingPublisher extends IntakePublisher {
        private final AtomicInteger sent = new AtomicInteger();
        private final int failAt;

        FailingPublisher(ProducerTemplate producer, int failAt) {
            super(producer, Labor.SYSTEM);
            this.failAt = failAt;
        }

        @Override
        public void envelope(CaseEnvelope envelope) {
            envelopes(List.of(envelope));
        }

        @Override
        public void envelopes(List<CaseEnvelope> envelopes) {
            // one transaction: the chunk that holds the n-th envelope is not sent at all
            if (sent.get() < failAt && sent.addAndGet(envelopes.size()) >= failAt) {
                throw new IllegalStateException("broker unavailable (simulated)");
            }
            super.envelopes(envelopes);
        }
    }
}
