package org.sovereignai.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;

/** The records of a curator sheet, or of a release folder (its projects.csv), with their positions for findings. */
final class RecordsFile {
    private RecordsFile() {
    }

    static List<RecordRow> read(Path path, Schema schema) throws SheetException {
        Path file = Files.isDirectory(path) ? path.resolve("projects.csv") : path;
        List<RecordRow> out = new ArrayList<>();
        try (Sheet sheet = Sheet.open(file, null)) {
            Columns columns = Columns.of(schema, sheet.header());
            for (Row row = sheet.next(); row != null; row = sheet.next()) {
                out.add(new RecordRow(columns.project(row), row, columns, sheet.position()));
            }
        }
        return out;
    }
}
