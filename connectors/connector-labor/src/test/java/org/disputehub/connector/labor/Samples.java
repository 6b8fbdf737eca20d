package org.disputehub.connector.labor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The labor fixtures of the test-fixtures module ({@code fixtures/labor/...} on the classpath). */
final class Samples {

    private Samples() {
    }

    static byte[] bytes(String sample) {
        try (InputStream in = Samples.class.getResourceAsStream("/fixtures/labor/samples/" + sample)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + sample);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a sample into {@code dir} as batch {@code batch} ({@code LDJC_…}) and writes its marker; returns the file. */
    static Path drop(Path dir, String sample, String batch) {
        Path csv = dropWithoutMarker(dir, sample, batch);
        marker(csv);
        return csv;
    }

    static Path dropWithoutMarker(Path dir, String sample, String batch) {
        try {
            return Files.write(dir.resolve(batch + ".csv"), bytes(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void marker(Path csv) {
        try {
            Files.write(csv.resolveSibling(csv.getFileName() + ".ok"), new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
