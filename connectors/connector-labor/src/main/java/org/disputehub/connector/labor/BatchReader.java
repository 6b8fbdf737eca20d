package org.disputehub.connector.labor;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of one batch file: GBK decoded strictly ({@link GbkReader}), RFC 4180 parsed (quoted commas,
 * quotes and line breaks), the header checked exactly, blank lines skipped. Only one row and two 8 KiB buffers are
 * held at a time; {@link #maxReadAhead()} says how far the reading ever got ahead of the row handed out.
 * Anything that makes the file unreadable as a whole is an {@link UnreadableBatchException}; a failing disk is
 * an {@link UncheckedIOException} (worth retrying).
 */
final class BatchReader implements Closeable {

    /** The longest row accepted, in characters. */
    static final int ROW_LIMIT = 64 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF8_HEADER = Labor.HEADER.get(0).getBytes(StandardCharsets.UTF_8);

    private final GbkReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesDone;
    private long maxReadAhead;

    BatchReader(InputStream in) {
        this.reader = new GbkReader(in, ROW_LIMIT);
        try {
            this.parser = FORMAT.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
        try {
            checkHeader();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens a batch file; a UTF-8 file is refused at once with that reason. */
    static BatchReader open(Path file) {
        try {
            refuseUtf8(file);
            return new BatchReader(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The next row, or null at the end of the file. */
    BatchRow next() {
        while (true) {
            long line = linesDone + 1;
            CSVRecord record = nextRecord(line);
            if (record == null) {
                return null;
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            return new BatchRow(line, record.toList());
        }
    }

    /** The most characters ever read beyond the start of the row being handed out. */
    long maxReadAhead() {
        return maxReadAhead;
    }

    private CSVRecord nextRecord(long line) {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesDone = parser.getCurrentLineNumber();
            maxReadAhead = Math.max(maxReadAhead, reader.charsRead() - record.getCharacterPosition());
            reader.rowEnded();
            return record;
        } catch (UncheckedIOException e) {
            throw unreadable(line, e);
        }
    }

    private void checkHeader() {
        CSVRecord header = nextRecord(1);
        if (header == null) {
            throw new UnreadableBatchException("the file is empty: no header line");
        }
        List<String> found = header.toList();
        if (!found.equals(Labor.HEADER)) {
            boolean reordered = found.size() == Labor.HEADER.size() && new HashSet<>(found).equals(new HashSet<>(Labor.HEADER));
            throw new UnreadableBatchException(reordered ? "the header has the right columns in the wrong order" : "wrong header",
                    "expected " + String.join(",", Labor.HEADER) + " but found " + clip(String.join(",", found)));
        }
    }

    private static UnreadableBatchException unreadable(long line, UncheckedIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof GbkReader.Undecodable || cause instanceof CSVException) {
            return new UnreadableBatchException(cause.getMessage());
        }
        if (cause instanceof GbkReader.RowTooLong) {
            return new UnreadableBatchException("line " + line + ": " + cause.getMessage());
        }
        throw e;
    }

    private static void refuseUtf8(Path file) throws IOException {
        byte[] head = new byte[UTF8_BOM.length + UTF8_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        boolean bom = n >= UTF8_BOM.length && Arrays.equals(head, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length);
        int from = bom ? UTF8_BOM.length : 0;
        if (bom || n - from >= UTF8_HEADER.length
                && Arrays.equals(head, from, from + UTF8_HEADER.length, UTF8_HEADER, 0, UTF8_HEADER.length)) {
            throw new UnreadableBatchException("the file is UTF-8" + (bom ? " (with a byte-order mark)" : "")
                    + ", not GBK: the labor system must export its batches in GBK");
        }
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
