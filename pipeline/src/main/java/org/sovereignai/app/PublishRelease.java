package org.sovereignai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.DraftPublication;
import org.sovereignai.curation.QuarterInfo;
import org.sovereignai.release.ReleaseArtifact;
import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.ReleaseId;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.StatsArtifact;
import org.sovereignai.sources.SourcesRelease;

/**
 * Use case: publish a quarterly release, from a reviewed sheet or from the open quarter's reviewed draft (approved
 * changes only, each credited), with the standard artifacts every release carries. Publishing from the draft closes
 * the quarter.
 */
public final class PublishRelease {
    private final Home home;

    public PublishRelease(Home home) {
        this.home = home;
    }

    /**
     * @param release   {@code YYYY-Qn} (with {@code errata} also {@code YYYY-Qn.N})
     * @param sheet     the reviewed sheet, or null to publish the open quarter's draft
     * @param sheetName the XLSX sheet, or null for the first
     * @param snapshots the snapshots folder, or null for the project's
     * @param date      the release date, or null for the quarter's last day
     */
    public record Request(String release, Path sheet, String sheetName, Path snapshots, LocalDate date, boolean errata,
                          boolean dropPending) {
        public Request(String release, Path sheet, String sheetName, Path snapshots, LocalDate date, boolean errata) {
            this(release, sheet, sheetName, snapshots, date, errata, false);
        }
    }

    /**
     * What was published; {@code draft} is null for a release from a sheet. {@code completed} is the folder of a release
     * from the draft that an earlier, interrupted run had already published (then {@code published} is null: this run
     * only closed the quarter and recorded the publication).
     */
    public record Result(Releases.Published published, Draft draft, Path completed) {
        public Result(Releases.Published published, Draft draft) {
            this(published, draft, null);
        }
    }

    /** The draft a release was made from: how many approved changes, and whose. */
    public record Draft(String quarter, int approvedChanges, List<String> curators) {
    }

    public Result run(Request req) throws ReleaseException, IOException {
        return run(req, "release");
    }

    /** @param actor who releases (the audit log's line for the quarter's end names them) */
    public Result run(Request req, String actor) throws ReleaseException, IOException {
        Path snapshots = req.snapshots() != null ? req.snapshots() : home.snapshots();
        ReleaseId id = ReleaseId.parse(req.release());
        if (id != null && req.date() != null) {
            LocalDate first = id.quarterEnd().minusMonths(3).plusDays(1);
            if (req.date().isBefore(first)) {
                throw Refusal.usage("--date " + req.date() + " is before quarter " + id.quarterId() + " began (" + first
                        + "); a release is dated on or after its quarter's first day (default: its last day, " + id.quarterEnd() + ")");
            }
        }
        // the newest stored source checks fill sources.csv and the drift report; no database, no change
        SourcesRelease sources = home.sourcesRelease();
        if (req.sheet() != null) {
            return new Result(Releases.publish(new ReleaseRequest(req.release(), req.sheet(), req.sheetName(), snapshots,
                    req.date(), req.errata(), null, standardArtifacts(sources), sources.columns(), home.dataLicense())), null);
        }
        if (ReleaseId.parse(req.release()) == null) {
            throw Refusal.usage("'" + req.release() + "' is not a release id: write the quarter as YYYY-Qn, e.g. 2026-Q1");
        }
        try (Curation curation = home.openCuration()) {
            openDraftQuarter(curation, req.release());
            Path already = snapshots.resolve(req.release());
            if (Files.isRegularFile(already.resolve("manifest.json"))) {
                return complete(curation, snapshots, already, req.release());
            }
            List<org.sovereignai.curation.Review.Item> pending = curation.review().pending();
            if (!pending.isEmpty() && !req.dropPending()) {
                List<String> labels = new ArrayList<>();
                for (var item : pending.subList(0, Math.min(10, pending.size()))) labels.add(item.change().label());
                throw Refusal.data("quarter " + req.release() + " has " + pending.size() + " pending change(s) that this"
                        + " release would leave out (" + String.join(", ", labels) + (pending.size() > 10 ? ", ..." : "")
                        + "): approve or reject them first ('./sai review list'), or release with --drop-pending to leave"
                        + " them out; they are not carried to the next quarter");
            }
            DraftPublication draft = new DraftPublication(curation.draft(req.release()));
            Releases.Published published = Releases.publish(draftRequest(curation, draft, snapshots, req.date(), req.errata(), sources),
                    p -> curation.quarters().markReleased(req.release(), actor));
            return new Result(published, new Draft(req.release(), draft.draft().approved().size(),
                    List.copyOf(draft.draft().curators())));
        }
    }

    /**
     * A release from the draft whose folder an interrupted run already renamed into place (the process died before it
     * closed the quarter): this run completes it, closing the quarter and recording the publication, and rewrites
     * index.json and latest; it never publishes it again, nor as an errata.
     */
    private static Result complete(Curation curation, Path snapshots, Path folder, String quarter)
            throws ReleaseException, IOException {
        Releases.repairIndex(snapshots);
        var d = curation.draft(quarter);
        curation.quarters().markReleased(quarter, "release (completing an interrupted run)");
        return new Result(null, new Draft(quarter, d.approved().size(), List.copyOf(d.curators())), folder);
    }

    /**
     * Completes a release from the draft that an interrupted run had published (its folder in place, the quarter still
     * open), as {@code verify --repair} does; returns the quarter so completed, or null when there was none.
     */
    public String completeInterrupted(Path snapshots) throws ReleaseException, IOException {
        if (!org.sovereignai.curation.CurationDatabase.exists(home.settings())) return null;
        try (Curation curation = home.openCuration()) {
            QuarterInfo open = curation.quarters().current().orElse(null);
            if (open == null || !Files.isRegularFile(snapshots.resolve(open.name()).resolve("manifest.json"))) return null;
            complete(curation, snapshots, snapshots.resolve(open.name()), open.name());
            return open.name();
        }
    }

    /** The open quarter, when {@code release} is it; else a refusal that says what to do. */
    private static QuarterInfo openDraftQuarter(Curation curation, String release) {
        QuarterInfo open = curation.quarters().current().orElse(null);
        if (open == null || !open.name().equals(release)) {
            throw Refusal.usage(open == null
                    ? "no quarter is open; run './sai quarter open " + release + "' and review submissions first, or release a sheet with --from"
                    : "the open quarter is " + open.name() + ", not " + release + "; release it as " + open.name()
                            + ", or release a sheet with --from");
        }
        return open;
    }

    /** The open quarter's draft, when {@code release} is the open quarter. */
    static org.sovereignai.curation.DraftRelease openDraft(Curation curation, String release) throws IOException {
        openDraftQuarter(curation, release);
        return curation.draft(release);
    }

    /** The release of a reviewed draft into {@code snapshots}: its sheet written, the standard artifacts and the credits. */
    ReleaseRequest draftRequest(Curation curation, DraftPublication draft, Path snapshots, LocalDate date, boolean errata,
                                SourcesRelease sources) throws IOException {
        Path sheet = draft.writeSheet(curation.workspace(), curation.schema());
        List<ReleaseArtifact> artifacts = new ArrayList<>(standardArtifacts(sources));
        artifacts.add(draft.credits());
        return new ReleaseRequest(draft.draft().quarter(), sheet, null, snapshots, date, errata, draft.provenance(), artifacts,
                sources.columns(), home.dataLicense());
    }

    /** What every release carries besides the records: the index's figures and charts, and source drift. */
    public static List<ReleaseArtifact> standardArtifacts(SourcesRelease sources) {
        return List.of(new StatsArtifact(), sources.artifact());
    }
}
