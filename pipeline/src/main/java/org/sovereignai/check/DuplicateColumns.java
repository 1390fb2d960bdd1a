package org.sovereignai.check;

import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.sheet.CellRef;

/** Two columns with the same header: it would not be clear which value counts. */
final class DuplicateColumns implements Check {

    @Override
    public void start(Header header, Consumer<Finding> out) {
        List<String> names = header.columns().header();
        for (int col : header.columns().duplicateColumns()) {
            String name = names.get(col).strip();
            int first = firstColumnNamed(names, name);
            out.accept(Code.DUPLICATE_COLUMN.at(header.sheet().atCell(header.row(), col, name), null, name,
                    "the column '" + name + "' appears twice (" + CellRef.column(first) + " and " + CellRef.column(col)
                            + "); keep one, so it is clear which value counts."));
        }
    }

    private static int firstColumnNamed(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) if (header.get(i).strip().equalsIgnoreCase(name)) return i;
        return -1;
    }
}
