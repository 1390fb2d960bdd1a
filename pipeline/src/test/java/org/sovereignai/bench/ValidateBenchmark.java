package org.sovereignai.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.record.Schema;

/**
 * Steady-state throughput of the validator on a generated 1,000,000-row curator CSV, all rules on (duplicate ids,
 * aliases and base references included). Not a test. Run (see docs/benchmarks.md):
 * <pre>
 * mvn -q -B test-compile
 * (cd pipeline &amp;&amp; mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt)
 * java -Xmx512m -XX:+UseParallelGC -cp pipeline/target/classes:pipeline/target/test-classes:$(cat pipeline/target/cp.txt) \
 *      org.sovereignai.bench.ValidateBenchmark [rows] [warm-up passes] [timed passes]
 * </pre>
 */
public final class ValidateBenchmark {
    private ValidateBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "sai-bench", "curator-" + rows + ".csv");
        long t0 = System.nanoTime();
        CuratorSheetGenerator.write(file, rows);
        System.out.printf("generated %s (%,d rows, %,d bytes) in %.1f s%n", file, rows, Files.size(file), (System.nanoTime() - t0) / 1e9);

        Validator validator = new Validator(Schema.bundled());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        Report last = null;
        for (int pass = 0; pass < warmups + passes; pass++) {
            System.gc();
            long start = System.nanoTime();
            long cpu0 = os.getProcessCpuTime();
            long thread0 = threads.getCurrentThreadCpuTime();
            last = validator.validate(file, null, row -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            double threadSeconds = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
            double rate = last.records() / seconds;
            boolean timed = pass >= warmups;
            if (timed) {
                rates.add(rate);
                cpuRates.add(last.records() / threadSeconds);
            }
            System.out.printf("%s pass %d: %,d records in %.3f s wall = %,.0f rows/s; validating thread %.3f s CPU = %,.0f rows/CPU-s;"
                            + " process %.3f s CPU (GC included); %,d errors, %,d warnings; load average %.1f%n",
                    timed ? "timed " : "warm-up", pass + 1, last.records(), seconds, rate, threadSeconds, last.records() / threadSeconds,
                    cpuSeconds, last.errors(), last.warnings(), os.getSystemLoadAverage());
        }
        Collections.sort(rates);
        Collections.sort(cpuRates);
        long maxHeap = Runtime.getRuntime().maxMemory();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("wall clock: median %,.0f rows/s, best %,.0f rows/s over %d timed passes%n",
                rates.get(rates.size() / 2), rates.get(rates.size() - 1), rates.size());
        System.out.printf("validating thread CPU: median %,.0f rows/CPU-s, best %,.0f rows/CPU-s%n",
                cpuRates.get(cpuRates.size() / 2), cpuRates.get(cpuRates.size() - 1));
        System.out.printf("max heap %d MiB; peak heap use (sum of pools) %d MiB; %d processors%n",
                maxHeap >> 20, peak >> 20, Runtime.getRuntime().availableProcessors());
    }
}
