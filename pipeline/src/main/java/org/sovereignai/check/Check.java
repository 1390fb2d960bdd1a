package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.Layer;
import org.sovereignai.sheet.RecordRow;

/**
 * One rule of the validator, in the style of Frictionless Data's checks: it is told when the header is known
 * ({@link #start}), sees every data row in order ({@link #row}) and, once the whole sheet has been read, may report
 * what needed all of it ({@link #end}). Each method reports by handing {@link Finding}s (made with
 * {@link Code#at}) to {@code out}; a check overrides only the steps it needs.
 * <p>
 * A check is created for one validation ({@link Checks#standard}) and may keep state across rows; it should keep
 * compact state only (never the rows), since a sheet may have millions of them. {@link #end} is not called when
 * reading stopped part-way (bad encoding, broken quoting): the set would be incomplete.
 */
interface Check {

    /** The header row has been read: {@code header.columns()} maps columns to fields. */
    default void start(Header header, Consumer<Finding> out) {
    }

    /**
     * One data row.
     *
     * @param layer the record's layer, or null when it is blank or names no layer
     */
    default void row(RecordRow row, Layer layer, Consumer<Finding> out) {
    }

    /** Every row has been read; {@code header} is the one {@link #start} was given. */
    default void end(Header header, Consumer<Finding> out) {
    }

    /**
     * Whether the check judges records against each other (ids, aliases, references, that there are records at all)
     * and so must see every row; the others judge one row at a time, so a row they are not asked about can be
     * skipped ({@link Validator#validateRecords}).
     */
    default boolean acrossRecords() {
        return false;
    }
}
