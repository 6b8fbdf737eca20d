package org.disputehub.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.disputehub.canonical.connector.AuditRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deferred audit chain on the store's own schema (H2, the Flyway migrations): writers only insert, the chainer
 * links what is committed in order, a record committed late is chained after the ones already chained, every record
 * is chained exactly once, and an edit is still found.
 */
class AuditChainTest {

    private ExecutorService pool;
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private AuditLog audit;

    @BeforeEach
    void store() {
        DriverManagerDataSource ds = H2Store.migrated("audit");
        jdbc = new JdbcTemplate(ds);
        transactions = new DataSourceTransactionManager(ds);
        audit = new AuditLog(jdbc, transactions);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aRecordCommittedLateIsChainedAfterTheOnesChainedBeforeAndTheChainVerifies() throws Exception {
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<Long> late = pool.submit(() -> new TransactionTemplate(transactions).execute(s -> {
            long id = audit.append(record("late"));
            stored.countDown();
            await(commit);
            return id;
        }));
        assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
        long early = audit.append(record("early"));

        assertThat(audit.chainPending()).as("only the committed record").isEqualTo(1);
        commit.countDown();
        long lateId = late.get(10, TimeUnit.SECONDS);
        assertThat(lateId).isLessThan(early);
        assertThat(audit.chainPending()).isEqualTo(1);
        assertThat(audit.chainPending()).as("nothing twice").isZero();

        assertThat(chainSeq(early)).isEqualTo(1);
        assertThat(chainSeq(lateId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT prev_hash FROM raw_message WHERE id = ?", String.class, lateId))
                .isEqualTo(jdbc.queryForObject("SELECT hash FROM raw_message WHERE id = ?", String.class, early));
        assertThat(audit.firstBrokenRecord()).isEmpty();

        jdbc.update("UPDATE raw_message SET body = 'edited' WHERE id = ?", early);
        assertThat(audit.firstBrokenRecord()).isEqualTo(Optional.of(early));
    }

    @Test
    void concurrentWritersWhileTheChainerRunsEndWithEveryRecordChainedOnceInOneLine() throws Exception {
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    audit.append(record("w" + writer + "-" + i));
                }
            }));
        }
        Future<?> chainer = pool.submit(() -> {
            while (writers.stream().anyMatch(f -> !f.isDone())) {
                audit.chainPending();
            }
        });
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        chainer.get(60, TimeUnit.SECONDS);

        assertThat(audit.firstBrokenRecord()).as("verify chains the rest, then checks").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message", Integer.class)).isEqualTo(1200);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT chain_seq) FROM raw_message", Integer.class)).isEqualTo(1200);
        assertThat(jdbc.queryForObject("SELECT MAX(chain_seq) FROM raw_message", Long.class)).isEqualTo(1200L);
        assertThat(jdbc.queryForObject("SELECT last_id FROM audit_head WHERE id = 1", Long.class)).isEqualTo(1200L);
    }

    @Test
    void purgeMovesTheAnchorAndWhatRemainsVerifies() {
        for (int i = 0; i < 5; i++) {
            audit.append(record("old-" + i));
        }
        OffsetDateTime cut = OffsetDateTime.now().plusSeconds(1);
        audit.append(new AuditRecord("BENCH", AuditRecord.Direction.IN, "new", "text/plain", "new",
                AuditRecord.Outcome.ACCEPTED, null, cut.plusSeconds(5)));

        assertThat(audit.purgeBefore(cut)).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_message", Integer.class)).isEqualTo(1);
        assertThat(audit.firstBrokenRecord()).isEmpty();
    }

    private Long chainSeq(long id) {
        return jdbc.queryForObject("SELECT chain_seq FROM raw_message WHERE id = ?", Long.class, id);
    }

    private static AuditRecord record(String ref) {
        return new AuditRecord("BENCH", AuditRecord.Direction.IN, ref, "text/plain", "body of " + ref,
                AuditRecord.Outcome.ACCEPTED, null, OffsetDateTime.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
