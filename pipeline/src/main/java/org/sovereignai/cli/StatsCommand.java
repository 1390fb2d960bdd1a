package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.sovereignai.app.ComputeStats;
import org.sovereignai.app.Home;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(new ComputeStats(Home.of(null)).run(input, sheet, previous, charts, format == Format.json));
        out.flush();
        return Sai.OK;
    }
}
