package org.sovereignai.diff;

import java.util.ArrayList;
import java.util.List;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * One record that differs between the old and the new set. Added and removed records keep a reference to the
 * record and list its non-blank fields only when asked, so a first release of a million records costs no copies.
 */
public final class Change {
    /** What happened to the record. */
    public enum Op {
        ADDED, REMOVED, MODIFIED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Op of(String value) {
            for (Op op : values()) if (op.value().equals(value)) return op;
            return null;
        }
    }

    private final Op op;
    private final String id;
    private final Project oldRecord;
    private final Project newRecord;
    private final List<FieldChange> modified;
    /** An added record kept packed ({@link Packed}), unpacked on each access: a first release adds a million. */
    private final String packed;
    private final Schema schema;

    private Change(Op op, String id, Project oldRecord, Project newRecord, List<FieldChange> modified) {
        this(op, id, oldRecord, newRecord, modified, null, null);
    }

    private Change(Op op, String id, Project oldRecord, Project newRecord, List<FieldChange> modified, String packed, Schema schema) {
        this.op = op;
        this.id = id;
        this.oldRecord = oldRecord;
        this.newRecord = newRecord;
        this.modified = modified;
        this.packed = packed;
        this.schema = schema;
    }

    /** An added record given packed. */
    static Change added(String packed, Schema schema) {
        return new Change(Op.ADDED, Packed.id(packed), null, null, null, packed, schema);
    }

    public static Change added(Project record) {
        return new Change(Op.ADDED, record.id(), null, record, null);
    }

    public static Change removed(Project record) {
        return new Change(Op.REMOVED, record.id(), record, null, null);
    }

    public static Change modified(Project oldRecord, Project newRecord, List<FieldChange> fields) {
        return new Change(Op.MODIFIED, newRecord.id(), oldRecord, newRecord, List.copyOf(fields));
    }

    public Op op() {
        return op;
    }

    public String id() {
        return id;
    }

    /** The record before (null when added). */
    public Project oldRecord() {
        return oldRecord;
    }

    /** The record after (null when removed). */
    public Project newRecord() {
        return packed != null ? Packed.project(packed, schema) : newRecord;
    }

    /**
     * The changed fields in contract order. For an added record: its non-blank fields with old null; for a removed
     * record: its non-blank fields with new null.
     */
    public List<FieldChange> fields() {
        if (modified != null) return modified;
        Project p = op == Op.ADDED ? newRecord() : oldRecord;
        List<FieldChange> out = new ArrayList<>();
        for (FieldSpec f : p.schema().fields()) {
            Object v = p.typed(f);
            if (v == null) continue;
            out.add(op == Op.ADDED ? new FieldChange(f.name(), null, v) : new FieldChange(f.name(), v, null));
        }
        return out;
    }

    @Override
    public String toString() {
        return op.value() + " " + id;
    }
}
