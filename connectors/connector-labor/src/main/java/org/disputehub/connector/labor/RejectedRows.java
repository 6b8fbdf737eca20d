package org.disputehub.connector.labor;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code {error}/{batch}.rejected.csv}: every bad row of a batch with its line number and reason (UTF-8, RFC 4180,
 * header {@code line,reason,raw}). Written to a {@code .part} file as rows come and renamed when the batch is done,
 * so a half-written list is never mistaken for the final one; a resumed batch writes it again from the first row.
 */
final class RejectedRows implements Closeable {

    static final String SUFFIX = ".rejected.csv";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader("line", "reason", "raw").get();

    private final Path target;
    private final Path part;
    private CSVPrinter printer;
    private long count;

    RejectedRows(Path errorDir, String batch) {
        this.target = errorDir.resolve(batch + SUFFIX);
        this.part = errorDir.resolve(batch + SUFFIX + ".part");
    }

    void add(long line, String reason, String raw) {
        try {
            if (printer == null) {
                printer = new CSVPrinter(Files.newBufferedWriter(part, StandardCharsets.UTF_8), FORMAT);
            }
            printer.printRecord(line, reason, inert(raw));
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab or CR first) gets a
     * leading apostrophe: the list is opened by people, and a hostile row must not become a live formula there.
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    long count() {
        return count;
    }

    /** Closes the list and puts it in place (or removes a stale one when the batch had no bad row). */
    Path publish() {
        close();
        try {
            if (count == 0) {
                Files.deleteIfExists(part);
                return null;
            }
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target, e);
        }
    }

    @Override
    public void close() {
        if (printer != null) {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part, e);
            } finally {
                printer = null;
            }
        }
    }
}
