package org.sovereignai.app;

import java.io.IOException;
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
    public record Request(String release, Path sheet, String sheetName, Path snapshots, LocalDate date, boolean errata) {
    }

    /** What was published; {@code draft} is null for a release from a sheet. */
    public record Result(Releases.Published published, Draft draft) {
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
            QuarterInfo open = curation.quarters().current().orElse(null);
            if (open == null || !open.name().equals(req.release())) {
                throw Refusal.usage(open == null
                        ? "no quarter is open; run './sai quarter open " + req.release() + "' and review submissions first, or release a sheet with --from"
                        : "the open quarter is " + open.name() + ", not " + req.release() + "; release it as " + open.name()
                                + ", or release a sheet with --from");
            }
            DraftPublication draft = new DraftPublication(curation.draft(req.release()));
            Path sheet = draft.writeSheet(curation.workspace(), curation.schema());
            List<ReleaseArtifact> artifacts = new ArrayList<>(standardArtifacts(sources));
            artifacts.add(draft.credits());
            Releases.Published published = Releases.publish(new ReleaseRequest(req.release(), sheet, null, snapshots,
                    req.date(), req.errata(), draft.provenance(), artifacts, sources.columns(), home.dataLicense()));
            curation.quarters().markReleased(req.release(), actor);
            return new Result(published, new Draft(req.release(), draft.draft().approved().size(),
                    List.copyOf(draft.draft().curators())));
        }
    }

    /** What every release carries besides the records: the index's figures and charts, and source drift. */
    public static List<ReleaseArtifact> standardArtifacts(SourcesRelease sources) {
        return List.of(new StatsArtifact(), sources.artifact());
    }
}
