package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.sovereignai.app.PublishRelease;
import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.Releases;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sai release QUARTER [--from SHEET]}: validate, diff against the newest release, publish an immutable release.
 * Without {@code --from} the open quarter's reviewed draft is published: only approved changes, with provenance.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Publish a quarterly release into the snapshots folder: validated, diffed against the newest earlier "
                + "release, written atomically, never overwritten. With --from, from a reviewed sheet; without it, from the "
                + "open quarter's draft (approved changes only, each credited in changes.json and CHANGES.md). "
                + "Every release carries stats.json, STATS.md and charts. See docs/releases.md.",
                "Exit 0 published, 1 invalid sheet or refused (exists, older quarter, damaged snapshots), 2 usage or I/O."})
public final class ReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "QUARTER", description = "release id: YYYY-Qn (with --errata also YYYY-Qn.N)")
    String quarter;

    @Option(names = "--from", paramLabel = "SHEET", description = "a reviewed curator sheet (CSV or XLSX); default: the open quarter's draft")
    Path from;

    @Option(names = "--sheet", paramLabel = "NAME", description = "XLSX sheet to read (default: the first)")
    String sheet;

    @Option(names = "--snapshots", paramLabel = "DIR", description = "snapshots folder (default: snapshots/ of the project folder)")
    Path snapshots;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "release date written into the files (default: the quarter's last day)")
    String date;

    @Option(names = "--errata", description = "republish the newest quarter with corrections as QUARTER.N (PATCH version)")
    boolean errata;

    @Option(names = "--drop-pending", description = "release the draft although changes are still pending (they are left out)")
    boolean dropPending;

    @Mixin
    HomeOption home;

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
        try {
            PublishRelease.Result r = new PublishRelease(home.home())
                    .run(new PublishRelease.Request(quarter, from, sheet, snapshots, day, errata, dropPending));
            if (r.completed() != null) {
                out.println("release " + quarter + " was already published in " + r.completed() + " by a run that stopped"
                        + " before closing the quarter; quarter " + quarter + " is now closed and the publication recorded ("
                        + r.draft().approvedChanges() + " approved change(s))");
                return Sai.OK;
            }
            Releases.Published p = r.published();
            var d = p.diff();
            out.println("published " + p.release().id() + " (version " + p.version() + ") in " + p.release().folder()
                    + (p.previous() == null ? " (first release)" : " against " + p.previous().id()) + ": "
                    + d.added() + " added, " + d.removed() + " removed, " + d.modified() + " modified, " + d.unchanged()
                    + " unchanged" + (d.possibleRenames().isEmpty() ? "" : "; " + d.possibleRenames().size() + " possible rename(s), see CHANGES.md")
                    + (p.validation().warnings() > 0 ? "; " + p.validation().warnings() + " validation warning(s)" : ""));
            if (r.draft() != null) {
                out.println("quarter " + r.draft().quarter() + " is closed; " + r.draft().approvedChanges() + " approved change(s) from "
                        + String.join(", ", r.draft().curators()) + " published");
            }
            return Sai.OK;
        } catch (ReleaseException e) {
            // the refusal first, then the findings that explain it, as diff and stats do
            err.println("sai release: " + e.getMessage());
            if (e.report() != null) err.print(org.sovereignai.app.RecordInput.findings(e.report()));
            return e.exitCode();
        } catch (IOException e) {
            err.println("sai release: " + Sai.describe(e));
            return Sai.USAGE_OR_IO;
        }
    }
}
