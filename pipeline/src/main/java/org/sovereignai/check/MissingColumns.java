package org.sovereignai.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Position;

/**
 * No column for a field that every layer requires. A field required only for one layer (build_approach) may be left
 * out of a sheet that has no record of that layer; a record of that layer then reports the missing value on its own
 * row ({@link RequiredValues}). A sheet with an {@code id} column that lacks two or more of the other required columns
 * is an update sheet (only the columns a curator changed): it is said once ({@code update-sheet}), pointing to the check
 * that judges such a sheet against the open draft, rather than as one missing column after another.
 */
final class MissingColumns implements Check {
    /** Required columns absent beside an id column from which a sheet reads as an update sheet. */
    static final int UPDATE_SHEET_MISSING = 2;

    @Override
    public void start(Header header, Consumer<Finding> out) {
        Position sheet = header.sheet();
        List<FieldSpec> missing = new ArrayList<>();
        for (FieldSpec f : header.columns().missingRequired()) if (f.common()) missing.add(f);
        boolean hasId = missing.stream().noneMatch(f -> f.name().equals(Schema.ID));
        if (hasId && missing.size() >= UPDATE_SHEET_MISSING) {
            List<String> names = missing.stream().map(FieldSpec::name).toList();
            out.accept(Code.UPDATE_SHEET.at(sheet.atRow(header.row()), null, null,
                    "this looks like an update sheet: it has an id column but not the columns " + String.join(", ", names)
                            + " that every record needs, so it cannot be checked as a complete sheet. To check the changes it"
                            + " makes against the open quarter (a blank cell means no change), run: ./sai submit --dry-run FILE"
                            + " --curator NAME (nothing is recorded). If it is meant to be a complete sheet, add those columns."));
            return;
        }
        for (FieldSpec f : missing) {
            out.accept(Code.MISSING_COLUMN.at(new Position(sheet.file(), sheet.sheet(), header.row(), f.name(), null), null, null,
                    "the required column '" + f.name() + "' is missing from the header row; add it (" + f.description() + ")."));
        }
    }
}
