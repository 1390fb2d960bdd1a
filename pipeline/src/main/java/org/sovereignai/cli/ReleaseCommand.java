package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.DraftPublication;
import org.sovereignai.curation.QuarterInfo;
import org.sovereignai.release.ReleaseArtifact;
import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.StatsArtifact;
import org.sovereignai.sources.SourcesRelease;

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

    @Mixin
    HomeOption home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LocalDate parsed = null;
        if (date != null) {
            try {
                parsed = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                err.println("sai release: --date must be a calendar date YYYY-MM-DD, not '" + date + "'");
                return Sai.USAGE_OR_IO;
            }
        }
        LocalDate day = parsed;
        Path dir = snapshots != null ? snapshots : home.home != null ? home.workspace().snapshots() : RecordInput.defaultSnapshots();
        SourcesRelease sources;
        try {
            // the newest stored source checks fill sources.csv and the drift report; no database, no change
            sources = org.sovereignai.app.Home.of(home.home).sourcesRelease();
        } catch (IOException e) {
            err.println("sai release: " + e.getMessage());
            return Sai.USAGE_OR_IO;
        }
        if (from != null) {
            return publish(new ReleaseRequest(quarter, from, sheet, dir, day, errata, null, standardArtifacts(sources),
                    sources.columns()), out, err);
        }
        return CurationCli.run(spec, home, (curation, o) -> fromDraft(curation, sources, dir, day, out, err));
    }

    private int fromDraft(Curation curation, SourcesRelease sources, Path dir, LocalDate day, PrintWriter out, PrintWriter err)
            throws IOException {
        if (org.sovereignai.release.ReleaseId.parse(quarter) == null) {
            err.println("sai release: '" + quarter + "' is not a release id: write the quarter as YYYY-Qn, e.g. 2026-Q1");
            return Sai.USAGE_OR_IO;
        }
        QuarterInfo open = curation.quarters().current().orElse(null);
        if (open == null || !open.name().equals(quarter)) {
            err.println("sai release: " + (open == null
                    ? "no quarter is open; run './sai quarter open " + quarter + "' and review submissions first, or release a sheet with --from"
                    : "the open quarter is " + open.name() + ", not " + quarter + "; release it as " + open.name()
                            + ", or release a sheet with --from"));
            return Sai.USAGE_OR_IO;
        }
        DraftPublication draft = new DraftPublication(curation.draft(quarter));
        Path sheetFile = draft.writeSheet(curation.workspace(), curation.schema());
        List<ReleaseArtifact> artifacts = new ArrayList<>(standardArtifacts(sources));
        artifacts.add(draft.credits());
        int code = publish(new ReleaseRequest(quarter, sheetFile, null, dir, day, errata, draft.provenance(), artifacts,
                sources.columns()), out, err);
        if (code == Sai.OK) {
            curation.quarters().markReleased(quarter, "release");
            out.println("quarter " + quarter + " is closed; " + draft.draft().approved().size() + " approved change(s) from "
                    + String.join(", ", draft.draft().curators()) + " published");
        }
        return code;
    }

    /** What every release carries besides the records: the index's figures and charts, and source drift. */
    static List<ReleaseArtifact> standardArtifacts(SourcesRelease sources) {
        return List.of(new StatsArtifact(), sources.artifact());
    }

    private static int publish(ReleaseRequest req, PrintWriter out, PrintWriter err) {
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
