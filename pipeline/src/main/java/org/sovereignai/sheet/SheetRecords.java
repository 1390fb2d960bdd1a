package org.sovereignai.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** Reads a whole sheet into projects without validating it (for trusted inputs such as a release's projects.csv). */
public final class SheetRecords {
    private SheetRecords() {
    }

    public static List<Project> read(Path file, Schema schema) throws SheetException {
        List<Project> out = new ArrayList<>();
        try (Sheet sheet = Sheet.open(file, null)) {
            Columns columns = Columns.of(schema, sheet.header());
            for (Row row = sheet.next(); row != null; row = sheet.next()) out.add(columns.project(row));
        }
        return out;
    }
}
