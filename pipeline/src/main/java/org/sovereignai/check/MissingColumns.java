package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.sheet.Position;

/**
 * No column for a field that every layer requires. A field required only for one layer (build_approach) may be left
 * out of a sheet that has no record of that layer; a record of that layer then reports the missing value on its own
 * row ({@link RequiredValues}).
 */
final class MissingColumns implements Check {

    @Override
    public void start(Header header, Consumer<Finding> out) {
        Position sheet = header.sheet();
        for (FieldSpec f : header.columns().missingRequired()) {
            if (!f.common()) continue;
            out.accept(Code.MISSING_COLUMN.at(new Position(sheet.file(), sheet.sheet(), header.row(), f.name(), null), null, null,
                    "the required column '" + f.name() + "' is missing from the header row; add it (" + f.description() + ")."));
        }
    }
}
