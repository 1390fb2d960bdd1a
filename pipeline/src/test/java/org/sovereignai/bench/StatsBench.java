package org.sovereignai.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.stats.IndexStats;
import org.sovereignai.stats.Stats;
import org.sovereignai.stats.StatsCharts;
import org.sovereignai.stats.StatsMarkdown;

/**
 * Not a test: how long the figures take on a large generated index (fixed seed). Run after
 * {@code mvn -q -B test-compile} with
 * {@code java -Xmx512m -cp pipeline/target/classes:pipeline/target/test-classes:$(cat cp.txt) org.sovereignai.bench.StatsBench [N]}.
 */
public final class StatsBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Schema schema = Schema.bundled();
        List<Project> projects = generate(schema, n);
        for (int round = 1; round <= 5; round++) {
            long t0 = System.nanoTime();
            IndexStats stats = Stats.compute(projects, schema);
            long t1 = System.nanoTime();
            String json = stats.toJsonText();
            String md = StatsMarkdown.render(stats, schema);
            StatsCharts charts = new StatsCharts(stats, schema);
            int svg = charts.instancesByFamily().length() + charts.instancesByVendorCountry().length()
                    + charts.adoptionByQuarter().length() + charts.buildApproachByYear("Europe").length();
            long t2 = System.nanoTime();
            System.out.printf("round %d: %d projects, compute %.0f ms (%.2f M projects/s), render %.0f ms (json %d B, md %d B, svg %d B)%n",
                    round, n, (t1 - t0) / 1e6, n / ((t1 - t0) / 1e9) / 1e6, (t2 - t1) / 1e6, json.length(), md.length(), svg);
        }
    }

    /** Models (a third, a quarter of them chained on another model), compute and data projects over real vocabularies. */
    static List<Project> generate(Schema schema, int n) {
        Random random = new Random(42);
        List<String> families = new ArrayList<>(schema.vocabulary(Schema.FAMILIES_VOCABULARY).values());
        List<String> jurisdictions = new ArrayList<>(schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY).values());
        String[] approaches = {"scratch", "base", "both", "undisclosed"};
        String[] statuses = {"open_permissive", "open_restricted", "announced_open", "closed", "unclear"};
        String[] vendors = {"nvidia", "amd", "intel", "google", "aws", "huawei", "other"};
        List<Project> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] raw = new String[schema.fields().size()];
            int layer = i % 3;
            raw[schema.require(Schema.ID).index()] = "p" + i;
            raw[schema.require(Schema.NAME).index()] = "Project " + i;
            raw[schema.require(Schema.LAYER).index()] = layer == 0 ? "models" : layer == 1 ? "compute" : "data";
            raw[schema.require(Schema.JURISDICTION).index()] = jurisdictions.get(random.nextInt(jurisdictions.size()));
            raw[schema.require("lead_org").index()] = "Lab " + i;
            raw[schema.require(Schema.ANNOUNCED).index()] = (2019 + random.nextInt(7)) + "-Q" + (1 + random.nextInt(4));
            raw[schema.require(Schema.SOURCES).index()] = "https://example.org/" + i;
            if (layer == 0) {
                String approach = approaches[random.nextInt(4)];
                raw[schema.require(Schema.BUILD_APPROACH).index()] = approach;
                raw[schema.require(Schema.RELEASE_STATUS).index()] = statuses[random.nextInt(5)];
                if (approach.equals("base") || approach.equals("both")) {
                    String bases = families.get(random.nextInt(families.size())) + ":a; "
                            + families.get(random.nextInt(families.size())) + ":b";
                    if (i > 3 && random.nextInt(4) == 0) bases += "; p" + (random.nextInt(i / 3) * 3);
                    raw[schema.require(Schema.BASE_MODELS).index()] = bases;
                }
            } else if (layer == 1) {
                raw[schema.require(Schema.ACCELERATOR_VENDORS).index()] = vendors[random.nextInt(7)] + "; " + vendors[random.nextInt(7)];
            }
            out.add(Project.of(schema, raw));
        }
        return out;
    }
}
