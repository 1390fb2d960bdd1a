package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;

/**
 * The keyed diff of two releases' projects.csv files without parsing the rows that did not change: both files are
 * indexed by id with a hash of each row's bytes (one file per core), rows with equal hashes are counted unchanged, and
 * only the others (added, removed, differing) are parsed and handed to {@link KeyedDiff}, which applies the usual
 * rules to them. A canonical release writes a record as the same bytes every time, so the outcome is that of the
 * general path; for a file that is not canonical the caller falls back to the general path.
 */
final class ReleaseDiff {
    private ReleaseDiff() {
    }

    /** The diff of two release files, or empty when either is not a canonical release file (read them the general way). */
    static Optional<Diff> of(Path oldCsv, Path newCsv, Schema schema) throws IOException {
        byte[] header = CanonicalCsv.header(schema.fields().stream().map(FieldSpec::name).toList());
        Releases.Phases phases = new Releases.Phases();
        try {
            RowTable[] t = both(() -> CanonicalCsv.scan(oldCsv, header), () -> CanonicalCsv.scan(newCsv, header), RowTable[]::new);
            phases.mark("scan");
            RowTable old = t[0];
            RowTable fresh = t[1];
            boolean[] wanted = new boolean[old.size()];   // old rows to parse: removed, or differing
            boolean[] matched = new boolean[old.size()];
            int[] newRows = new int[Math.max(16, fresh.size() / 8)];
            int newCount = 0;
            long unchanged = 0;
            // release files list their rows by id: then one merge pass pairs them, else the old rows are looked up by id
            boolean merge = old.ascending() && fresh.ascending();
            int cursor = 0;
            for (int i = 0; i < fresh.size(); i++) {
                int j;
                if (merge) {
                    int c = -1;
                    while (cursor < old.size() && (c = old.compareId(cursor, fresh, i)) < 0) cursor++;
                    j = cursor < old.size() && c == 0 ? cursor : -1;
                } else {
                    j = old.find(fresh, i);
                }
                if (j >= 0) {
                    matched[j] = true;
                    if (old.sameHash(j, fresh, i)) {
                        unchanged++;
                        continue;
                    }
                    wanted[j] = true;
                }
                if (newCount == newRows.length) newRows = java.util.Arrays.copyOf(newRows, newCount * 2);
                newRows[newCount++] = i;
            }
            int[] oldRows = new int[16];
            int oldCount = 0;
            for (int j = 0; j < old.size(); j++) {
                if (matched[j] && !wanted[j]) continue;
                if (oldCount == oldRows.length) oldRows = java.util.Arrays.copyOf(oldRows, oldCount * 2);
                oldRows[oldCount++] = j;
            }
            int fields = schema.fields().size();
            int[] or = oldRows;
            int oc = oldCount;
            int[] nr = newRows;
            int nc = newCount;
            String[][][] rows = both(() -> CanonicalCsv.decode(oldCsv, old, or, oc, fields),
                    () -> CanonicalCsv.decode(newCsv, fresh, nr, nc, fields), String[][][]::new);
            phases.mark("join+decode");
            KeyedDiff kd = new KeyedDiff(schema);
            for (String[] raw : rows[0]) kd.addOld(raw);
            kd.addUnchanged(unchanged);
            for (String[] raw : rows[1]) kd.addNew(raw);
            Diff diff = kd.finish();
            phases.mark("compare");
            phases.report();
            return Optional.of(diff);
        } catch (CanonicalCsv.NotCanonical e) {
            return Optional.empty();
        }
    }

    /** A task that may find its file not canonical. */
    interface Task<T> {
        T call() throws IOException, CanonicalCsv.NotCanonical;
    }

    /** Runs the two tasks at once (the second on a helper thread) and returns both results. */
    static <T> T[] both(Task<T> a, Task<T> b, java.util.function.IntFunction<T[]> array) throws IOException, CanonicalCsv.NotCanonical {
        FutureTask<T> second = Tasks.start("release-diff", (Callable<T>) b::call);
        T first;
        try {
            first = a.call();
        } catch (IOException | CanonicalCsv.NotCanonical | RuntimeException e) {
            second.cancel(true);
            throw e;
        }
        T[] out = array.apply(2);
        out[0] = first;
        try {
            out[1] = Tasks.await(second, "reading the second file");
        } catch (IOException e) {
            if (e.getCause() instanceof CanonicalCsv.NotCanonical nc) throw nc;
            throw e;
        }
        return out;
    }
}
