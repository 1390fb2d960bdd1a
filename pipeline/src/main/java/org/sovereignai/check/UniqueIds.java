package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.RecordRow;

/**
 * An id used by an earlier row, reported at once (the rows come in order, so the first one is known). It also
 * remembers every id with its row and layer, compactly ({@link IdIndex}), for the checks that resolve names against
 * the ids at the end ({@link AliasClashes}, {@link BaseModelReferences}); they must come after it in the list.
 */
final class UniqueIds implements Check {
    private final FieldSpec idField;
    private final IdIndex ids = new IdIndex();

    UniqueIds(Schema schema) {
        this.idField = schema.require(Schema.ID);
    }

    @Override
    public boolean acrossRecords() {
        return true;
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        String id = rr.project().id();
        if (id == null) return;
        int row = rr.row().number();
        int first = ids.putIfAbsent(id, pack(row, layer));
        if (first >= 0) {
            out.accept(Code.DUPLICATE_ID.at(FieldRule.at(rr, idField), id, id, "the id '" + id
                    + "' is already used in row " + rowOf(first) + "; every project needs its own id."
                    + " If both rows are the same project, merge them; otherwise give this one a different id."));
        }
    }

    /** The first row's entry for the id (see {@link #rowOf}, {@link #layerOf}), or -1 when no row has it. */
    int entry(String id) {
        return ids.get(id);
    }

    static int rowOf(int entry) {
        return entry >>> 2;
    }

    /** The layer of the entry's record, or null when it had none (or an unknown one). */
    static Layer layerOf(int entry) {
        int l = entry & 3;
        return l == 3 ? null : Layer.values()[l];
    }

    private static int pack(int row, Layer layer) {
        return (row << 2) | (layer == null ? 3 : layer.ordinal());
    }
}
