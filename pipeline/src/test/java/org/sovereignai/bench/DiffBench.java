package org.sovereignai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.release.Releases;

/**
 * Keyed diff of two snapshots read from CSV (what {@code sai diff OLD NEW} does for two release folders): OLD streamed
 * into the compact index, NEW streamed past it. Runs 7 times per size and reports the median and the best of the
 * steady-state runs (the first two are warm-up).
 *
 * <pre>
 * mvn -q -B test-compile && mvn -q -f pipeline dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx1g -cp pipeline/target/classes:pipeline/target/test-classes:$(cat /tmp/cp.txt) org.sovereignai.bench.DiffBench [SIZES...]
 * </pre>
 */
public final class DiffBench {
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
                    long c0 = BenchData.cpuNanos();
                    long t0 = System.nanoTime();
                    KeyedDiff kd = new KeyedDiff(BenchData.SCHEMA);
                    Releases.readRows(dir.resolve("old.csv"), BenchData.SCHEMA, kd::addOld);
                    long t1 = System.nanoTime();
                    Releases.readRows(dir.resolve("new.csv"), BenchData.SCHEMA, kd::addNew);
                    long t2 = System.nanoTime();
                    Runtime rt = Runtime.getRuntime();
                    heap = Math.max(heap, rt.totalMemory() - rt.freeMemory());
                    d = kd.finish();
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
