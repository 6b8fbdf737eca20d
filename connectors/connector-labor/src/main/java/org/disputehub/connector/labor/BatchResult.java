package org.disputehub.connector.labor;

/**
 * What became of one batch file. {@code rows} and {@code rejected} cover the whole file; {@code created},
 * {@code updated} and {@code unchanged} the rows handled in this run; {@code earlier} the good rows taken in before
 * a restart ({@code resumedAfter} is the watermark the run started from). {@code maxReadAhead} is how many characters the
 * reader ever held beyond the row it handed out: the proof that a batch is streamed, not loaded.
 */
public record BatchResult(String batch, Outcome outcome, long rows, long created, long updated, long unchanged,
                          long rejected, long earlier, long resumedAfter, long maxReadAhead, String reason) {

    public enum Outcome {
        /** Every row handled; the file and its marker are in done/. */
        DONE,
        /** The file could not be read as a whole; it, its marker and {batch}.error.txt are in error/. */
        ERROR,
        /** The connector is stopping: the batch stays in the inbox and resumes after its watermark. */
        PAUSED
    }

    /** Rows that went to the hub as NEW or UPDATE in this run. */
    public long accepted() {
        return created + updated;
    }

    BatchResult withReason(String why) {
        return new BatchResult(batch, outcome, rows, created, updated, unchanged, rejected, earlier, resumedAfter,
                maxReadAhead, why);
    }
}
