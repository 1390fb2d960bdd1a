package org.sovereignai.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.sovereignai.app.Home;
import org.sovereignai.app.ValidateSheets;
import org.sovereignai.check.Report;
import org.sovereignai.check.ReportFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sai validate FILE...}: checks curator sheets against the record contract; one report for all files. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate curator sheets (CSV in UTF-8 or UTF-16, separated by , ; or tab; XLSX; ODS) against the record contract (schemas/fields.csv).",
                "Exit 0 valid (warnings allowed), 1 data errors, 2 a file could not be read or bad usage.",
                "Every finding code is explained in docs/validation.md."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV, XLSX or ODS curator sheets")
    List<String> files;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX or ODS sheet to read (default: the first)")
    String sheet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (grouped by row, with a summary), json (one object) or github (workflow annotations); default ${DEFAULT-VALUE}")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat rendering;
        try {
            rendering = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("sai validate: --format must be text, json or github, not '" + format + "'");
            return Sai.USAGE_OR_IO;
        }
        Report total = new ValidateSheets(Home.of(null)).run(files, sheet);
        PrintWriter out = spec.commandLine().getOut();
        rendering.render(total, out);
        out.flush();
        return total.exitCode();
    }
}
