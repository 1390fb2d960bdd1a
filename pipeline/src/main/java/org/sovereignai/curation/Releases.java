package org.sovereignai.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sovereignai.release.ReleaseId;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sheet.SheetRecords;

/**
 * The published releases as the curation workflow needs them: which exist, the newest, and their records.
 * A folder of {@code snapshots/} counts as a release when it is named {@code YYYY-Qn[.N]} and holds a
 * {@code manifest.json} (written last by a publish, so a half-written folder never counts).
 */
public final class Releases {
    private final Path snapshots;
    private final Schema schema;

    public Releases(Path snapshots, Schema schema) {
        this.snapshots = snapshots;
        this.schema = schema;
    }

    /**
     * Release names, oldest first: the release package's own discovery (one definition of what a release folder is),
     * keeping only folders whose manifest exists, so a hand-made folder is never taken for a release.
     */
    public List<ReleaseId> all() throws IOException {
        List<ReleaseId> out = new ArrayList<>();
        for (org.sovereignai.release.Releases.Release r : org.sovereignai.release.Releases.list(snapshots)) {
            ReleaseId name = r.id();
            if (Files.isRegularFile(r.folder().resolve(org.sovereignai.release.ReleaseFiles.MANIFEST_JSON))) out.add(name);
        }
        return out;
    }

    public Optional<ReleaseId> newest() throws IOException {
        List<ReleaseId> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The records of a release, from its {@code projects.csv}. */
    public List<Project> read(ReleaseId release) throws IOException {
        Path csv = snapshots.resolve(release.toString()).resolve(org.sovereignai.release.ReleaseFiles.PROJECTS_CSV);
        try {
            return SheetRecords.read(csv, schema);
        } catch (SheetException e) {
            throw new IOException("cannot read release " + release + " (" + csv + "): " + e.getMessage(), e);
        }
    }
}
