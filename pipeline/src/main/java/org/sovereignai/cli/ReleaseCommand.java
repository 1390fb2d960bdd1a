package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai release QUARTER --from SHEET}: validate, diff against the newest release, publish an immutable release. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Publish a quarterly release from a reviewed sheet into the snapshots folder: validated, diffed against the "
                + "newest earlier release, written atomically, never overwritten. See docs/releases.md.",
                "Exit 0 published, 1 invalid sheet or refused (exists, older quarter, damaged snapshots), 2 usage or I/O."})
public final class ReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUARTER", description = "release id: YYYY-Qn (with --errata also YYYY-Qn.N)")
    String quarter;

    @Option(names = "--from", required = true, paramLabel = "SHEET", description = "the reviewed curator sheet (CSV or XLSX)")
    Path from;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first)")
    String sheet;

    @Option(names = "--snapshots", paramLabel = "DIR", description = "snapshots folder (default: snapshots/)")
    Path snapshots;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "release date written into the files (default: the quarter's last day)")
    String date;

    @Option(names = "--errata", description = "republish the newest quarter with corrections as QUARTER.N (PATCH version)")
    boolean errata;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate day = null;
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                err.println("sai release: --date must be a calendar date YYYY-MM-DD, not '" + date + "'");
                return Sai.USAGE_OR_IO;
            }
        }
        ReleaseRequest req = ReleaseRequest.of(quarter, from, snapshots == null ? RecordInput.defaultSnapshots() : snapshots, day);
        req = new ReleaseRequest(req.release(), req.sheet(), sheet, req.snapshots(), req.date(), errata,
                req.provenance(), req.artifacts(), req.sources());
        try {
            Releases.Published p = Releases.publish(req);
            var d = p.diff();
            out.println("published " + p.release().id() + " (version " + p.version() + ") in " + p.release().folder()
                    + (p.previous() == null ? " (first release)" : " against " + p.previous().id()) + ": "
                    + d.added() + " added, " + d.removed() + " removed, " + d.modified() + " modified, " + d.unchanged()
                    + " unchanged" + (d.possibleRenames().isEmpty() ? "" : "; " + d.possibleRenames().size() + " possible rename(s), see CHANGES.md")
                    + (p.validation().warnings() > 0 ? "; " + p.validation().warnings() + " validation warning(s)" : ""));
            return Sai.OK;
        } catch (ReleaseException e) {
            if (e.report() != null) RecordInput.printFindings(e.report(), err);
            err.println("sai release: " + e.getMessage());
            return e.exitCode();
        }
    }
}
