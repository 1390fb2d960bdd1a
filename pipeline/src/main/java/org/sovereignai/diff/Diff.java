package org.sovereignai.diff;

import java.util.List;

/**
 * The outcome of a keyed diff: changes sorted by id, counts, and suggested renames. Unchanged records are counted only.
 *
 * @param oldCount records in the old set (the base for percentage gates)
 * @param newCount records in the new set
 */
public record Diff(long oldCount, long newCount, long unchanged, List<Change> changes, List<PossibleRename> possibleRenames) {

    public Diff {
        changes = List.copyOf(changes);
        possibleRenames = List.copyOf(possibleRenames);
    }

    public long added() {
        return count(Change.Op.ADDED);
    }

    public long removed() {
        return count(Change.Op.REMOVED);
    }

    public long modified() {
        return count(Change.Op.MODIFIED);
    }

    /** Added, removed and modified together. */
    public long changed() {
        return changes.size();
    }

    public long count(Change.Op op) {
        long n = 0;
        for (Change c : changes) if (c.op() == op) n++;
        return n;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
