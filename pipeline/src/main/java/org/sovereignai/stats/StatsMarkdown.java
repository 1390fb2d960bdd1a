package org.sovereignai.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sovereignai.record.Schema;

/**
 * STATS.md: the figures as Markdown tables, percents as whole numbers (half-up), and, when the previous release's
 * figures are given, a change column ("4 -> 5 (+1)") and the changes of the matrices as bullets. Deterministic.
 */
public final class StatsMarkdown {
    private final IndexStats stats;
    private final Figures current;
    private final Figures previous;
    private final StatsDelta delta;
    private final FigureLabels labels;
    private final Schema schema;
    private final StringBuilder md = new StringBuilder();

    private StatsMarkdown(IndexStats stats, Figures previous, Schema schema) {
        this.stats = stats;
        this.current = Figures.of(stats);
        this.previous = previous;
        this.delta = previous == null ? null : StatsDelta.between(previous, current);
        this.labels = new FigureLabels(schema, stats);
        this.schema = schema;
    }

    /** STATS.md without deltas. */
    public static String render(IndexStats stats, Schema schema) {
        return render(stats, null, schema, "Index statistics", null);
    }

    /**
     * STATS.md.
     *
     * @param previous      the previous release's figures ({@link Figures#read} of its stats.json), or null
     * @param title         the first heading, e.g. "Statistics of release 2026-Q1"
     * @param previousLabel how to name the previous release in the text, e.g. "2025-Q4" (null: "the previous release")
     */
    public static String render(IndexStats stats, Figures previous, Schema schema, String title, String previousLabel) {
        return new StatsMarkdown(stats, previous, schema).build(title, previousLabel);
    }

    private String build(String title, String previousLabel) {
        IndexStats.Projects p = stats.projects();
        IndexStats.Models m = stats.models();
        IndexStats.BaseInstances b = m.baseInstances();
        IndexStats.Compute c = stats.compute();
        md.append("# ").append(title).append("\n\n");
        md.append(p.total()).append(" projects in ").append(p.jurisdictions()).append(" jurisdictions. ")
                .append("Every figure is defined in `docs/statistics.md`; percents are whole numbers rounded half-up.");
        if (previous != null) {
            md.append(" Changes are against ").append(previousLabel == null ? "the previous release" : previousLabel)
                    .append(" (").append(delta.changes().size()).append(delta.changes().size() == 1 ? " figure" : " figures")
                    .append(" moved).");
        }
        md.append("\n\n## Projects\n\n");
        header("figure", "value");
        row("Projects", count(p.total()), path("projects", "total"));
        row("Jurisdictions", count(p.jurisdictions()), path("projects", "jurisdictions"));
        for (String layer : inVocabularyOrder(Schema.LAYER, keys(p.byLayer(), "projects", "byLayer"))) {
            row(labels.layer(layer) + " layer", count(p.byLayer().getOrDefault(layer, 0), p.total()),
                    path("projects", "byLayer", layer));
        }
        for (String region : keys(p.byRegion(), "projects", "byRegion")) {
            row("Projects in " + region, count(p.byRegion().getOrDefault(region, 0), p.total()),
                    path("projects", "byRegion", region));
        }

        md.append("\n## Model projects\n\n");
        header("figure", "value");
        row("Model projects", count(m.total()), path("models", "total"));
        for (String a : inVocabularyOrder(Schema.BUILD_APPROACH, keys(m.buildApproach(), "models", "buildApproach"))) {
            row("Build approach: " + labels.approach(a), count(m.buildApproach().getOrDefault(a, 0), m.total()),
                    path("models", "buildApproach", a));
        }
        row("Building on a base (base + both)", count(m.baseUsingProjects()), path("models", "baseUsingProjects"));
        row("Base-model instances in those projects", count(b.total()), path("models", "baseInstances", "total"));
        for (String s : inVocabularyOrder(Schema.RELEASE_STATUS, keys(m.releaseStatus(), "models", "releaseStatus"))) {
            row("Release status: " + labels.status(s).toLowerCase(java.util.Locale.ROOT),
                    count(m.releaseStatus().getOrDefault(s, 0), m.total()), path("models", "releaseStatus", s));
        }
        row("Open in some form", count(m.openInSomeForm(), m.total()), path("models", "openInSomeForm"),
                path("models", "openInSomeFormShare"));

        md.append("\n## Base-model instances by family\n\n");
        md.append(b.total()).append(" instances in ").append(m.baseUsingProjects())
                .append(" projects that build on a base; one instance per distinct (project, root family) pair.\n\n");
        header("family", "vendor", "vendor country", "instances", "projects");
        for (String f : byCountDesc(b.byFamily(), "models", "baseInstances", "byFamily")) {
            RootFamily rf = labels.describe(f);
            tableRow(List.of(labels.family(f), rf.vendor(),
                            rf.vendorCountry().isEmpty() ? "" : labels.country(rf.vendorCountry()),
                            count(b.byFamily().getOrDefault(f, 0), b.total()), count(b.projectsByFamily().getOrDefault(f, 0))),
                    List.of(path("models", "baseInstances", "byFamily", f), path("models", "baseInstances", "shareByFamily", f),
                            path("models", "baseInstances", "projectsByFamily", f)));
        }

        md.append("\n## Base-model instances by vendor\n\n");
        header("vendor", "instances", "projects");
        for (String v : byCountDesc(b.byVendor(), "models", "baseInstances", "byVendor")) {
            tableRow(List.of(v, count(b.byVendor().getOrDefault(v, 0), b.total()),
                            count(b.projectsByVendor().getOrDefault(v, 0))),
                    List.of(path("models", "baseInstances", "byVendor", v), path("models", "baseInstances", "shareByVendor", v),
                            path("models", "baseInstances", "projectsByVendor", v)));
        }

        md.append("\n## Base-model instances by vendor country\n\n");
        header("vendor country", "instances");
        for (String k : byCountDesc(b.byVendorCountry(), "models", "baseInstances", "byVendorCountry")) {
            row(labels.country(k), count(b.byVendorCountry().getOrDefault(k, 0), b.total()),
                    path("models", "baseInstances", "byVendorCountry", k),
                    path("models", "baseInstances", "shareByVendorCountry", k));
        }

        adoption(m);
        regionYear(m);

        md.append("\n## Compute: accelerator vendors\n\n");
        md.append("Of ").append(c.total()).append(" compute projects, ").append(c.namingAcceleratorVendor())
                .append(" name at least one accelerator vendor; a project naming several counts once for each.\n\n");
        header("vendor", "compute projects naming it");
        for (String v : byCountDesc(c.acceleratorVendors(), "compute", "acceleratorVendors")) {
            row(labels.vendor(v), count(c.acceleratorVendors().getOrDefault(v, 0), c.total()),
                    path("compute", "acceleratorVendors", v), path("compute", "acceleratorVendorShare", v));
        }
        row("Any vendor named", count(c.namingAcceleratorVendor(), c.total()), path("compute", "namingAcceleratorVendor"));
        return md.toString();
    }

    private void adoption(IndexStats.Models m) {
        md.append("\n## Adoption of base-model families by quarter\n\n");
        md.append("Projects using each family, by the quarter the project was announced.\n\n");
        Map<String, ? extends Map<String, Integer>> a = m.adoptionByQuarter();
        Set<String> quarters = new TreeSet<>();
        a.values().forEach(q -> quarters.addAll(q.keySet()));
        if (a.isEmpty()) {
            md.append("No base-using project has an announcement date.\n");
        } else {
            List<String> head = new ArrayList<>(List.of("family"));
            head.addAll(quarters);
            head.add("total");
            plainHeader(head);
            for (String f : byTotalDesc(a)) {
                List<String> cells = new ArrayList<>(List.of(labels.family(f)));
                int total = 0;
                for (String q : quarters) {
                    int n = a.get(f).getOrDefault(q, 0);
                    total += n;
                    cells.add(n == 0 ? "" : Integer.toString(n));
                }
                cells.add(Integer.toString(total));
                plainRow(cells);
            }
        }
        changeBullets("models", "adoptionByQuarter");
    }

    private void regionYear(IndexStats.Models m) {
        md.append("\n## Build approach by region and year\n\n");
        md.append("Model projects by the region of their jurisdiction and the year they were announced.\n\n");
        List<String> approaches = inVocabularyOrder(Schema.BUILD_APPROACH, m.buildApproach().keySet());
        List<String> head = new ArrayList<>(List.of("region", "year"));
        approaches.forEach(a -> head.add(labels.approach(a)));
        head.add("total");
        plainHeader(head);
        m.buildApproachByRegionYear().forEach((region, years) -> years.forEach((year, counts) -> {
            List<String> cells = new ArrayList<>(List.of(region, year));
            int total = 0;
            for (String a : approaches) {
                int n = counts.getOrDefault(a, 0);
                total += n;
                cells.add(Integer.toString(n));
            }
            cells.add(Integer.toString(total));
            plainRow(cells);
        }));
        changeBullets("models", "buildApproachByRegionYear");
    }

    /** The keys in the order of the field's vocabulary (scratch, base, both, ...), then any others sorted. */
    private List<String> inVocabularyOrder(String field, Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String v : schema.vocabulary(schema.require(field).vocabulary()).values()) if (keys.contains(v)) out.add(v);
        for (String k : new TreeSet<>(keys)) if (!out.contains(k)) out.add(k);
        return out;
    }

    /** Keys present now or in the previous release (a figure that fell to 0 still shows its change). */
    private Set<String> keys(Map<String, ?> now, String... prefix) {
        Set<String> out = new TreeSet<>(now.keySet());
        if (previous != null) {
            for (List<String> path : previous.values().keySet()) {
                if (path.size() == prefix.length + 1 && path.subList(0, prefix.length).equals(List.of(prefix))) {
                    out.add(path.get(prefix.length));
                }
            }
        }
        return out;
    }

    private List<String> byCountDesc(Map<String, Integer> now, String... prefix) {
        List<String> out = new ArrayList<>(keys(now, prefix));
        out.sort(Comparator.comparing((String k) -> -now.getOrDefault(k, 0)).thenComparing(k -> k));
        return out;
    }

    private static List<String> byTotalDesc(Map<String, ? extends Map<String, Integer>> m) {
        List<String> out = new ArrayList<>(m.keySet());
        out.sort(Comparator.comparing((String k) -> -m.get(k).values().stream().mapToInt(Integer::intValue).sum())
                .thenComparing(k -> k));
        return out;
    }

    private static List<String> path(String... keys) {
        return List.of(keys);
    }

    private static String count(int n) {
        return Integer.toString(n);
    }

    private static String count(int n, int total) {
        return n + " (" + Shares.percent(n, total) + ")";
    }

    /** A table header; columns holding text (the first, names, and the change column) align left, numbers right. */
    private void header(String... names) {
        List<String> head = new ArrayList<>(List.of(names));
        if (previous != null) head.add("change");
        plainHeader(head);
    }

    private void plainHeader(List<String> head) {
        plainRow(head);
        md.append('|');
        for (String h : head) md.append(TEXT_COLUMNS.contains(h) ? "---" : "---:").append('|');
        md.append('\n');
    }

    private static final Set<String> TEXT_COLUMNS = Set.of("figure", "family", "vendor", "vendor country", "region",
            "change");

    private void plainRow(List<String> cells) {
        md.append('|');
        for (String c : cells) md.append(' ').append(escape(c)).append(" |");
        md.append('\n');
    }

    /** A row of a two-column table: label, value and, with a previous release, the movement of its figures. */
    @SafeVarargs
    private void row(String label, String value, List<String>... figurePaths) {
        tableRow(List.of(label, value), List.of(figurePaths));
    }

    /** One table row: the cells, then (with a previous release) the movements of the row's figures. */
    private void tableRow(List<String> cells, List<List<String>> figurePaths) {
        List<String> all = new ArrayList<>(cells);
        if (previous != null) all.add(movements(figurePaths));
        plainRow(all);
    }

    /** "4 -> 5 (+1); share 13.9% -> 15.2% (+1.33 pts)", or "no change" when none of the figures moved. */
    private String movements(List<List<String>> paths) {
        List<String> parts = new ArrayList<>();
        for (List<String> path : paths) {
            StatsDelta.Change ch = delta.change(path);
            if (ch == null) continue;
            String what = ch.share() ? "share " : path.get(path.size() - 2).startsWith("projectsBy") ? "projects " : "";
            parts.add(what + ch.movement());
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    private void changeBullets(String... prefix) {
        if (previous == null) return;
        List<String> lines = new ArrayList<>();
        for (StatsDelta.Change c : delta.changes()) {
            if (c.path().size() > prefix.length && c.path().subList(0, prefix.length).equals(List.of(prefix))) {
                lines.add("- " + labels.label(c.path()) + " " + c.movement());
            }
        }
        md.append('\n');
        if (lines.isEmpty()) {
            md.append("No change since the previous release.\n");
        } else {
            md.append("Changes since the previous release:\n\n");
            lines.forEach(l -> md.append(l).append('\n'));
        }
    }

    /** Keeps a cell inside its Markdown table cell. */
    private static String escape(String cell) {
        return cell.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }
}
