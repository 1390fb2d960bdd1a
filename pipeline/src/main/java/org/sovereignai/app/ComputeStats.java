package org.sovereignai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.stats.Figures;
import org.sovereignai.stats.IndexStats;
import org.sovereignai.stats.ReleaseStats;
import org.sovereignai.stats.Stats;
import org.sovereignai.stats.StatsCharts;
import org.sovereignai.stats.StatsMarkdown;

/** Use case: the index's standard figures of a release folder or a curator sheet, as STATS.md or stats.json. */
public final class ComputeStats {
    private final Home home;

    public ComputeStats(Home home) {
        this.home = home;
    }

    /**
     * @param input    a release folder or a curator sheet (validated first)
     * @param sheet    the XLSX sheet to read, or null for the first
     * @param previous an earlier release, its stats.json or a sheet (Markdown then shows every figure's change), or null
     * @param charts   a folder to write the four SVG charts into, or null
     * @param json     stats.json (with the command line's formatVersion) rather than STATS.md
     * @return the rendering
     * @throws Refusal a missing, unreadable or invalid input
     */
    public String run(Path input, String sheet, Path previous, Path charts, boolean json) {
        Schema schema = home.schema();
        try {
            IndexStats stats = Stats.compute(load(input, sheet, schema), schema);
            Figures before = previous == null ? null : previousFigures(previous, sheet, schema);
            if (charts != null) new StatsCharts(stats, schema).write(charts);
            if (json) {
                // stats.json as a release publishes it, plus the formatVersion every JSON output of the command line has
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(stats.toJson());
                m.put("formatVersion", org.sovereignai.io.Json.FORMAT_VERSION);
                return org.sovereignai.io.Json.write(m);
            }
            String title = "Statistics of " + (Files.isDirectory(input) ? "release " : "") + RecordInput.label(input);
            String previousLabel = previous == null ? null : RecordInput.label(previous);
            return StatsMarkdown.render(stats, before, schema, title, previousLabel);
        } catch (IOException e) {
            throw Refusal.usage("cannot read or write: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw Refusal.usage(e.getMessage());
        }
    }

    private static Figures previousFigures(Path previous, String sheet, Schema schema) throws IOException {
        if (Files.isDirectory(previous)) {
            Figures f = ReleaseStats.previous(previous);
            if (f != null) return f;
        } else if (previous.getFileName() != null && previous.getFileName().toString().endsWith(".json")) {
            if (!Files.isRegularFile(previous)) throw Refusal.usage(previous + ": no such file");
            return Figures.read(previous);
        }
        return Figures.of(Stats.compute(load(previous, sheet, schema), schema));
    }

    /** The projects of a release folder (trusted, read as is) or of a curator sheet (validated first). */
    private static List<Project> load(Path path, String sheet, Schema schema) {
        if (!Files.exists(path)) throw Refusal.usage(path + ": no such file or folder");
        List<Project> projects = new ArrayList<>();
        Report report = RecordInput.read(path, sheet, schema, projects::add, raw -> projects.add(Project.of(schema, raw)));
        if (!report.valid()) {
            StringBuilder errors = new StringBuilder();
            for (Finding f : report.findings()) {
                if (f.isError()) errors.append("\nerror ").append(f.code()).append(" at ").append(f.position().describe())
                        .append(": ").append(f.message());
            }
            String message = RecordInput.label(path) + " has " + report.errors() + (report.errors() == 1 ? " error" : " errors")
                    + "; fix it (see ./sai validate) before computing statistics" + errors;
            throw report.exitCode() == Refusal.DATA ? Refusal.data(message) : Refusal.usage(message);
        }
        return projects;
    }
}
