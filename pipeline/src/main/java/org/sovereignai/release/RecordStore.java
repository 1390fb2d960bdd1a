package org.sovereignai.release;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import org.sovereignai.diff.Packed;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * The records of a release being published, each held as one packed String ({@link Packed}: its canonical values
 * joined), a quarter of the memory of a {@link Project}: a million records take about 250 MB. {@link #records()} gives
 * them back as projects, unpacked on each access.
 */
final class RecordStore {
    private final Schema schema;
    private String[] packed = new String[1024];
    private int size;
    private final long[] layers = new long[Layer.values().length];
    private boolean sorted;

    RecordStore(Schema schema) {
        this.schema = schema;
    }

    /** Adds a (valid) record. */
    void add(Project p) {
        if (size == packed.length) packed = Arrays.copyOf(packed, size * 2);
        packed[size++] = Packed.pack(p);
        Layer layer = p.layer();
        if (layer != null) layers[layer.ordinal()]++;
        sorted = false;
    }

    /**
     * Sorts the records by id, as a release lists them. A packed record starts with its id, and a valid id's characters
     * all sort above the separator after it, so the packed Strings sort as their ids do.
     */
    void sort() {
        if (!sorted) Arrays.parallelSort(packed, 0, size);
        sorted = true;
    }

    int size() {
        return size;
    }

    /** The packed records, sorted by id after {@link #sort}. */
    List<String> packed() {
        return Arrays.asList(packed).subList(0, size);
    }

    /** The record with this id (after {@link #sort}), or null. */
    Project find(String id) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Packed.id(packed[mid]).compareTo(id);
            if (c == 0) return Packed.project(packed[mid], schema);
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return null;
    }

    /** Records per layer and in total, as the manifest counts them. */
    Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Layer l : Layer.values()) m.put(l.value(), layers[l.ordinal()]);
        m.put("total", (long) size);
        return m;
    }

    /** The records in order, as an unmodifiable list that unpacks a record on each access (nothing is cached). */
    List<Project> records() {
        return new View();
    }

    private final class View extends AbstractList<Project> implements RandomAccess {
        @Override
        public Project get(int index) {
            if (index >= size) throw new IndexOutOfBoundsException(index);
            return Packed.project(packed[index], schema);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
