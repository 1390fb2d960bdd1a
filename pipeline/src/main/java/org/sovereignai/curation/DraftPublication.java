package org.sovereignai.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.Provenance;
import org.sovereignai.release.ReleaseArtifact;
import org.sovereignai.release.ReleaseContext;

/**
 * Hands a reviewed draft to the release step. The draft is written as a complete curator sheet, so a release from
 * the draft is validated and published by exactly the same code as a release from a sheet; provenance and the
 * curators' credits travel beside it.
 */
public final class DraftPublication {
    private final DraftRelease draft;

    public DraftPublication(DraftRelease draft) {
        this.draft = draft;
    }

    public DraftRelease draft() {
        return draft;
    }

    /** Writes the draft's records (approved changes applied) as a full sheet: {@code curation/work/QUARTER-draft.csv}. */
    public Path writeSheet(Workspace workspace, Schema schema) throws IOException {
        Path sheet = workspace.work().resolve(FileNames.display(draft.quarter()) + "-draft.csv");
        AtomicFiles.write(sheet, out -> new Templates(schema).csv(draft.projects(), out));
        return sheet;
    }

    /** Who proposed and approved each change: the draft's provenance, which is the release's record. */
    public Map<Provenance.Key, Provenance> provenance() {
        return draft.provenance();
    }

    /** A "Curators" section in CHANGES.md crediting everyone whose changes were approved. */
    public ReleaseArtifact credits() {
        return new ReleaseArtifact() {
            @Override
            public void write(ReleaseContext ctx, Path dir) {
                // credits live in CHANGES.md only
            }

            @Override
            public Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) {
                if (draft.curators().isEmpty()) return Optional.empty();
                StringBuilder md = new StringBuilder("This release includes approved changes proposed by:\n\n");
                for (String curator : draft.curators()) {
                    long n = draft.approved().stream().filter(c -> curator.equals(c.curator())).count();
                    md.append("- ").append(curator).append(" (").append(n).append(n == 1 ? " change" : " changes").append(")\n");
                }
                return Optional.of(new ChangesReport.Section("Curators", md.toString()));
            }
        };
    }
}
