package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.sovereignai.stats.FigureLabels;
import org.sovereignai.stats.Figures;
import org.sovereignai.stats.IndexStats;
import org.sovereignai.stats.ReleaseStats;
import org.sovereignai.stats.Stats;
import org.sovereignai.stats.StatsDelta;

/**
 * The index's figures in every release: {@code stats.json}, {@code STATS.md} (with deltas against the previous
 * release) and the SVG charts, plus a "Figures" section in CHANGES.md listing every figure that moved.
 * One instance serves one release: the figures are computed once and reused for the CHANGES.md section.
 */
public final class StatsArtifact implements ReleaseArtifact {
    private IndexStats stats;
    private Figures previous;

    @Override
    public void write(ReleaseContext ctx, Path dir) throws IOException {
        compute(ctx);
        String previousLabel = ctx.previous() == null ? null : ctx.previous().id().toString();
        ReleaseStats.write(dir, stats, previous, ctx.schema(), "Statistics of release " + ctx.id(), previousLabel);
    }

    @Override
    public Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) throws IOException {
        compute(ctx);
        if (previous == null) return Optional.empty(); // a first release has nothing to compare with
        String body = StatsDelta.between(previous, Figures.of(stats))
                .markdownSection("", new FigureLabels(ctx.schema(), stats));
        return Optional.of(new ChangesReport.Section("Figures", body));
    }

    private void compute(ReleaseContext ctx) throws IOException {
        if (stats != null) return;
        stats = Stats.compute(ctx.records(), ctx.schema());
        previous = ReleaseStats.previous(ctx.previousFolder());
    }
}
