package org.sovereignai.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;

/**
 * Deterministic snapshot pairs for the diff and release benchmarks (fixed seed): OLD with n valid records sorted by id;
 * NEW with about 5% of them modified, 1% removed, 2% added, rows shuffled.
 */
final class BenchData {
    static final Schema SCHEMA = Schema.bundled();
    private static final String[] JURISDICTIONS = {"DE", "FR", "SG", "JP", "IN", "BR", "GB", "CA", "KR", "TH", "AE", "EU"};
    private static final String[] STATUS = {"announced", "in_development", "operational", "released"};
    private static final String[] FAMILIES = {"llama:3.1-70b", "gemma:2-9b", "mistral", "llama", "gemma"};

    private BenchData() {
    }

    /** Writes old.csv and new.csv under dir for n records. */
    static void write(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(42L + n);
        List<String[]> old = new ArrayList<>(n);
        for (int i = 0; i < n; i++) old.add(record(i, rnd));
        writeCsv(dir.resolve("old.csv"), old);
        List<String[]> fresh = new ArrayList<>(n + n / 50);
        int f = SCHEMA.fields().size();
        int notes = SCHEMA.require("notes").index();
        int status = SCHEMA.require("status").index();
        int sources = SCHEMA.require("sources").index();
        for (int i = 0; i < n; i++) {
            String[] r = old.get(i).clone();
            int roll = rnd.nextInt(100);
            if (roll == 0) continue;                      // 1% removed
            if (roll <= 5) {                              // 5% modified
                switch (rnd.nextInt(3)) {
                    case 0 -> r[notes] = "Revised note " + rnd.nextInt(1000);
                    case 1 -> r[status] = STATUS[(indexOf(STATUS, r[status]) + 1) % STATUS.length];
                    default -> r[sources] = r[sources] + "; https://news.example.org/" + i;
                }
            } else if (roll == 6) {                       // not a change: sources reordered, padded
                List<String> parts = new ArrayList<>(List.of(r[sources].split("; ")));
                Collections.reverse(parts);
                r[sources] = " " + String.join(";", parts) + " ";
            }
            fresh.add(r);
        }
        for (int i = 0; i < n / 50; i++) fresh.add(record(n + i, rnd));   // 2% added
        Collections.shuffle(fresh, rnd);
        writeCsv(dir.resolve("new.csv"), fresh);
        if (f != old.get(0).length) throw new IllegalStateException("field count");
    }

    private static int indexOf(String[] a, String v) {
        for (int i = 0; i < a.length; i++) if (a[i].equals(v)) return i;
        return 0;
    }

    private static String[] record(int i, Random rnd) {
        String[] r = new String[SCHEMA.fields().size()];
        java.util.Arrays.fill(r, "");
        String id = String.format("project-%07d", i);
        set(r, "id", id);
        set(r, "name", "Project " + Integer.toString(i, 36).toUpperCase() + " " + (char) ('A' + rnd.nextInt(26)));
        String layer = switch (i % 3) {
            case 0 -> "compute";
            case 1 -> "models";
            default -> "data";
        };
        set(r, "layer", layer);
        set(r, "jurisdiction", JURISDICTIONS[rnd.nextInt(JURISDICTIONS.length)]);
        if (rnd.nextInt(4) == 0) set(r, "partner_jurisdictions", JURISDICTIONS[rnd.nextInt(JURISDICTIONS.length)]);
        set(r, "lead_org", "Organisation " + rnd.nextInt(5000));
        set(r, "announced", (2018 + rnd.nextInt(8)) + "-Q" + (1 + rnd.nextInt(4)));
        set(r, "status", STATUS[rnd.nextInt(STATUS.length)]);
        if (rnd.nextBoolean()) set(r, "funding_usd", Integer.toString(1_000_000 * (1 + rnd.nextInt(900))));
        StringBuilder src = new StringBuilder("https://gov.example.org/ai/" + id);
        for (int k = rnd.nextInt(3); k > 0; k--) src.append("; https://press.example.com/").append(rnd.nextInt(1_000_000));
        set(r, "sources", src.toString());
        if (rnd.nextInt(5) == 0) set(r, "aliases", "Alias " + i);
        if (rnd.nextInt(3) == 0) set(r, "notes", "Figures from the " + (2020 + rnd.nextInt(6)) + " budget; capacity planned");
        switch (layer) {
            case "models" -> {
                set(r, "build_approach", rnd.nextBoolean() ? "base" : "scratch");
                set(r, "release_status", "open_restricted");
                if (r[SCHEMA.require("build_approach").index()].equals("base")) set(r, "base_models", FAMILIES[rnd.nextInt(FAMILIES.length)]);
                if (rnd.nextBoolean()) set(r, "license", "Apache-2.0");
            }
            case "compute" -> {
                set(r, "accelerator_vendors", rnd.nextBoolean() ? "nvidia" : "nvidia; amd");
                set(r, "accelerator_count", Integer.toString(64 * (1 + rnd.nextInt(400))));
                if (rnd.nextBoolean()) set(r, "power_mw", (1 + rnd.nextInt(40)) + "." + rnd.nextInt(10));
            }
            default -> {
                set(r, "data_type", "language corpus");
                set(r, "languages", rnd.nextBoolean() ? "en" : "th; en");
            }
        }
        return r;
    }

    private static void set(String[] r, String field, String value) {
        r[SCHEMA.require(field).index()] = value;
    }

    private static void writeCsv(Path file, List<String[]> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            for (FieldSpec f : SCHEMA.fields()) csv.print(f.name());
            csv.println();
            for (String[] r : rows) csv.printRecord((Object[]) r);
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }

    /** CPU time of the whole process (all threads, GC and JIT included): a figure that other load on the machine does not inflate. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static int[] sizes(String[] args) {
        if (args.length == 0) return new int[] {10_000, 100_000, 1_000_000};
        int[] out = new int[args.length];
        for (int i = 0; i < args.length; i++) out[i] = Integer.parseInt(args[i].replace("_", ""));
        return out;
    }
}
