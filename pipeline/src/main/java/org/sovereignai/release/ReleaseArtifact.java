package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A file (or files) another part of the pipeline adds to a release, e.g. the statistics' {@code stats.json},
 * {@code STATS.md} and charts. Artifacts write into the release's temporary folder after {@code changes.json}, and
 * before {@code CHANGES.md}, {@code datapackage.json} and {@code manifest.json}, so their files are hashed in the
 * manifest and published atomically with the rest. The record files may still be being written meanwhile: an artifact
 * takes the records from {@link ReleaseContext#records()}, never from the folder. Names must not clash with the core
 * files ({@link ReleaseFiles#CORE_FILES}); subfolders are allowed. Writing must be deterministic (no wall clock).
 */
public interface ReleaseArtifact {

    /** Writes this artifact's files into {@code dir} (the release's temporary folder). */
    void write(ReleaseContext ctx, Path dir) throws IOException;

    /** An extra section for CHANGES.md (e.g. statistics deltas), or empty. */
    default Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) throws IOException {
        return Optional.empty();
    }

    /**
     * Extra top-level keys for {@code changes.json} (e.g. the sources' {@code sourceDrift}), or an empty map. Called
     * before {@code changes.json} is written, so before {@link #write}; the values are serialised with {@code Json}
     * (maps with sorted keys, lists, strings, numbers). A key the core already writes, or one another artifact
     * contributes, is refused. With no artifact contributing, changes.json is unchanged byte for byte.
     */
    default Map<String, Object> changesJson(ReleaseContext ctx) throws IOException {
        return Map.of();
    }
}
