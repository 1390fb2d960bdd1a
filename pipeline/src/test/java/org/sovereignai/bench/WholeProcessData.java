package org.sovereignai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input files of {@code pipeline/bench/whole-process.sh} (a benchmark of {@code ./sai} as whole processes), one
 * folder per size: {@code DIR/N/old.csv} and {@code DIR/N/new.csv} ({@link BenchData}: a valid snapshot pair) and
 * {@code DIR/N/curator.csv} ({@link CuratorSheetGenerator}: a curator sheet with about one error in a thousand rows).
 * Deterministic; a folder whose three files already exist is left alone.
 *
 * <pre>java -cp ... org.sovereignai.bench.WholeProcessData DIR [10000 100000 1000000]</pre>
 */
public final class WholeProcessData {
    private WholeProcessData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) throw new IllegalArgumentException("usage: WholeProcessData DIR [SIZE...]");
        Path root = Path.of(args[0]);
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        for (int n : BenchData.sizes(rest)) {
            Path dir = root.resolve(Integer.toString(n));
            Path old = dir.resolve("old.csv");
            Path fresh = dir.resolve("new.csv");
            Path curator = dir.resolve("curator.csv");
            if (Files.exists(old) && Files.exists(fresh) && Files.exists(curator)) {
                System.out.println(dir + ": present");
                continue;
            }
            long t0 = System.nanoTime();
            BenchData.write(dir, n);
            CuratorSheetGenerator.write(curator, n);
            System.out.printf("%s: old.csv %d B, new.csv %d B, curator.csv %d B (%.1f s)%n", dir, Files.size(old),
                    Files.size(fresh), Files.size(curator), (System.nanoTime() - t0) / 1e9);
        }
    }
}
