package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai stats RELEASE|SHEET}: the index's standard figures as Markdown (STATS.md) or JSON (stats.json). */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Compute the index's standard figures (definitions: docs/statistics.md).",
                "RELEASE is a release folder (its projects.csv is read); SHEET a curator sheet (CSV or XLSX), "
                        + "validated first and refused when it has errors.",
                "Exit 0 ok, 1 the sheet has errors, 2 unreadable file or bad usage."})
public final class StatsCommand implements Callable<Integer> {
    enum Format { md, json }

    @Parameters(index = "0", paramLabel = "RELEASE|SHEET", description = "a release folder, or a CSV/XLSX curator sheet")
    Path input;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md",
            description = "md (STATS.md, the default) or json (stats.json)")
    Format format;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first)")
    String sheet;

    @Option(names = "--previous", paramLabel = "RELEASE|STATS_JSON|SHEET",
            description = "an earlier release (or its stats.json, or a sheet): Markdown then shows the change of every figure")
    Path previous;

    @Option(names = "--charts", paramLabel = "DIR", description = "also write the four SVG charts into DIR")
    Path charts;

    @Spec
    CommandSpec spec;

    /** Input that cannot be used; carries the exit code. */
    private static final class Refused extends Exception {
        final int exitCode;

        Refused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Schema schema = Schema.bundled();
        try {
            IndexStats stats = Stats.compute(load(input, schema, err), schema);
            Figures before = previous == null ? null : previousFigures(schema, err);
            if (charts != null) new StatsCharts(stats, schema).write(charts);
            if (format == Format.json) {
                out.print(stats.toJsonText());
            } else {
                String title = "Statistics of " + (Files.isDirectory(input) ? "release " : "")
                        + input.toAbsolutePath().normalize().getFileName();
                String previousLabel = previous == null ? null : String.valueOf(previous.toAbsolutePath().normalize().getFileName());
                out.print(StatsMarkdown.render(stats, before, schema, title, previousLabel));
            }
            out.flush();
            return Sai.OK;
        } catch (Refused e) {
            err.println("sai stats: " + e.getMessage());
            return e.exitCode;
        } catch (IOException e) {
            err.println("sai stats: cannot read or write: " + e.getMessage());
            return Sai.USAGE_OR_IO;
        } catch (IllegalArgumentException e) {
            err.println("sai stats: " + e.getMessage());
            return Sai.USAGE_OR_IO;
        }
    }

    private Figures previousFigures(Schema schema, PrintWriter err) throws Refused, IOException {
        if (Files.isDirectory(previous)) {
            Figures f = ReleaseStats.previous(previous);
            if (f != null) return f;
        } else if (previous.getFileName() != null && previous.getFileName().toString().endsWith(".json")) {
            if (!Files.isRegularFile(previous)) throw new Refused(Sai.USAGE_OR_IO, previous + ": no such file");
            return Figures.read(previous);
        }
        return Figures.of(Stats.compute(load(previous, schema, err), schema));
    }

    /** The projects of a release folder (trusted, read as is) or of a curator sheet (validated first). */
    private List<Project> load(Path path, Schema schema, PrintWriter err) throws Refused {
        if (!Files.exists(path)) throw new Refused(Sai.USAGE_OR_IO, path + ": no such file or folder");
        List<Project> projects = new ArrayList<>();
        Report report = RecordInput.read(path, sheet, schema, projects::add, raw -> projects.add(Project.of(schema, raw)));
        if (!report.valid()) {
            for (Finding f : report.findings()) {
                if (f.isError()) err.println("error " + f.code() + " at " + f.position().describe() + ": " + f.message());
            }
            throw new Refused(report.exitCode(), RecordInput.label(path) + " has " + report.errors()
                    + (report.errors() == 1 ? " error" : " errors")
                    + "; fix it (see ./sai validate) before computing statistics");
        }
        return projects;
    }
}
