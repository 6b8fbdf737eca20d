package org.disputehub.connector.labor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.disputehub.canonical.codec.Masking;
import org.disputehub.canonical.connector.ConnectorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan of the inbox (route {@code labor-batch}): every complete batch, oldest first, through the
 * {@link BatchProcessor}. A batch that fails (the broker or the disk) stays in the inbox with its marker and its
 * watermark, and the scan stops there, so later batches wait instead of overtaking it; the next scan resumes it.
 * Scans never overlap. Never throws: failures go to the log and the metrics. After the batches, a marker whose batch
 * file is nowhere is refused (audited, moved to error/).
 */
public class BatchScanner {

    private static final Logger log = LoggerFactory.getLogger(BatchScanner.class);

    private final BatchFiles files;
    private final BatchProcessor processor;
    private final ConnectorMetrics metrics;
    private final ReentrantLock scanning = new ReentrantLock();

    public BatchScanner(BatchFiles files, BatchProcessor processor, ConnectorMetrics metrics) {
        this.files = files;
        this.processor = processor;
        this.metrics = metrics;
    }

    /** Processes the ready batches until one fails or {@code stop} says so; returns what became of each. */
    public List<BatchResult> scan(BooleanSupplier stop) {
        if (!scanning.tryLock()) {
            log.debug("labor inbox scan still running, this tick skipped");
            return List.of();
        }
        try {
            List<BatchResult> results = new ArrayList<>();
            for (Path csv : ready()) {
                if (stop.getAsBoolean()) {
                    break;
                }
                try {
                    BatchResult result = processor.process(csv, stop);
                    results.add(result);
                    if (result.outcome() == BatchResult.Outcome.PAUSED) {
                        break;
                    }
                } catch (RuntimeException e) {
                    Labor.batch(metrics, "failed");
                    log.warn("labor batch {} interrupted, it stays in the inbox and resumes after its watermark on the "
                            + "next scan: {}", BatchFiles.batchName(csv), Masking.text(String.valueOf(e)));
                    break;
                }
            }
            for (Path marker : orphanMarkers()) {
                if (stop.getAsBoolean()) {
                    break;
                }
                try {
                    results.add(processor.refuseMarker(marker));
                } catch (RuntimeException e) {
                    log.warn("labor marker {} could not be refused, retrying next scan: {}", marker.getFileName(), e.toString());
                }
            }
            return results;
        } finally {
            scanning.unlock();
        }
    }

    private List<Path> orphanMarkers() {
        try {
            return files.orphanMarkers();
        } catch (IOException e) {
            log.warn("labor inbox {} cannot be listed, retrying next scan: {}", files.inbox(), e.toString());
            return List.of();
        }
    }

    public List<BatchResult> scan() {
        return scan(() -> false);
    }

    private List<Path> ready() {
        try {
            return files.ready();
        } catch (IOException | RuntimeException e) {
            log.warn("labor inbox {} cannot be listed, retrying next scan: {}", files.inbox(), e.toString());
            return List.of();
        }
    }
}
