package org.disputehub.connector.labor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector's directories: the inbox, done/ and error/. A batch is ready when its marker is there; ready
 * batches come oldest first (the name carries the export time), so a later batch never overtakes an earlier one.
 * The file moves before its marker: a stop in between leaves only a marker, tidied on the next scan, never a
 * file without marker (which would look incomplete for ever).
 */
public class BatchFiles {

    static final int AUDIT_HEAD = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BatchFiles.class);

    private final Path inbox;
    private final Path doneDir;
    private final Path errorDir;

    public BatchFiles(Path inbox, Path doneDir, Path errorDir) {
        this.inbox = inbox;
        this.doneDir = doneDir;
        this.errorDir = errorDir;
    }

    /** Creates the three directories if needed; start-up fails naming the key of one that cannot be made. */
    public void createDirectories() {
        create(inbox, "inbox");
        create(doneDir, "done-dir");
        create(errorDir, "error-dir");
    }

    /**
     * The complete batches in the inbox, oldest first: every {@code LDJC_*.csv} with its marker (one whose name is not
     * {@code LDJC_{yyyyMMddHHmmss}.csv} is refused when processed, rather than waiting for ever).
     */
    public List<Path> ready() throws IOException {
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(inbox, "LDJC_*")) {
            for (Path p : found) {
                String name = p.getFileName().toString();
                if (name.endsWith(".csv") && Files.isRegularFile(p) && Files.exists(marker(p))) {
                    ready.add(p);
                } else if (name.endsWith(Labor.MARKER_SUFFIX)) {
                    tidy(p);
                }
            }
        }
        ready.sort(null);
        return ready;
    }

    /** Markers in the inbox whose batch file is nowhere: not in the inbox, done/ or error/. */
    public List<Path> orphanMarkers() throws IOException {
        List<Path> orphans = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(inbox, "LDJC_*" + Labor.MARKER_SUFFIX)) {
            for (Path marker : found) {
                Path csv = batchOf(marker);
                if (Files.isRegularFile(marker) && !Files.exists(csv) && !Files.exists(doneDir.resolve(csv.getFileName()))
                        && !Files.exists(errorDir.resolve(csv.getFileName()))) {
                    orphans.add(marker);
                }
            }
        }
        orphans.sort(null);
        return orphans;
    }

    /** Moves a marker without its batch to error/, beside {batch}.error.txt with the reason. */
    public void refuseMarker(Path marker, String reason) {
        String batch = batchName(batchOf(marker));
        try {
            Files.writeString(errorDir.resolve(batch + ".error.txt"), marker.getFileName() + ": " + reason + "\r\n",
                    StandardCharsets.UTF_8);
            Files.move(marker, errorDir.resolve(marker.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + marker.getFileName() + " to " + errorDir, e);
        }
    }

    private static Path batchOf(Path marker) {
        return marker.resolveSibling(marker.getFileName().toString().replaceFirst("\\.ok$", ""));
    }

    /** Moves a processed batch and its marker to done/. */
    public void complete(Path csv) {
        moveWithMarker(csv, doneDir);
    }

    /** Moves an unreadable batch and its marker to error/, beside {batch}.error.txt with the reason. */
    public void refuse(Path csv, String batch, String reason) {
        try {
            Files.writeString(errorDir.resolve(batch + ".error.txt"), csv.getFileName() + ": " + reason + "\r\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reason for " + batch + " to " + errorDir, e);
        }
        moveWithMarker(csv, errorDir);
    }

    /** The start of a file for the audit log, decoded as GBK with U+FFFD for what is not GBK. */
    public String head(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            byte[] bytes = in.readNBytes(AUDIT_HEAD);
            return Labor.GBK.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    public long size(Path csv) {
        try {
            return Files.size(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path errorDir() {
        return errorDir;
    }

    static String batchName(Path csv) {
        String name = csv.getFileName().toString();
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    static Path marker(Path csv) {
        return csv.resolveSibling(csv.getFileName() + Labor.MARKER_SUFFIX);
    }

    private void moveWithMarker(Path csv, Path dir) {
        try {
            Files.move(csv, dir.resolve(csv.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(marker(csv), dir.resolve(marker(csv).getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + csv.getFileName() + " and its marker to " + dir, e);
        }
    }

    /** A marker whose batch was already moved (a stop between the two moves): it follows its batch. */
    private void tidy(Path marker) throws IOException {
        Path csv = marker.resolveSibling(marker.getFileName().toString().replaceFirst("\\.ok$", ""));
        if (Files.exists(csv)) {
            return;
        }
        for (Path dir : List.of(doneDir, errorDir)) {
            if (Files.exists(dir.resolve(csv.getFileName()))) {
                Files.move(marker, dir.resolve(marker.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                log.info("labor marker {} followed its batch to {}", marker.getFileName(), dir);
                return;
            }
        }
    }

    private static void create(Path dir, String key) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException(LaborProperties.PREFIX + "." + key + ": cannot create directory " + dir
                    + ": " + e, e);
        }
    }
}
