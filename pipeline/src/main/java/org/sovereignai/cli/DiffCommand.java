package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.sovereignai.app.DiffRecords;
import org.sovereignai.app.Home;
import org.sovereignai.diff.Change;
import org.sovereignai.diff.Gate;

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

    @Option(names = "--format", paramLabel = "md|json|github", defaultValue = "md",
            description = "md (CHANGES.md), json (changes.json with formatVersion) or github (workflow annotations on the records' lines);"
                    + " default: ${DEFAULT-VALUE}")
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
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiffRecords.Format rendering = DiffRecords.Format.of(format);
        if (rendering == null) {
            err.println("sai diff: --format must be md, json or github, not '" + format + "'");
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
        DiffRecords.Result r = new DiffRecords(Home.of(null)).run(oldInput, newInput, sheet, ops, parsed, rendering);
        out.print(r.rendered());
        out.flush();
        for (String t : r.tripped()) err.println("sai diff: " + t);
        return r.tripped().isEmpty() ? Sai.OK : Sai.DATA_ERROR;
    }
}
