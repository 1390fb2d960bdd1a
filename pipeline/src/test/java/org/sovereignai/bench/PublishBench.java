package org.sovereignai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;

/**
 * Publishing a release of n records on top of a previous release of n records: validate the sheet, verify the previous
 * release's hashes, diff, write projects.json/.csv, long tables, changes, CHANGES.md, datapackage and manifest, atomic
 * rename and index. The previous release is published first (not timed); 3 timed runs per size ({@code -Dbench.runs=N}), each into a fresh copy.
 *
 * <pre>
 * java -Xmx2g -cp pipeline/target/classes:pipeline/target/test-classes:$(cat /tmp/cp.txt) org.sovereignai.bench.PublishBench [SIZES...]
 * </pre>
 */
public final class PublishBench {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("sai-publish-bench");
        LocalDate date = LocalDate.of(2026, 6, 30);
        try {
            System.out.printf("%-10s %10s %10s %12s %12s %12s%n", "records", "first_ms", "best_ms", "best_cpu_ms", "release_mb", "first_rel_ms");
            for (int n : BenchData.sizes(args)) {
                Path dir = work.resolve(Integer.toString(n));
                BenchData.write(dir, n);
                long first = 0;
                long best = Long.MAX_VALUE;
                long bestCpu = Long.MAX_VALUE;
                long firstRelease = 0;
                long bytes = 0;
                for (int run = 0; run < Integer.getInteger("bench.runs", 3); run++) {
                    Path snapshots = dir.resolve("snapshots-" + run);
                    long t0 = System.nanoTime();
                    Releases.publish(ReleaseRequest.of("2026-Q1", dir.resolve("old.csv"), snapshots, date));
                    // each `sai release` is its own JVM: the first release's garbage is not the second one's cost
                    System.gc();
                    long t1 = System.nanoTime();
                    long c1 = BenchData.cpuNanos();
                    if (Boolean.getBoolean("sai.timing")) System.err.println("second release starts at " + java.time.LocalTime.now());
                    Releases.publish(ReleaseRequest.of("2026-Q2", dir.resolve("new.csv"), snapshots, date));
                    long ms = (System.nanoTime() - t1) / 1_000_000;
                    bestCpu = Math.min(bestCpu, (BenchData.cpuNanos() - c1) / 1_000_000);
                    if (run == 0) {
                        first = ms;
                        firstRelease = (t1 - t0) / 1_000_000;
                    }
                    best = Math.min(best, ms);
                    try (var s = Files.walk(snapshots.resolve("2026-Q2"))) {
                        bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                    }
                    BenchData.deleteTree(snapshots);
                }
                System.out.printf("%-10d %10d %10d %12d %12d %12d%n", n, first, best, bestCpu, bytes >> 20, firstRelease);
                BenchData.deleteTree(dir);
            }
        } finally {
            BenchData.deleteTree(work);
        }
    }
}
