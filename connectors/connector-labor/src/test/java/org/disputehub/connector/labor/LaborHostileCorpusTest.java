package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.ServiceStatus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.disputehub.canonical.codec.Json;
import org.disputehub.canonical.connector.AuditRecord;
import org.disputehub.canonical.model.CaseEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code fixtures/labor/samples/hostile/expected.csv}) through the real interface: each
 * batch is dropped into the inbox with its marker, beside a valid batch, for the scan the route {@code labor-batch}
 * runs. Each ends as the manifest says — a row listed in the rejected file and audited, a file or marker moved to
 * error/ with its reason and audited, a file without marker left alone — the scan never hangs or stops, and the
 * valid batch's complaint reaches the intake queue exactly once.
 */
class LaborHostileCorpusTest extends LaborContextTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String HOSTILE = "LDJC_20261122100000";
    private static final String VALID = "LDJC_20261122100100";

    /** One line of the manifest. */
    record Hostile(String file, String category, String outcome, String where, String reason) {
        String generated() {
            return file.startsWith("generated:") ? file.substring("generated:".length()) : null;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static List<Hostile> corpus() {
        List<Hostile> out = new ArrayList<>();
        for (String line : new String(Samples.bytes("hostile/expected.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file,")) {
                continue;
            }
            String[] f = line.strip().split(",", 5);
            out.add(new Hostile(f[0], f[1], f[2], f[3], f[4]));
        }
        return out;
    }

    @Test
    void theCorpusHasAtLeastFiftyDistinctInputs() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(corpus()).extracting(Hostile::file).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileBatchEndsAsTheManifestSaysAndTheValidBatchBesideItFlows(Hostile input) throws Exception {
        String validNo = String.format("LD2026112288%04d", corpus().indexOf(input));
        String batch = drop(input, HOSTILE);
        drop(VALID, validNo);

        List<BatchResult> results = assertTimeoutPreemptively(BOUND, () -> scanner.scan(), "a scan never hangs");

        List<CaseEnvelope> envelopes = envelopes();
        List<String> sourceIds = envelopes.stream().map(CaseEnvelope::sourceId).toList();
        assertThat(names(DONE)).as("the valid batch is done").contains(VALID + ".csv", VALID + ".csv.ok");
        switch (input.outcome()) {
            case "ROW_REJECTED" -> {
                assertThat(names(DONE)).contains(batch + ".csv", batch + ".csv.ok");
                List<CSVRecord> rejected = rejected(batch);
                assertThat(rejected).hasSize(1);
                assertThat(rejected.get(0).get("line")).isEqualTo("2");
                assertThat(rejected.get(0).get("reason")).contains(named(input)).contains(input.reason());
                assertThat(rejected.get(0).get("raw")).as("never a live formula").doesNotStartWith("=");
                AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
                assertThat(audit.ref()).isEqualTo(batch + ":2");
                assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
                assertThat(audit.reason()).startsWith("line 2: ").contains(named(input)).contains(input.reason());
                assertThat(sourceIds).containsExactly(validNo);
            }
            case "FILE_REFUSED" -> {
                assertThat(names(ERROR)).contains(batch + ".csv", batch + ".csv.ok", batch + ".error.txt");
                assertThat(Files.readString(ERROR.resolve(batch + ".error.txt"), StandardCharsets.UTF_8)).contains(input.reason());
                AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
                assertThat(audit.ref()).isEqualTo(batch + ".csv");
                assertThat(audit.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED);
                assertThat(audit.reason()).startsWith("batch refused: ").contains(input.reason());
                assertThat(results).filteredOn(r -> r.batch().equals(batch)).singleElement()
                        .satisfies(r -> assertThat(r.outcome()).isEqualTo(BatchResult.Outcome.ERROR));
                assertThat(sourceIds).containsExactly(validNo);
            }
            case "MARKER_REFUSED" -> {
                assertThat(names(ERROR)).contains(batch + ".csv.ok", batch + ".error.txt");
                assertThat(Files.readString(ERROR.resolve(batch + ".error.txt"), StandardCharsets.UTF_8)).contains(input.reason());
                AuditRecord audit = Json.read(text(next(AUDIT)), AuditRecord.class);
                assertThat(audit.ref()).isEqualTo(batch + ".csv.ok");
                assertThat(audit.reason()).startsWith("marker refused: ").contains(input.reason());
                assertThat(sourceIds).containsExactly(validNo);
            }
            case "WAITS" -> {
                assertThat(names(INBOX)).containsExactly(batch + ".csv");
                assertThat(store.watermark(Labor.watermarkName(batch))).isEmpty();
                assertThat(sourceIds).containsExactly(validNo);
            }
            case "ACCEPTED" -> {
                assertThat(sourceIds).hasSize(2).contains(validNo);
                CaseEnvelope hostile = envelopes.stream().filter(e -> !e.sourceId().equals(validNo)).findFirst().orElseThrow();
                assertThat(hostile.caseData().description()).as("carried verbatim").contains(input.reason());
                assertThat(hostile.raw().body()).contains(input.reason().replace("\"", "\"\""));
            }
            default -> throw new IllegalArgumentException(input.outcome());
        }
        assertThat(drain(AUDIT)).as("one record per refusal").isEmpty();
        assertThat(drain(INTAKE)).isEmpty();
    }

    /** Every row-level batch of the corpus, each followed by a valid batch, through the real route's timer. */
    @Test
    void theRealRouteTakesEveryValidComplaintOnceWhileTheRowCorpusIsDropped() throws Exception {
        List<Hostile> rows = corpus().stream().filter(h -> h.outcome().equals("ROW_REJECTED") || h.outcome().equals("ACCEPTED")).toList();
        Set<String> validNos = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            drop(rows.get(i), String.format("LDJC_20261122%02d%02d00", 10 + i / 60, i % 60));
            String validNo = String.format("LD2026112287%04d", i);
            validNos.add(validNo);
            drop(String.format("LDJC_20261122%02d%02d30", 10 + i / 60, i % 60), validNo);
        }
        long refused = rows.stream().filter(h -> h.outcome().equals("ROW_REJECTED")).count();

        camel.getRouteController().startRoute(LaborBatchRoute.ROUTE_ID);
        List<String> sourceIds = new ArrayList<>();
        List<AuditRecord> audits = new ArrayList<>();
        await().atMost(BOUND.multipliedBy(3)).until(() -> {
            envelopes().forEach(e -> sourceIds.add(e.sourceId()));
            for (var m : drain(AUDIT)) {
                audits.add(Json.read(text(m), AuditRecord.class));
            }
            return names(INBOX).isEmpty() && audits.size() >= refused && sourceIds.size() >= validNos.size() + rows.size() - refused;
        });

        assertThat(sourceIds.stream().filter(validNos::contains).toList()).as("each valid complaint exactly once")
                .containsExactlyInAnyOrderElementsOf(validNos);
        assertThat(sourceIds).hasSize((int) (validNos.size() + rows.size() - refused));
        assertThat(audits).hasSize((int) refused).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(AuditRecord.Outcome.REJECTED));
        assertThat(names(DONE)).hasSize(4 * rows.size());
        assertThat(camel.getRouteController().getRouteStatus(LaborBatchRoute.ROUTE_ID)).isEqualTo(ServiceStatus.Started);
    }

    /** How a row refusal names what is wrong: the column, or nothing extra for the row as a whole. */
    private static String named(Hostile input) {
        return input.where().equals("row") ? "" : input.where() + ": ";
    }

    /** Drops the input as batch {@code batch} (or under the name the input is about); returns the batch name. */
    private static String drop(Hostile input, String batch) throws IOException {
        String generated = input.generated();
        if (generated == null) {
            Samples.drop(INBOX, "hostile/" + input.file(), batch);
            return batch;
        }
        switch (generated) {
            case "row-too-long" -> {
                String runaway = BatchRowsTestData.header() + "LD9,2026-11-22 10:00,张三,,,某公司,,1,,其他,330108,地址,\""
                        + "很长".repeat(40_000) + "\r\n";
                Samples.marker(Files.write(INBOX.resolve(batch + ".csv"), runaway.getBytes(Labor.GBK)));
                return batch;
            }
            case "name-invalid-time", "name-13-digits" -> {
                String odd = generated.equals("name-invalid-time") ? "LDJC_20261399999999" : "LDJC_2026112210000";
                Samples.drop(INBOX, "valid-batch.csv", odd);
                return odd;
            }
            case "marker-without-file" -> {
                Samples.marker(INBOX.resolve(batch + ".csv"));
                return batch;
            }
            case "file-without-marker" -> {
                Samples.dropWithoutMarker(INBOX, "valid-batch.csv", batch);
                return batch;
            }
            default -> throw new IllegalArgumentException(generated);
        }
    }

    /** A valid batch of one complaint. */
    private static void drop(String batch, String complaintNo) throws IOException {
        String csv = BatchRowsTestData.header() + complaintNo
                + ",2026-11-22 09:00,王小明,13800138001,,杭州恒达建筑劳务有限公司,,3,24600.00,欠薪,330108,杭州市滨江区东冠路88号,拖欠工资\r\n";
        Samples.marker(Files.write(INBOX.resolve(batch + ".csv"), csv.getBytes(Labor.GBK)));
    }

    private static List<CSVRecord> rejected(String batch) throws IOException {
        try (Reader in = new StringReader(Files.readString(ERROR.resolve(batch + RejectedRows.SUFFIX), StandardCharsets.UTF_8))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
