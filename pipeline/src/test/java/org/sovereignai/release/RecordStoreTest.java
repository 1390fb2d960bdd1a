package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Project;

/** The release store lists its records as a release does: by id, in String order. */
class RecordStoreTest {
    @Test
    void storeSortsIdsAsStringsDo() {
        RecordStore store = new RecordStore(TestRecords.SCHEMA);
        Random rnd = new Random(11);
        List<String> ids = new ArrayList<>();
        String[] prefixes = {"x", "x-1", "x-10", "x-100", "x-1000", "x-10000", "x-100000"};
        for (int i = 0; i < 2000; i++) {
            String id = prefixes[rnd.nextInt(prefixes.length)] + (rnd.nextBoolean() ? "" : "-" + Integer.toString(rnd.nextInt(5000), 36));
            if (ids.contains(id)) continue;
            ids.add(id);
            store.add(TestRecords.project(TestRecords.compute(id)));
        }
        store.sort();
        List<String> sorted = new ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        List<String> got = new ArrayList<>();
        for (Project p : store.records()) got.add(p.id());
        assertEquals(sorted, got);
    }
}
