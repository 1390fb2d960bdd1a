package org.sovereignai.check;

import java.util.List;

import org.sovereignai.record.Schema;

/**
 * The one list of checks {@link Validator} runs, in order: the order is the order of findings within a row, and
 * field rules stop at a value's first finding (see {@link Fields}). A new check is added here.
 */
final class Checks {
    private Checks() {
    }

    /** Fresh checks for one validation against {@code schema}; cells longer than {@code maxCellChars} are not read. */
    static List<Check> standard(Schema schema, int maxCellChars) {
        UniqueIds ids = new UniqueIds(schema);
        return List.of(
                // the header row
                new UnknownColumns(schema),
                new DuplicateColumns(),
                new MissingColumns(),
                // the shape of each row
                new ValuesWithoutHeader(),
                new ShortRows(),
                // each field of each record, rule by rule
                new Fields(schema,
                        new ControlCharacters(),
                        new RequiredValues(),
                        new NotForLayer(),
                        new CellTooLong(maxCellChars),
                        new MaxLength(),
                        new Patterns(schema),
                        new Vocabularies(schema),
                        new JurisdictionCodes(schema),
                        new Dates(),
                        new NumberForms(),
                        new Minimums(),
                        new UrlForms(),
                        new FormulaInjection()),
                new Mojibake(schema),
                // fields of one record against each other
                new BaseModelsForApproach(schema),
                new PermissiveLicence(schema),
                // records against each other
                ids,
                new AliasClashes(schema, ids),
                new BaseModelReferences(schema, ids),
                new NoRecords());
    }
}
