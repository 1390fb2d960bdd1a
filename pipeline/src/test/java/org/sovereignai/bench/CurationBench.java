package org.sovereignai.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.camel.CamelContext;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.curation.Workspace;
import org.sovereignai.routes.SubmissionRoutes;

/**
 * What a submission costs: opening the database (H2 file + Flyway), starting the Camel context the CLI door uses,
 * and one submission through {@code direct:submit} versus the same domain call without Camel.
 * Deterministic data (seed 42): a release of N records, then full sheets with every 10th record's funding changed.
 * Run: see docs/benchmarks.md, section "Curation".
 */
public final class CurationBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path home = Files.createTempDirectory("sai-bench-curation");
        Path rel = home.resolve("snapshots/2025-Q4");
        Files.createDirectories(rel);
        Files.writeString(rel.resolve("projects.csv"), sheet(n, 0));
        Files.writeString(rel.resolve("manifest.json"), "{\"release\":\"2025-Q4\"}\n");
        Workspace ws = new Workspace(home);

        long t = System.nanoTime();
        Curation cur = Curation.open(ws, org.sovereignai.app.Settings.load(ws).withDbUrl(CurationSettings.embeddedUrl(ws)));
        report("open database (create + migrate)", t);
        t = System.nanoTime();
        cur.quarters().open("2026-Q1", "bench");
        report("quarter open (" + n + " records, CSV + XLSX templates)", t);

        t = System.nanoTime();
        CamelRuntime runtime = CamelRuntime.of(ws, new SubmissionRoutes(cur)).start();
        CamelContext ctx = runtime.context();
        report("Camel Main start with the submission route", t);

        for (int round = 1; round <= 3; round++) {
            Path viaCamel = home.resolve("camel-" + round + ".csv");
            Files.writeString(viaCamel, sheet(n, round * 2 - 1));
            t = System.nanoTime();
            SubmissionResult r = ctx.createProducerTemplate().requestBody(SubmissionRoutes.SUBMIT,
                    new Submissions.Request(viaCamel, viaCamel.getFileName().toString(), "bench", null, "cli"), SubmissionResult.class);
            report("round " + round + " via direct:submit: " + r.changes().size() + " changes from a full sheet", t);

            Path direct = home.resolve("direct-" + round + ".csv");
            Files.writeString(direct, sheet(n, round * 2));
            t = System.nanoTime();
            r = cur.submissions().submit(new Submissions.Request(direct, "direct.csv", "bench", null, "cli"));
            report("round " + round + " domain call:        " + r.changes().size() + " changes from a full sheet", t);
        }
        t = System.nanoTime();
        int pending = cur.review().pending().size();
        report("review list (" + pending + " pending, conflicts computed)", t);
        t = System.nanoTime();
        cur.review().reject(java.util.List.of("S2", "S3", "S4", "S5", "S6"), "bench", "superseded");
        report("reject five whole submissions", t);
        t = System.nanoTime();
        cur.review().approve(java.util.List.of("S1"), "bench");
        report("approve a whole submission", t);
        t = System.nanoTime();
        int records = cur.draft().projects().size();
        report("draft with provenance (" + records + " records)", t);
        runtime.close();
        cur.close();
    }

    private static void report(String what, long start) {
        System.out.printf("%-70s %8.1f ms%n", what, (System.nanoTime() - start) / 1e6);
    }

    /** N model records; in variant v every 10th record's funding differs (so each sheet proposes N/10 changes). */
    static String sheet(int n, int variant) {
        Random rnd = new Random(42);
        StringBuilder sb = new StringBuilder("id,name,layer,jurisdiction,lead_org,announced,status,funding_usd,sources,build_approach,release_status\n");
        for (int i = 0; i < n; i++) {
            long funding = 1_000_000L + rnd.nextInt(1_000_000);
            if (variant > 0 && i % 10 == 0) funding += variant;
            sb.append("project-").append(i).append(",Project ").append(i).append(",models,SG,Lab ").append(i % 37)
                    .append(",2024-Q").append(1 + i % 4).append(",released,").append(funding)
                    .append(",https://example.org/p/").append(i).append(",base,open_restricted\n");
        }
        return sb.toString();
    }
}
