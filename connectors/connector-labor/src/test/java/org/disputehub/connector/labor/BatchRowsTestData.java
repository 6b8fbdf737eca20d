package org.disputehub.connector.labor;

/** Generated batch rows for tests that need many or odd rows (the big batches are never stored). */
final class BatchRowsTestData {

    private BatchRowsTestData() {
    }

    static String header() {
        return String.join(",", Labor.HEADER) + "\r\n";
    }

    /** Row {@code i}: a valid wage-arrears complaint, with a quoted comma in its content; every 1000th row is bad. */
    static String row(long i) {
        String date = i % 1000 == 999 ? "2026/11/22 10:00" : "2026-11-22 10:00";
        return String.format("LD%012d,%s,张%d,138%08d,,杭州第%d建筑劳务有限公司,,%d,%d.%02d,欠薪,330108,"
                + "杭州市滨江区浦沿街道%d号,\"拖欠工资%d个月，多次讨要未果\"\r\n",
                i, date, i % 100, i % 100_000_000, i % 50, 1 + i % 9, 1000 + i % 5000, i % 100, i % 900, 1 + i % 6);
    }
}
