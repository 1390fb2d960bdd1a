package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.record.Schema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sai validate FILE...}: checks curator sheets against the record contract. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate curator sheets (CSV or XLSX). Exit 0 valid (warnings allowed), 1 data errors, 2 unreadable file or bad usage.")
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV or XLSX curator sheets")
    List<Path> files;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first)")
    String sheet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Validator validator = new Validator(Schema.bundled());
        Report total = new Report();
        for (Path file : files) total.addAll(validator.validate(file, sheet, row -> { }));
        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : total.findings()) {
            out.println(f.severity().value() + " " + f.code() + " at " + f.position().describe() + ": " + f.message());
        }
        out.println(total.records() + " records, " + total.errors() + " errors, " + total.warnings() + " warnings");
        return total.exitCode();
    }
}
