package org.sovereignai.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.stats.TestProjects.SCHEMA;
import static org.sovereignai.stats.TestProjects.compute;
import static org.sovereignai.stats.TestProjects.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.Project;

/** STATS.md, the CHANGES.md lines and the release files, with and without a previous release. */
class StatsRenderingTest {

    /** Four Qwen projects in the previous quarter, five now, and Mistral dropped out. */
    private static List<Project> quarter(boolean current) {
        List<Project> ps = new ArrayList<>();
        for (int i = 0; i < (current ? 5 : 4); i++) ps.add(model("q" + i, "TH", "base", "qwen:3", "2025-Q" + (i % 4 + 1)));
        if (!current) ps.add(model("m", "FR", "base", "mistral:7b", "2024-Q1"));
        ps.add(compute("c", "FR", "nvidia"));
        return ps;
    }

    private static IndexStats previous() {
        return Stats.compute(quarter(false), SCHEMA);
    }

    private static IndexStats current() {
        return Stats.compute(quarter(true), SCHEMA);
    }

    @Test
    void changesListEveryFigureThatMovedInReadingOrder() {
        StatsDelta delta = StatsDelta.between(Figures.of(previous()), Figures.of(current()));
        List<String> lines = delta.lines(new FigureLabels(SCHEMA, current()));
        assertTrue(lines.contains("- Qwen instances 4 -> 5 (+1)"), lines.toString());
        assertTrue(lines.contains("- Mistral instances 1 -> 0 (-1)"), "a family that vanished reads as 0 now");
        assertTrue(lines.contains("- Qwen share of instances 80.0% -> 100.0% (+20 pts)"), lines.toString());
        assertTrue(lines.contains("- Qwen adoption, projects announced 2025-Q1 1 -> 2 (+1)"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.matches("- Projects \\d.*")), "the project total did not move");
        assertTrue(lines.get(0).startsWith("- Projects in"), "projects first, then models: " + lines);
        assertTrue(lines.indexOf("- Projects in Europe 2 -> 1 (-1)") < lines.indexOf("- Qwen instances 4 -> 5 (+1)"));
    }

    @Test
    void aFigureNewThisQuarterCountsFromZero() {
        IndexStats before = Stats.compute(List.of(compute("c", "FR", "nvidia")), SCHEMA);
        IndexStats after = Stats.compute(List.of(compute("c", "FR", "nvidia"), model("k", "AE", "base", "qwen:2.5", "2025-09")), SCHEMA);
        List<String> lines = StatsDelta.between(Figures.of(before), Figures.of(after)).lines(new FigureLabels(SCHEMA, after));
        assertTrue(lines.contains("- Qwen instances 0 -> 1 (+1)"), lines.toString());
        assertTrue(lines.contains("- Jurisdictions 1 -> 2 (+1)"), lines.toString());
    }

    @Test
    void theChangesSectionSaysSoWhenNothingMoved() {
        StatsDelta delta = StatsDelta.between(Figures.of(current()), Figures.of(current()));
        assertTrue(delta.isEmpty());
        assertEquals("## Figures\n\nNo figure changed since the previous release.\n",
                delta.markdownSection("## Figures", new FigureLabels(SCHEMA, current())));
    }

    @Test
    void figuresReadBackFromStatsJsonEqualTheComputedOnes() {
        IndexStats s = current();
        StatsDelta delta = StatsDelta.between(Figures.parse(s.toJsonText()), Figures.of(s));
        assertTrue(delta.isEmpty(), delta.changes().toString());
    }

    @Test
    void aBrokenPreviousStatsJsonIsAPlainError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Figures.parse("[1, 2]"));
        assertTrue(e.getMessage().contains("JSON object"));
    }

    @Test
    void statsMarkdownWithoutAPreviousReleaseHasNoChangeColumn() {
        String md = StatsMarkdown.render(current(), SCHEMA);
        assertTrue(md.startsWith("# Index statistics\n\n"));
        assertTrue(md.contains("| Qwen | Alibaba | China (CN) | 5 (100%) | 5 |"), md);
        assertFalse(md.contains("change"), md);
    }

    @Test
    void statsMarkdownShowsTheMovementOfEveryFigureAgainstThePreviousRelease() {
        String md = StatsMarkdown.render(current(), Figures.of(previous()), SCHEMA, "Statistics of release 2026-Q1", "2025-Q4");
        assertTrue(md.contains("Changes are against 2025-Q4"), md);
        assertTrue(md.contains("| Qwen | Alibaba | China (CN) | 5 (100%) | 5 | 4 -> 5 (+1); share 80.0% -> 100.0% (+20 pts); projects 4 -> 5 (+1) |"), md);
        assertTrue(md.contains("| Mistral | Mistral AI | France (FR) | 0 (0%) | 0 | 1 -> 0 (-1); share 20.0% -> 0.0% (-20 pts); projects 1 -> 0 (-1) |"), md);
        assertTrue(md.contains("| Projects | 6 | no change |"), md);
        assertTrue(md.contains("- Qwen adoption, projects announced 2025-Q1 1 -> 2 (+1)"), md);
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        Project odd = model("odd", "CH", "scratch", null, "2025-Q1").with("name", "A | B");
        IndexStats s = Stats.compute(List.of(odd, model("u", "SG", "base", "odd", "2025-Q2")), SCHEMA);
        assertTrue(StatsMarkdown.render(s, SCHEMA).contains("| A \\| B |"));
    }

    @Test
    void aReleaseGetsStatsJsonStatsMdAndFourChartsByteIdenticalOnRerun(@TempDir Path dir) throws Exception {
        List<Path> first = ReleaseStats.write(dir.resolve("r1"), current(), Figures.of(previous()), SCHEMA, "Statistics", "2025-Q4");
        List<Path> second = ReleaseStats.write(dir.resolve("r2"), current(), Figures.of(previous()), SCHEMA, "Statistics", "2025-Q4");
        assertEquals(6, first.size());
        assertEquals(List.of("stats.json", "STATS.md", "base-instances-by-family.svg", "base-instances-by-vendor-country.svg",
                "adoption-by-quarter.svg", "europe-build-approach-by-year.svg"),
                first.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(-1L, Files.mismatch(first.get(i), second.get(i)), first.get(i).toString());
        }
        assertEquals(current().toJsonText(), Files.readString(dir.resolve("r1/stats.json")));
        StatsDelta none = StatsDelta.between(ReleaseStats.previous(dir.resolve("r1")), Figures.of(current()));
        assertTrue(none.isEmpty());
        assertEquals(null, ReleaseStats.previous(dir.resolve("missing")));
    }
}
