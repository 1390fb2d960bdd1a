package org.sovereignai.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pending changes that cannot both be applied: two values for the same field of the same record, two different
 * versions of the same new record, or a removal of a record that another change edits. Equal proposals agree and do
 * not conflict.
 */
final class Conflicts {
    private Conflicts() {
    }

    static boolean rivals(ProposedChange a, ProposedChange b) {
        if (a.id() == b.id() || !a.recordId().equals(b.recordId())) return false;
        if (a.kind() == ChangeKind.SET && b.kind() == ChangeKind.SET) {
            return a.field().equals(b.field()) && !Objects.equals(a.newValue(), b.newValue());
        }
        if (a.kind() == ChangeKind.ADD && b.kind() == ChangeKind.ADD) return !Objects.equals(a.newValue(), b.newValue());
        return (a.kind() == ChangeKind.REMOVE) != (b.kind() == ChangeKind.REMOVE);
    }

    /** The pending changes among {@code pending} that conflict with {@code change}. */
    static List<ProposedChange> rivalsOf(ProposedChange change, List<ProposedChange> pending) {
        List<ProposedChange> out = new ArrayList<>();
        for (ProposedChange p : pending) if (p.pending() && rivals(change, p)) out.add(p);
        return out;
    }
}
