package org.sovereignai.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

import org.sovereignai.record.CanonicalNumber;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;

/**
 * Keyed diff of two record sets by {@code id}. The old set is held compactly (one packed String per record), the new
 * set is streamed past it once, so neither side needs to be held as full records.
 *
 * <p>Rules: single-valued fields compare their canonical text (trimmed, NFC; numbers by value); multi-valued fields
 * compare as sets, so order and repeated entries are not a change; every other difference is. No I/O here.
 *
 * <p>Use: {@code KeyedDiff d = new KeyedDiff(schema); old.forEach(d::addOld); fresh.forEach(d::addNew); Diff r = d.finish();}
 * (or {@code d.diff(iterator)}). An instance is used for one diff.
 */
public final class KeyedDiff {
    /** Marks an id already seen on the new side (matched or added), so a repeated new id is caught. */
    private static final String SEEN = new String("\u0000seen");

    private final Schema schema;
    private final Map<String, String> old = new HashMap<>(1 << 16);
    private final List<Change> changes = new ArrayList<>();
    private final List<Change> added = new ArrayList<>();
    private long oldCount;
    private long newCount;
    private long unchanged;
    private boolean finished;

    public KeyedDiff(Schema schema) {
        this.schema = schema;
    }

    /** Adds one record of the old set; an id given twice is a programming or input error. */
    public void addOld(Project p) {
        if (p.id() == null) throw new IllegalArgumentException("a record without an id cannot be diffed");
        if (newCount > 0 || finished) throw new IllegalStateException("add the old set before the new one");
        if (old.put(p.id(), Packed.pack(p)) != null) throw new IllegalArgumentException("the old set repeats id '" + p.id() + "'");
        oldCount++;
    }

    /**
     * Adds one old record given as raw cell values in contract order (e.g. a row of a release's projects.csv), without
     * building a {@link Project}: the values are packed as they are and cleaned only if the record turns out to differ.
     */
    public void addOld(String[] raw) {
        String id = Text.clean(raw[0]);
        if (id == null) throw new IllegalArgumentException("a record without an id cannot be diffed");
        if (newCount > 0 || finished) throw new IllegalStateException("add the old set before the new one");
        if (old.put(id, Packed.packRaw(raw)) != null) throw new IllegalArgumentException("the old set repeats id '" + id + "'");
        oldCount++;
    }

    /** Compares one record of the new set with the old set (push style, for streaming readers). */
    public void addNew(Project p) {
        String before = match(p.id());
        if (before == null) {
            added(p);
        } else if (!before.equals(Packed.pack(p))) {
            compareDiffering(before, p);
        } else {
            unchanged++;
        }
    }

    /**
     * Compares one new record given as raw cell values in contract order. A row whose values are literally those of the
     * old record is unchanged without further work; only the others are cleaned and compared field by field.
     */
    public void addNew(String[] raw) {
        String before = match(Text.clean(raw[0]));
        if (before == null) {
            added(Project.of(schema, raw));
        } else if (!before.equals(Packed.packRaw(raw))) {
            compareDiffering(before, Project.of(schema, raw));
        } else {
            unchanged++;
        }
    }

    /**
     * Compares one new record given packed ({@link Packed#pack}, e.g. a record of a release being published): equal
     * packed forms are unchanged; an added record is kept packed and unpacked only when a report asks for it.
     */
    public void addNewPacked(String packed) {
        String before = match(Packed.id(packed));
        if (before == null) {
            addedPacked(packed);
        } else if (!before.equals(packed)) {
            compareDiffering(before, Packed.project(packed, schema));
        } else {
            unchanged++;
        }
    }

    /** Marks the id as seen on the new side; returns the old packed record, or null when the id is new. */
    private String match(String id) {
        if (finished) throw new IllegalStateException("this diff is finished");
        if (id == null) throw new IllegalArgumentException("a record without an id cannot be diffed");
        String before = old.put(id, SEEN);
        if (before == SEEN) throw new IllegalArgumentException("the new set repeats id '" + id + "'");
        newCount++;
        return before;
    }

    private void addedPacked(String packed) {
        Change c = Change.added(packed, schema);
        changes.add(c);
        added.add(c);
    }

    private void added(Project p) {
        Change c = Change.added(p);
        changes.add(c);
        added.add(c);
    }

    /** The packed forms differ: clean both sides (the old may have been packed raw), then compare field by field. */
    private void compareDiffering(String before, Project p) {
        Project was = Packed.unpack(before, schema);
        List<FieldSpec> differing = compare(was, p);
        if (differing.isEmpty()) {
            unchanged++;
            return;
        }
        List<FieldChange> fields = new ArrayList<>(differing.size());
        for (FieldSpec f : differing) fields.add(new FieldChange(f.name(), was.typed(f), p.typed(f)));
        changes.add(Change.modified(was, p, fields));
    }

    /** Ends the new set: the old records never matched are the removed ones. Returns the diff. */
    public Diff finish() {
        if (finished) throw new IllegalStateException("this diff is finished");
        List<Project> removed = new ArrayList<>();
        for (Map.Entry<String, String> e : old.entrySet()) {
            if (e.getValue() == SEEN) continue;
            Project p = Packed.unpack(e.getValue(), schema);
            removed.add(p);
            changes.add(Change.removed(p));
        }
        old.clear();
        return finish(removed);
    }

    private Diff finish(List<Project> removed) {
        finished = true;
        changes.sort(Comparator.comparing(Change::id));
        removed.sort(Comparator.comparing(Project::id));
        List<PossibleRename> renames = new RenameFinder().find(removed, new java.util.AbstractList<Project>() {
            @Override
            public Project get(int i) {
                return added.get(i).newRecord();
            }

            @Override
            public int size() {
                return added.size();
            }
        });
        return new Diff(oldCount, newCount, unchanged, changes, renames);
    }

    /** Two sets that are not both sorted by id; {@link #diffSorted} refuses them before anything is counted twice. */
    public static final class NotSorted extends IllegalArgumentException {
        NotSorted(String message) {
            super(message);
        }
    }

    /**
     * The diff of two sets that both list their records by id, ascending (release files do, and so does a release being
     * published once sorted): one merge pass, so neither side is held. The old records come as raw cell values in
     * contract order (a release file's rows), the new ones packed ({@link Packed#pack}). Use on a fresh instance.
     *
     * @throws NotSorted when either side is not strictly ascending by id (then diff them the general way)
     */
    public Diff diffSorted(Iterator<String[]> oldRows, Iterator<String> newRecords) {
        return merge(oldRows, newRecords, Packed::id, (raw, packed) -> Packed.packRaw(raw).equals(packed), packed -> packed);
    }

    /**
     * {@link #diffSorted} for two release files: the new records also come as raw cell values in contract order. Rows
     * whose cells are literally equal are unchanged without being cleaned or packed (the same judgement as equal packed
     * forms, {@link Packed#packRaw}); the others are packed and compared as {@link #diffSorted} compares them. Profile
     * of a 1M-record release diff (JFR, 2026-12-03): cleaning and packing every new row was a third of its reader thread.
     */
    public Diff diffSortedRows(Iterator<String[]> oldRows, Iterator<String[]> newRows) {
        return merge(oldRows, newRows, raw -> Packed.idOfRaw(raw[0]), Packed::sameRaw, raw -> Packed.pack(Project.of(schema, raw)));
    }

    /**
     * The merge pass of the two sorted sides; {@code same} says whether an old row and a new item with the same id hold
     * the same values, {@code packed} gives a new item's packed form (only for an added or differing record).
     */
    private <T> Diff merge(Iterator<String[]> oldRows, Iterator<T> newItems, Function<T, String> idOf,
                           BiPredicate<String[], T> same, Function<T, String> packed) {
        if (oldCount > 0 || newCount > 0 || finished) throw new IllegalStateException("diffSorted needs a fresh diff");
        List<Project> removed = new ArrayList<>();
        OldRows old = new OldRows(oldRows);
        String newId = null;
        while (newItems.hasNext()) {
            T item = newItems.next();
            String id = idOf.apply(item);
            if (newId != null && id.compareTo(newId) <= 0) throw notSorted("new", newId, id);
            newId = id;
            newCount++;
            while (old.row != null && old.id.compareTo(id) < 0) removed.add(removed(old.take()));
            if (old.row != null && old.id.equals(id)) {
                oldCount++;
                String[] raw = old.take();
                if (same.test(raw, item)) unchanged++;
                else compareDiffering(Packed.packRaw(raw), Packed.project(packed.apply(item), schema));
            } else {
                addedPacked(packed.apply(item));
            }
        }
        while (old.row != null) removed.add(removed(old.take()));
        return finish(removed);
    }

    /** The old side of a merge: the current row and its id, each id checked to follow the one before. */
    private static final class OldRows {
        private final Iterator<String[]> rows;
        String[] row;
        String id;

        OldRows(Iterator<String[]> rows) {
            this.rows = rows;
            advance();
        }

        /** The current row; moves on to the next. */
        String[] take() {
            String[] r = row;
            advance();
            return r;
        }

        private void advance() {
            String previous = id;
            row = rows.hasNext() ? rows.next() : null;
            if (row == null) return;
            id = Text.clean(row[0]);
            if (id == null) throw new IllegalArgumentException("a record without an id cannot be diffed");
            if (previous != null && id.compareTo(previous) <= 0) {
                if (id.equals(previous)) throw new IllegalArgumentException("the old set repeats id '" + id + "'");
                throw notSorted("old", previous, id);
            }
        }
    }

    private static NotSorted notSorted(String side, String before, String after) {
        return new NotSorted("the " + side + " set is not sorted by id ('" + after + "' after '" + before + "')");
    }

    private Project removed(String[] raw) {
        oldCount++;
        Project p = Project.of(schema, raw);
        changes.add(Change.removed(p));
        return p;
    }

    /** Streams the new set past the old one and returns the diff (changes sorted by id, renames suggested). */
    public Diff diff(Iterator<Project> newRecords) {
        while (newRecords.hasNext()) addNew(newRecords.next());
        return finish();
    }

    public Diff diff(Iterable<Project> newRecords) {
        return diff(newRecords.iterator());
    }

    /** Convenience: both sets in memory. */
    public static Diff of(Schema schema, Iterable<Project> oldRecords, Iterable<Project> newRecords) {
        KeyedDiff d = new KeyedDiff(schema);
        for (Project p : oldRecords) d.addOld(p);
        return d.diff(newRecords);
    }

    /** The fields whose values differ, in contract order (numbers by value, multi-valued fields as sets). */
    private List<FieldSpec> compare(Project before, Project after) {
        List<FieldSpec> out = new ArrayList<>(2);
        for (FieldSpec f : schema.fields()) {
            String a = before.get(f);
            String b = after.get(f);
            if (Objects.equals(a, b)) continue;
            if (a != null && b != null) {
                if (f.type().numeric() && CanonicalNumber.text(f.type(), a).equals(CanonicalNumber.text(f.type(), b))) continue;
                if (f.multi() && new HashSet<>(Text.splitCanonical(a)).equals(new HashSet<>(Text.splitCanonical(b)))) continue;
            }
            out.add(f);
        }
        return out;
    }
}
