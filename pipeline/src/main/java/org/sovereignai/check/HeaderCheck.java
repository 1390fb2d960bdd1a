package org.sovereignai.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.CellRef;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;

/**
 * The header row: unknown columns (with a did-you-mean), duplicated columns, and missing columns for fields that
 * every layer requires. A field required only for one layer (build_approach) may be left out of a sheet that has no
 * record of that layer; a record of that layer then reports the missing value on its own row.
 */
final class HeaderCheck {
    private final List<String> fieldNames = new ArrayList<>();

    HeaderCheck(Schema schema) {
        for (FieldSpec f : schema.fields()) fieldNames.add(f.name());
    }

    void check(Columns columns, Position sheet, int headerRow, Consumer<Finding> out) {
        List<String> header = columns.header();
        for (int col : columns.unknownColumns()) {
            String name = header.get(col).strip();
            if (name.isEmpty()) continue; // a blank header only matters if its column holds values (see RowShapeCheck)
            out.accept(Code.UNKNOWN_COLUMN.at(sheet.atCell(headerRow, col, name), null, name,
                    "'" + name + "' is not a field of the record contract, so this column would be ignored."
                            + Suggest.didYouMean(name, fieldNames)
                            + " Allowed columns: " + String.join(", ", fieldNames)
                            + " (and control columns starting with _)."));
        }
        for (int col : columns.duplicateColumns()) {
            String name = header.get(col).strip();
            int first = firstColumnNamed(header, name);
            out.accept(Code.DUPLICATE_COLUMN.at(sheet.atCell(headerRow, col, name), null, name,
                    "the column '" + name + "' appears twice (" + CellRef.column(first) + " and " + CellRef.column(col)
                            + "); keep one, so it is clear which value counts."));
        }
        for (FieldSpec f : columns.missingRequired()) {
            if (!f.common()) continue;
            out.accept(Code.MISSING_COLUMN.at(new Position(sheet.file(), sheet.sheet(), headerRow, f.name(), null), null, null,
                    "the required column '" + f.name() + "' is missing from the header row; add it (" + f.description() + ")."));
        }
    }

    private static int firstColumnNamed(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equalsIgnoreCase(name)) return i;
        return -1;
    }
}
