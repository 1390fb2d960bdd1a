package org.sovereignai.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.Schema;

/**
 * The four charts of a release, as SVG files that open in any browser: base-model instances by family, instances by
 * vendor country, adoption of each family by quarter, and build approach by year for Europe. Each has a title,
 * labelled axes and its numbers written on it. Hand-written SVG: same figures, same bytes.
 */
public final class StatsCharts {
    public static final String BY_FAMILY = "base-instances-by-family.svg";
    public static final String BY_VENDOR_COUNTRY = "base-instances-by-vendor-country.svg";
    public static final String ADOPTION = "adoption-by-quarter.svg";
    public static final String EUROPE_BUILD_APPROACH = "europe-build-approach-by-year.svg";
    /** The region of the fourth chart, a value of schemas/vocabularies/regions.csv. */
    public static final String CHART_REGION = "Europe";

    /** Most bars or rows a chart draws; the rest are summed into one "other" bar so a chart stays readable. */
    static final int MAX_ROWS = 20;

    private static final String BAR = "#4e79a7";
    private static final String AXIS = "#333333";
    private static final String GRID = "#e3e3e3";
    private static final String[] SERIES = {"#59a14f", "#4e79a7", "#f28e2b", "#bab0ac", "#e15759", "#76b7b2"};

    private final IndexStats stats;
    private final FigureLabels labels;
    private final List<String> approaches;

    public StatsCharts(IndexStats stats, Schema schema) {
        this.stats = stats;
        this.labels = new FigureLabels(schema, stats);
        // Vocabulary order (scratch, base, both, undisclosed) reads better than alphabetical in a stack.
        this.approaches = new ArrayList<>(schema.vocabulary(schema.require(Schema.BUILD_APPROACH).vocabulary()).values());
        stats.models().buildApproach().keySet().forEach(a -> {
            if (!approaches.contains(a)) approaches.add(a);
        });
    }

    /** Writes the four charts into the folder (created if needed); returns their paths in a fixed order. */
    public List<Path> write(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, String> chart : List.of(
                Map.entry(BY_FAMILY, instancesByFamily()),
                Map.entry(BY_VENDOR_COUNTRY, instancesByVendorCountry()),
                Map.entry(ADOPTION, adoptionByQuarter()),
                Map.entry(EUROPE_BUILD_APPROACH, buildApproachByYear(CHART_REGION)))) {
            Path file = folder.resolve(chart.getKey());
            AtomicFiles.write(file, chart.getValue());
            out.add(file);
        }
        return out;
    }

    public String instancesByFamily() {
        IndexStats.BaseInstances b = stats.models().baseInstances();
        List<Bar> bars = new ArrayList<>();
        b.byFamily().forEach((k, v) -> bars.add(new Bar(Svg.shorten(labels.family(k)), v)));
        return horizontalBars("Base-model instances by family (" + b.total() + " instances in "
                + stats.models().baseUsingProjects() + " projects)", "Base-model instances", "Family", bars, b.total());
    }

    public String instancesByVendorCountry() {
        IndexStats.BaseInstances b = stats.models().baseInstances();
        List<Bar> bars = new ArrayList<>();
        b.byVendorCountry().forEach((k, v) -> bars.add(new Bar(Svg.shorten(labels.country(k)), v)));
        return horizontalBars("Base-model instances by vendor country (" + b.total() + " instances)",
                "Base-model instances", "Vendor country", bars, b.total());
    }

    private record Bar(String label, int value) {
    }

    private static String horizontalBars(String title, String xTitle, String yTitle, List<Bar> input, int total) {
        List<Bar> bars = new ArrayList<>(input);
        bars.sort(Comparator.comparing((Bar b) -> -b.value).thenComparing(Bar::label));
        if (bars.size() > MAX_ROWS) {
            List<Bar> rest = bars.subList(MAX_ROWS - 1, bars.size());
            Bar other = new Bar(rest.size() + " others", rest.stream().mapToInt(Bar::value).sum());
            bars = new ArrayList<>(bars.subList(0, MAX_ROWS - 1));
            bars.add(other);
        }
        double labelWidth = 60;
        for (Bar b : bars) labelWidth = Math.max(labelWidth, Svg.textWidth(b.label, 12));
        double left = 40 + labelWidth + 10;
        double plotWidth = 460;
        double top = 50;
        double rowHeight = 30;
        int rows = Math.max(bars.size(), 1);
        double plotHeight = rows * rowHeight;
        int width = (int) Math.ceil(Math.max(left + plotWidth + 110, Svg.titleWidth(title)));
        int height = (int) Math.ceil(top + plotHeight + 60);
        Svg svg = new Svg(width, height, title);
        int max = bars.stream().mapToInt(Bar::value).max().orElse(0);
        int step = niceStep(max);
        int axisMax = Math.max(step, (max + step - 1) / step * step);
        for (int t = 0; t <= axisMax; t += step) {
            double x = left + plotWidth * t / axisMax;
            svg.line(x, top, x, top + plotHeight, t == 0 ? AXIS : GRID);
            svg.text(x, top + plotHeight + 16, Integer.toString(t), "middle", 11, false, AXIS);
        }
        svg.line(left, top + plotHeight, left + plotWidth, top + plotHeight, AXIS);
        if (bars.isEmpty()) svg.text(left + plotWidth / 2, top + rowHeight / 2 + 4, "No data", "middle", 12, false, AXIS);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = top + i * rowHeight;
            double w = plotWidth * b.value / axisMax;
            svg.rect(left, y + 5, w, rowHeight - 10, BAR);
            svg.text(left - 8, y + rowHeight / 2 + 4, b.label, "end", 12, false, AXIS);
            svg.text(left + w + 6, y + rowHeight / 2 + 4, b.value + " (" + Shares.percent(b.value, total) + ")",
                    "start", 12, true, AXIS);
        }
        svg.text(left + plotWidth / 2, top + plotHeight + 40, xTitle, "middle", 12, false, AXIS);
        svg.verticalText(16, top + plotHeight / 2, yTitle, 12);
        return svg.finish();
    }

    /** A grid of family x quarter announced, each cell the number of projects; the last column is the running total. */
    public String adoptionByQuarter() {
        SortedMap<String, SortedMap<String, Integer>> all = stats.models().adoptionByQuarter();
        List<String> families = new ArrayList<>(all.keySet());
        families.sort(Comparator.comparing((String f) -> -sum(all.get(f))).thenComparing(f -> f));
        Map<String, SortedMap<String, Integer>> a = new java.util.HashMap<>(all);
        Map<String, String> names = new java.util.HashMap<>();
        for (String f : families) names.put(f, Svg.shorten(labels.family(f)));
        if (families.size() > MAX_ROWS) {
            // The smaller families share one row: projects per quarter summed over them.
            List<String> rest = families.subList(MAX_ROWS - 1, families.size());
            SortedMap<String, Integer> merged = new java.util.TreeMap<>();
            for (String f : rest) all.get(f).forEach((q, n) -> merged.merge(q, n, Integer::sum));
            String key = "\u0000others";
            a.put(key, merged);
            names.put(key, rest.size() + " other families");
            families = new ArrayList<>(families.subList(0, MAX_ROWS - 1));
            families.add(key);
        }
        List<String> quarters = quarterRange(a);
        double labelWidth = 60;
        for (String f : families) labelWidth = Math.max(labelWidth, Svg.textWidth(names.get(f), 12));
        double left = 40 + labelWidth + 10;
        double top = 64;
        double cellW = 32;
        double cellH = 26;
        double gridW = Math.max(quarters.size(), 1) * cellW;
        double gridH = Math.max(families.size(), 1) * cellH;
        String title = "Adoption of base-model families by quarter announced";
        int width = (int) Math.ceil(Math.max(left + gridW + 90, Svg.titleWidth(title)));
        int height = (int) Math.ceil(top + gridH + 76);
        Svg svg = new Svg(width, height, title);
        svg.text(width / 2.0, 46, "Cell: projects announced that quarter using the family; last column: cumulative total",
                "middle", 11, false, "#555555");
        int max = 1;
        for (SortedMap<String, Integer> q : a.values()) for (int n : q.values()) max = Math.max(max, n);
        if (families.isEmpty()) svg.text(left + gridW / 2, top + cellH / 2 + 4, "No data", "middle", 12, false, AXIS);
        for (int r = 0; r < families.size(); r++) {
            String f = families.get(r);
            double y = top + r * cellH;
            svg.text(left - 8, y + cellH / 2 + 4, names.get(f), "end", 12, false, AXIS);
            for (int c = 0; c < quarters.size(); c++) {
                int n = a.get(f).getOrDefault(quarters.get(c), 0);
                double x = left + c * cellW;
                svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, n == 0 ? "#f2f2f2" : shade(n, max));
                if (n > 0) svg.text(x + cellW / 2, y + cellH / 2 + 4, Integer.toString(n), "middle", 12, true,
                        n * 2 > max ? "#ffffff" : "#1a1a1a");
            }
            svg.text(left + gridW + 30, y + cellH / 2 + 4, Integer.toString(sum(a.get(f))), "middle", 12, true, AXIS);
        }
        svg.line(left, top + gridH, left + gridW, top + gridH, AXIS);
        svg.line(left, top, left, top + gridH, AXIS);
        svg.text(left + gridW + 30, top + gridH + 16, "total", "middle", 11, false, AXIS);
        String year = null;
        int yearStart = 0;
        for (int c = 0; c <= quarters.size(); c++) {
            String y = c < quarters.size() ? quarters.get(c).substring(0, 4) : null;
            if (c < quarters.size()) {
                svg.text(left + c * cellW + cellW / 2, top + gridH + 16, quarters.get(c).substring(5), "middle", 10, false, AXIS);
            }
            if (year != null && !year.equals(y)) {
                double x0 = left + yearStart * cellW;
                double x1 = left + c * cellW;
                svg.line(x1, top + gridH, x1, top + gridH + 34, GRID);
                svg.text((x0 + x1) / 2, top + gridH + 31, year, "middle", 11, true, AXIS);
                yearStart = c;
            }
            if (year == null) yearStart = c;
            year = y;
        }
        svg.text(left + gridW / 2, top + gridH + 56, "Quarter the project was announced", "middle", 12, false, AXIS);
        svg.verticalText(16, top + gridH / 2, "Base-model family", 12);
        return svg.finish();
    }

    /** Stacked bars: model projects of the region by year announced, one segment per build approach. */
    public String buildApproachByYear(String region) {
        SortedMap<String, SortedMap<String, Integer>> years =
                stats.models().buildApproachByRegionYear().getOrDefault(region, new java.util.TreeMap<>());
        List<String> columns = yearRange(years.keySet());
        String title = "Build approach of " + region + "'s model projects by year announced";
        double top = 78;
        double plotH = 280;
        double slot = 72;
        double plotW = Math.max(columns.size(), 1) * slot;
        double legendW = 0;
        for (String a : approaches) legendW += 16 + Svg.textWidth(labels.approach(a), 11) + 18;
        int width = (int) Math.ceil(Math.max(Math.max(70 + plotW + 40, Svg.titleWidth(title)), legendW + 60));
        int height = (int) Math.ceil(top + plotH + 64);
        double left = Math.max(70, (width - plotW) / 2);
        Svg svg = new Svg(width, height, title);
        double lx = (width - legendW) / 2;
        for (int i = 0; i < approaches.size(); i++) {
            String label = labels.approach(approaches.get(i));
            svg.rect(lx, 42, 12, 12, SERIES[i % SERIES.length]);
            svg.text(lx + 16, 52, label, "start", 11, false, AXIS);
            lx += 16 + Svg.textWidth(label, 11) + 18;
        }
        int max = 0;
        for (String y : columns) max = Math.max(max, sum(years.getOrDefault(y, new java.util.TreeMap<>())));
        int step = niceStep(max);
        int axisMax = Math.max(step, (max + step - 1) / step * step);
        for (int t = 0; t <= axisMax; t += step) {
            double y = top + plotH - plotH * t / axisMax;
            svg.line(left, y, left + plotW, y, t == 0 ? AXIS : GRID);
            svg.text(left - 8, y + 4, Integer.toString(t), "end", 11, false, AXIS);
        }
        svg.line(left, top, left, top + plotH, AXIS);
        if (columns.isEmpty()) svg.text(left + plotW / 2, top + plotH / 2, "No data", "middle", 12, false, AXIS);
        for (int c = 0; c < columns.size(); c++) {
            String year = columns.get(c);
            Map<String, Integer> counts = years.getOrDefault(year, new java.util.TreeMap<>());
            double x = left + c * slot + 10;
            double barW = slot - 20;
            double base = top + plotH;
            for (int i = 0; i < approaches.size(); i++) {
                int n = counts.getOrDefault(approaches.get(i), 0);
                if (n == 0) continue;
                double h = plotH * n / axisMax;
                base -= h;
                svg.rect(x, base, barW, h, SERIES[i % SERIES.length]);
                if (h >= 14) svg.text(x + barW / 2, base + h / 2 + 4, Integer.toString(n), "middle", 11, true, "#ffffff");
            }
            svg.text(x + barW / 2, base - 5, Integer.toString(sum(counts)), "middle", 12, true, AXIS);
            svg.text(x + barW / 2, top + plotH + 16, year, "middle", 11, false, AXIS);
        }
        svg.text(left + plotW / 2, top + plotH + 42, "Year announced", "middle", 12, false, AXIS);
        svg.verticalText(left - 46, top + plotH / 2, "Model projects", 12);
        return svg.finish();
    }

    /** Every quarter from the first to the last with data, gaps included, so the time axis is even. */
    private static List<String> quarterRange(Map<String, ? extends Map<String, Integer>> a) {
        TreeSet<String> seen = new TreeSet<>();
        a.values().forEach(q -> seen.addAll(q.keySet()));
        List<String> out = new ArrayList<>();
        if (seen.isEmpty()) return out;
        int first = quarterIndex(seen.first());
        int last = quarterIndex(seen.last());
        for (int i = first; i <= last && out.size() < 400; i++) out.add((i / 4) + "-Q" + (i % 4 + 1));
        return out;
    }

    private static int quarterIndex(String label) {
        return Integer.parseInt(label.substring(0, 4)) * 4 + (label.charAt(6) - '1');
    }

    /** Every year from the first to the last with data; a non-year key (unknown) goes last. */
    private static List<String> yearRange(java.util.Set<String> keys) {
        List<String> out = new ArrayList<>();
        TreeSet<Integer> years = new TreeSet<>();
        List<String> other = new ArrayList<>();
        for (String k : keys) {
            if (k.matches("\\d{4}")) years.add(Integer.parseInt(k));
            else other.add(k);
        }
        if (!years.isEmpty()) for (int y = years.first(); y <= years.last() && out.size() < 200; y++) out.add(Integer.toString(y));
        out.addAll(other);
        return out;
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most six intervals. */
    static int niceStep(int max) {
        for (long pow = 1; pow <= Integer.MAX_VALUE / 5; pow *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (m * pow * 6 >= max) return (int) (m * pow);
            }
        }
        return Math.max(max, 1);
    }

    /** Light to dark blue by the value's share of the largest cell. */
    private static String shade(int n, int max) {
        double t = 0.25 + 0.75 * n / max;
        int r = (int) Math.round(222 - t * (222 - 33));
        int g = (int) Math.round(235 - t * (235 - 102));
        int b = (int) Math.round(247 - t * (247 - 172));
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
