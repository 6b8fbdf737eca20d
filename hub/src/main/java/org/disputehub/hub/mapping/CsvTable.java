package org.disputehub.hub.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads one mapping CSV: strict UTF-8, a required header, '#' comments, every cell required. */
final class CsvTable {

    record Row(Path file, long line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }

        MappingException error(String problem) {
            return new MappingException(file + ":" + line + ": " + problem);
        }
    }

    private CsvTable() {
    }

    static List<Row> read(Path file, String... columns) {
        if (!Files.isRegularFile(file)) {
            throw new MappingException(file + ": missing");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder);
             CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderNames().equals(List.of(columns))) {
                throw new MappingException(file + ":1: header must be " + String.join(",", columns)
                        + " but is " + String.join(",", parser.getHeaderNames()));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                long line = record.getParser().getCurrentLineNumber();
                if (record.size() != columns.length) {
                    throw new MappingException(file + ":" + line + ": expected " + columns.length
                            + " columns, found " + record.size());
                }
                Map<String, String> cells = record.toMap();
                for (String column : columns) {
                    if (cells.get(column) == null || cells.get(column).isBlank()) {
                        throw new MappingException(file + ":" + line + ": " + column + " is empty");
                    }
                }
                rows.add(new Row(file, line, cells));
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new MappingException(file + ": not valid UTF-8", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MappingException(file + ": " + e.getMessage(), e);
        }
    }
}
