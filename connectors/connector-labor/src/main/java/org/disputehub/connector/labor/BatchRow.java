package org.disputehub.connector.labor;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** One row of a batch: the line it starts on (a quoted line break makes a row span lines) and its fields. */
public record BatchRow(long line, List<String> values) {

    private static final CSVFormat RFC4180 = CSVFormat.RFC4180;

    /** The row as one RFC 4180 record (quoted where needed, no line ending): what the audit log keeps. */
    public String raw() {
        return RFC4180.format(values.toArray());
    }
}
