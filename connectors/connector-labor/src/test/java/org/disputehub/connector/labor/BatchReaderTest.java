package org.disputehub.connector.labor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchReaderTest {

    @Test
    void rowsComeWithTheLineTheyStartOnAndQuotedCommasQuotesAndLineBreaksSurvive() {
        List<BatchRow> rows = all(new BatchReader(new ByteArrayInputStream(Samples.bytes("valid-batch.csv"))));

        assertThat(rows).extracting(BatchRow::line).containsExactly(2L, 3L, 4L, 5L, 7L, 8L, 9L);
        assertThat(rows).allSatisfy(r -> assertThat(r.values()).hasSize(13));
        assertThat(rows.get(3).values().get(12)).isEqualTo("在车间操作冲床时右手受伤，单位称\"自己不小心\"，拒绝申报工伤,\r\n要求认定工伤并支付医疗费");
        assertThat(rows.get(3).raw()).as("raw is RFC 4180 again")
                .endsWith(",\"在车间操作冲床时右手受伤，单位称\"\"自己不小心\"\"，拒绝申报工伤,\r\n要求认定工伤并支付医疗费\"");
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingLineNumbersAndBareLineFeedsAreAccepted() {
        String text = BatchRowsTestData.header() + BatchRowsTestData.row(1) + "\r\n\r\n" + BatchRowsTestData.row(2).replace("\r\n", "\n");

        List<BatchRow> rows = all(new BatchReader(new ByteArrayInputStream(text.getBytes(Labor.GBK))));

        assertThat(rows).extracting(BatchRow::line).containsExactly(2L, 5L);
        assertThat(rows.get(1).values().get(0)).isEqualTo("LD000000000002");
    }

    @Test
    void aWrongOrEmptyHeaderIsRefused() {
        assertThatThrownBy(() -> new BatchReader(new ByteArrayInputStream(Samples.bytes("hostile/wrong-header.csv"))))
                .isInstanceOfSatisfying(UnreadableBatchException.class, e -> assertThat(e.reason())
                        .startsWith("the header has the right columns in the wrong order: expected 投诉编号,登记日期,投诉人,")
                        .endsWith("but found 投诉编号,投诉人,登记日期,联系电话,身份证号,用人单位,统一社会信用代码,涉及人数,欠薪金额,事项类型,所属区划,地址,诉求内容"));
        assertThatThrownBy(() -> new BatchReader(new ByteArrayInputStream("投诉编号,登记日期\r\n".getBytes(Labor.GBK))))
                .isInstanceOfSatisfying(UnreadableBatchException.class,
                        e -> assertThat(e.reason()).startsWith("wrong header: expected"));
        assertThatThrownBy(() -> new BatchReader(new ByteArrayInputStream(new byte[0])))
                .hasMessage("the file is empty: no header line");
    }

    @Test
    void aBatchWithoutHeaderIsRefusedWithoutPuttingItsFirstRowInTheLogMessage() {
        byte[] headless = BatchRowsTestData.row(1).getBytes(Labor.GBK);

        assertThatThrownBy(() -> new BatchReader(new ByteArrayInputStream(headless)))
                .isInstanceOfSatisfying(UnreadableBatchException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("wrong header");
                    assertThat(e.reason()).contains("but found LD000000000001,2026-11-22 10:00,张1,13800000001");
                });
    }

    @Test
    void bytesThatAreNotGbkAreNamedWithTheirLineAndOffset() {
        byte[] cut = (BatchRowsTestData.header() + "LD1,2026-11-22 10:00,张").getBytes(Labor.GBK);
        byte[] truncated = java.util.Arrays.copyOf(cut, cut.length - 1); // cut inside the two bytes of 张

        BatchReader reader = new BatchReader(new ByteArrayInputStream(truncated));

        assertThatThrownBy(reader::next).isInstanceOf(UnreadableBatchException.class)
                .hasMessageMatching("not GBK: undecodable byte\\(s\\) 0x[0-9A-F]{2} at byte offset \\d+ \\(line 2\\)");
    }

    @Test
    void aBatchIsStreamedTheReaderNeverGetsMoreThanItsBuffersAheadOfTheRowItHandsOut() {
        int rows = 200_000;
        GeneratedBatch batch = new GeneratedBatch(rows);
        BatchReader reader = new BatchReader(batch);
        long maxAhead = 0;
        int n = 0;
        for (BatchRow row = reader.next(); row != null; row = reader.next()) {
            long endOfRow = batch.endOffset[n++];
            maxAhead = Math.max(maxAhead, batch.consumed - endOfRow);
        }

        assertThat(n).isEqualTo(rows);
        assertThat(batch.consumed).isGreaterThan(30_000_000L);
        assertThat(maxAhead).as("bytes read beyond the end of the current row").isLessThanOrEqualTo(3L * GbkReader.BUFFER);
        assertThat(reader.maxReadAhead()).as("characters held beyond the start of the current row")
                .isLessThanOrEqualTo(2L * GbkReader.BUFFER + 300);
    }

    private static List<BatchRow> all(BatchReader reader) {
        List<BatchRow> rows = new ArrayList<>();
        for (BatchRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** A batch produced row by row as it is read: never in memory as a whole, so only the reader can hold it. */
    static final class GeneratedBatch extends InputStream {
        final long[] endOffset;
        long consumed;
        private final int rows;
        private byte[] current = BatchRowsTestData.header().getBytes(Labor.GBK);
        private int position;
        private int next;
        private long produced = current.length;

        GeneratedBatch(int rows) {
            this.rows = rows;
            this.endOffset = new long[rows];
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == current.length) {
                if (next == rows) {
                    return -1;
                }
                current = BatchRowsTestData.row(next).replace("2026/11/22", "2026-11-22").getBytes(Labor.GBK);
                produced += current.length;
                endOffset[next++] = produced;
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            consumed += n;
            return n;
        }
    }
}
