package org.sovereignai.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.DraftPublication;
import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.release.Releases;

/**
 * What releasing the open quarter would publish, without publishing it: the release is made exactly as
 * {@link PublishRelease} makes it (the same request, validation, gates, diff and artifacts) into a scratch copy of
 * the snapshots folder (hard links to the published files), read, and thrown away. Nothing in
 * {@code snapshots/} or the database changes.
 */
public final class PreviewRelease {
    /**
     * @param changes  the CHANGES.md the release would carry (null when the gates refuse it)
     * @param stats    its STATS.md: the figures and how they move (null when refused)
     * @param refusal  why the release would be refused (a failed gate, an invalid draft), or null
     * @param pending  labels of changes still pending, which a release leaves out
     */
    public record Preview(String quarter, String version, String changes, String stats, String refusal,
                          int approvedChanges, List<String> curators, List<String> pending) {
    }

    private final Home home;
    private final Curation curation;

    public PreviewRelease(Home home, Curation curation) {
        this.home = home;
        this.curation = curation;
    }

    public Preview run(String quarter) throws IOException {
        DraftPublication draft = new DraftPublication(PublishRelease.openDraft(curation, quarter));
        List<String> pending = new ArrayList<>();
        for (var item : curation.review().pending()) pending.add(item.change().label());
        Files.createDirectories(curation.workspace().work());
        Path scratch = Files.createTempDirectory(curation.workspace().work(), ".preview-");
        try {
            Path snapshots = scratch.resolve("snapshots");
            Files.createDirectories(snapshots);
            mirror(home.snapshots(), snapshots);
            try {
                Releases.Published p = Releases.publish(new PublishRelease(home).draftRequest(curation, draft, snapshots, null,
                        false, home.sourcesRelease()));
                Path dir = snapshots.resolve(quarter);
                return new Preview(quarter, p.version().toString(), read(dir.resolve(ReleaseFiles.CHANGES_MD)),
                        read(dir.resolve(org.sovereignai.stats.ReleaseStats.STATS_MD)), null, draft.draft().approved().size(),
                        List.copyOf(draft.draft().curators()), pending);
            } catch (ReleaseException e) {
                return new Preview(quarter, null, null, null, e.getMessage(), draft.draft().approved().size(),
                        List.copyOf(draft.draft().curators()), pending);
            }
        } finally {
            org.sovereignai.io.FileTrees.deleteTree(scratch);
        }
    }

    /**
     * The published releases as hard links in the scratch folder (no bytes copied; a release is never written to, and
     * removing a link leaves the release as it was), copies where the file system has no hard links. Symbolic links
     * would not do: the release checks refuse files whose real path leaves the snapshots folder.
     */
    private static void mirror(Path real, Path scratch) throws IOException {
        if (!Files.isDirectory(real)) return;
        try (var all = Files.walk(real)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = scratch.resolve(real.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createLink(target, p);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(p, target);
                    }
                }
            }
        }
    }

    private static String read(Path p) throws IOException {
        return Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    }
}
