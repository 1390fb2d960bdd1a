package org.sovereignai.curation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Pending changes grouped by record, so finding rivals costs the record's changes, not the quarter's. */
    static Map<String, List<ProposedChange>> byRecord(List<ProposedChange> pending) {
        Map<String, List<ProposedChange>> out = new HashMap<>();
        for (ProposedChange p : pending) if (p.pending()) out.computeIfAbsent(p.recordId(), k -> new ArrayList<>()).add(p);
        return out;
    }

    /** The pending changes that conflict with {@code change}. */
    static List<ProposedChange> rivalsOf(ProposedChange change, Map<String, List<ProposedChange>> pendingByRecord) {
        List<ProposedChange> out = new ArrayList<>();
        for (ProposedChange p : pendingByRecord.getOrDefault(change.recordId(), List.of())) if (rivals(change, p)) out.add(p);
        return out;
    }
}
