package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file (or files) another part of the pipeline adds to a release, e.g. the statistics' {@code stats.json},
 * {@code STATS.md} and charts. Artifacts write into the release's temporary folder after the record files and
 * {@code changes.json}, and before {@code CHANGES.md}, {@code datapackage.json} and {@code manifest.json}, so their files
 * are hashed in the manifest and published atomically with the rest. Names must not clash with the core files
 * ({@link ReleaseWriter#CORE_FILES}); subfolders are allowed. Writing must be deterministic (no wall clock).
 */
public interface ReleaseArtifact {

    /** Writes this artifact's files into {@code dir} (the release's temporary folder). */
    void write(ReleaseContext ctx, Path dir) throws IOException;

    /** An extra section for CHANGES.md (e.g. statistics deltas), or empty. */
    default Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) throws IOException {
        return Optional.empty();
    }
}
