package org.sovereignai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.release.Releases;

/**
 * Keyed diff of two snapshots read from CSV (what {@code sai diff OLD NEW} does for two release folders: the merge pass
 * of {@link Releases#diffReleaseFiles}, through {@code app.DiffRecords}; {@code -Dbench.general=true} for the general
 * path, the old side held by id). Runs 7
 * times per size and reports the median and the best of the steady-state runs (the first two are warm-up).
 *
 * <pre>
 * mvn -q -B test-compile && mvn -q -f pipeline dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -XX:+UseParallelGC -Xmx1g -cp pipeline/target/classes:pipeline/target/test-classes:$(cat /tmp/cp.txt) org.sovereignai.bench.DiffBench [SIZES...]
 * </pre>
 */
public final class DiffBench {
    /** {@code -Dbench.general=true}: the general path (every row parsed), as for a sheet, instead of the release fast path. */
    private static final boolean GENERAL = Boolean.getBoolean("bench.general");

    /** Peak heap use since the last call (sum of the pools' peaks: an upper bound), then the peaks are reset. */
    private static long used() {
        long sum = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP) continue;
            sum += pool.getPeakUsage().getUsed();
            pool.resetPeakUsage();
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sai-diff-bench");
        try {
            System.out.printf("%-10s %10s %10s %12s %10s %10s %9s %8s %8s %8s %10s%n", "records", "median_ms", "best_ms", "cpu_median_ms", "parse_ms",
                    "heap_mb", "modified", "added", "removed", "renames", "unchanged");
            for (int n : BenchData.sizes(args)) {
                Path dir = work.resolve(Integer.toString(n));
                BenchData.write(dir, n);
                long[] times = new long[7];
                long[] cpu = new long[7];
                Diff d = null;
                long heap = 0;
                for (int run = 0; run < times.length; run++) {
                    System.gc();
                    used();
                    long c0 = BenchData.cpuNanos();
                    long t0 = System.nanoTime();
                    long t1;
                    long t2;
                    if (GENERAL) {
                        KeyedDiff kd = new KeyedDiff(BenchData.SCHEMA);
                        Releases.readRows(dir.resolve("old.csv"), BenchData.SCHEMA, kd::addOld);
                        t1 = System.nanoTime();
                        Releases.readRows(dir.resolve("new.csv"), BenchData.SCHEMA, kd::addNew);
                        t2 = System.nanoTime();
                        heap = Math.max(heap, used());
                        d = kd.finish();
                    } else {
                        d = new org.sovereignai.app.DiffRecords(org.sovereignai.app.Home.of(null)).run(dir.resolve("old.csv"),
                                dir.resolve("new.csv"), null, java.util.Set.of(), java.util.List.of(), org.sovereignai.app.DiffRecords.Format.JSON).diff();
                        t1 = t2 = System.nanoTime();
                        heap = Math.max(heap, used());
                    }
                    times[run] = (System.nanoTime() - t0) / 1_000_000;
                    cpu[run] = (BenchData.cpuNanos() - c0) / 1_000_000;
                    if (Boolean.getBoolean("bench.phases")) {
                        System.out.printf("  run %d: old %d ms, new %d ms, finish %d ms%n", run, (t1 - t0) / 1_000_000,
                                (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
                    }
                }
                long parse = 0;
                for (int run = 0; run < 3; run++) {
                    long t0 = System.nanoTime();
                    long[] count = {0};
                    Releases.readRows(dir.resolve("old.csv"), BenchData.SCHEMA, p -> count[0]++);
                    Releases.readRows(dir.resolve("new.csv"), BenchData.SCHEMA, p -> count[0]++);
                    parse = (System.nanoTime() - t0) / 1_000_000;
                }
                long[] steady = Arrays.copyOfRange(times, 2, times.length);
                Arrays.sort(steady);
                long[] steadyCpu = Arrays.copyOfRange(cpu, 2, cpu.length);
                Arrays.sort(steadyCpu);
                System.out.printf("%-10d %10d %10d %12d %10d %10d %9d %8d %8d %8d %10d%n", n, steady[steady.length / 2], steady[0],
                        steadyCpu[steadyCpu.length / 2], parse,
                        heap >> 20, d.modified(), d.added(), d.removed(), d.possibleRenames().size(), d.unchanged());
                BenchData.deleteTree(dir);
            }
        } finally {
            BenchData.deleteTree(work);
        }
    }
}
