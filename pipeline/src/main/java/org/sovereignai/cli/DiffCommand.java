package org.sovereignai.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.sovereignai.check.Report;
import org.sovereignai.diff.Change;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.Gate;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.Releases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai diff OLD NEW}: keyed diff of two record sets (release folders or sheets), with CI gates. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two record sets by id: added, removed and modified records (field by field), possible renames.",
                "OLD and NEW are release folders (e.g. snapshots/2025-Q4) or curator sheets (validated first).",
                "Exit 0 no gate tripped, 1 a gate tripped or a sheet has errors, 2 usage or unreadable input."})
public final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "release folder or sheet")
    Path oldInput;

    @Parameters(index = "1", paramLabel = "NEW", description = "release folder or sheet")
    Path newInput;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md", description = "output format (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--only", split = ",", paramLabel = "KIND", description = "list only these kinds: added, removed, modified")
    List<String> only = new ArrayList<>();

    @Option(names = "--fail-if", paramLabel = "GATE", description = "exit 1 when the gate trips (repeatable), e.g. 'removed>0', "
            + "'modified>10%%' (percent of the old record count); metrics added, removed, modified, changed")
    List<String> gates = new ArrayList<>();

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read from sheet inputs (default: the first)")
    String sheet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("md") && !format.equals("json")) {
            err.println("sai diff: --format must be md or json, not '" + format + "'");
            return Sai.USAGE_OR_IO;
        }
        Set<Change.Op> ops = EnumSet.noneOf(Change.Op.class);
        for (String o : only) {
            Change.Op op = Change.Op.of(o.strip());
            if (op == null) {
                err.println("sai diff: --only takes added, removed, modified (comma-separated), not '" + o + "'");
                return Sai.USAGE_OR_IO;
            }
            ops.add(op);
        }
        List<Gate> parsed = new ArrayList<>();
        try {
            for (String g : gates) parsed.add(Gate.parse(g));
        } catch (Gate.SyntaxException e) {
            err.println("sai diff: " + e.getMessage());
            return Sai.USAGE_OR_IO;
        }

        Schema schema = Schema.bundled();
        // two release folders: the fast path, unless a file is not a canonical release file (then the general one explains)
        Diff diff = RecordInput.releaseFile(oldInput) != null && RecordInput.releaseFile(newInput) != null
                ? Releases.diffReleaseFiles(RecordInput.releaseFile(oldInput), RecordInput.releaseFile(newInput), schema).orElse(null)
                : null;
        if (diff == null) {
            KeyedDiff kd = new KeyedDiff(schema);
            Report oldReport = RecordInput.read(oldInput, sheet, schema, kd::addOld, kd::addOld);
            if (!oldReport.valid()) return refuse(oldInput, oldReport, err);
            Report newReport = RecordInput.read(newInput, sheet, schema, kd::addNew, kd::addNew);
            if (!newReport.valid()) return refuse(newInput, newReport, err);
            diff = kd.finish();
        }

        ChangesReport report = new ChangesReport(diff, RecordInput.label(oldInput), RecordInput.label(newInput)).only(ops);
        if (format.equals("json")) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            report.writeJson(buf);
            out.print(buf.toString(StandardCharsets.UTF_8));
        } else {
            StringWriter buf = new StringWriter();
            report.writeMarkdown(buf);
            out.print(buf);
        }
        out.flush();
        int code = Sai.OK;
        for (Gate g : parsed) {
            if (g.trips(diff)) {
                err.println("sai diff: " + g.explain(diff));
                code = Sai.DATA_ERROR;
            }
        }
        return code;
    }

    private static int refuse(Path input, Report report, PrintWriter err) {
        RecordInput.printFindings(report, err);
        err.println("sai diff: " + input + (report.ioFailure() ? " cannot be read" : " has " + report.errors()
                + " validation error(s); fix them before diffing"));
        return report.exitCode();
    }
}
