package org.sovereignai.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;

/** A header that names no field of the contract (with a did-you-mean): its column would be ignored. */
final class UnknownColumns implements Check {
    private final List<String> fieldNames = new ArrayList<>();

    UnknownColumns(Schema schema) {
        for (FieldSpec f : schema.fields()) fieldNames.add(f.name());
    }

    @Override
    public void start(Header header, Consumer<Finding> out) {
        List<String> names = header.columns().header();
        for (int col : header.columns().unknownColumns()) {
            String name = names.get(col).strip();
            if (name.isEmpty()) continue; // a blank header only matters if its column holds values (ValuesWithoutHeader)
            out.accept(Code.UNKNOWN_COLUMN.at(header.sheet().atCell(header.row(), col, name), null, name,
                    "'" + name + "' is not a field of the record contract, so this column would be ignored."
                            + Suggest.didYouMean(name, fieldNames)
                            + " Allowed columns: " + String.join(", ", fieldNames)
                            + " (and control columns starting with _)."));
        }
    }
}
