package org.sovereignai.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.Schema;

/** The statistics files of a release folder: stats.json, STATS.md and the charts under charts/. */
public final class ReleaseStats {
    public static final String STATS_JSON = "stats.json";
    public static final String STATS_MD = "STATS.md";
    public static final String CHARTS_DIR = "charts";

    private ReleaseStats() {
    }

    /**
     * Writes stats.json, STATS.md (with deltas when {@code previous} is given) and the four charts into the folder.
     *
     * @return the files written, relative order fixed: stats.json, STATS.md, then the charts
     */
    public static List<Path> write(Path releaseDir, IndexStats stats, Figures previous, Schema schema,
                                   String title, String previousLabel) throws IOException {
        List<Path> out = new ArrayList<>();
        Path json = releaseDir.resolve(STATS_JSON);
        AtomicFiles.write(json, stats.toJsonText());
        out.add(json);
        Path md = releaseDir.resolve(STATS_MD);
        AtomicFiles.write(md, StatsMarkdown.render(stats, previous, schema, title, previousLabel));
        out.add(md);
        out.addAll(new StatsCharts(stats, schema).write(releaseDir.resolve(CHARTS_DIR)));
        return out;
    }

    /** The figures of an earlier release folder's stats.json, or null when it has none (the first release). */
    public static Figures previous(Path previousReleaseDir) throws IOException {
        if (previousReleaseDir == null) return null;
        Path json = previousReleaseDir.resolve(STATS_JSON);
        return Files.isRegularFile(json) ? Figures.read(json) : null;
    }
}
