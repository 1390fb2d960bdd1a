package org.sovereignai.app;

import java.nio.file.Files;
import java.nio.file.Path;

import org.sovereignai.release.ReleaseException;
import org.sovereignai.release.Releases;
import org.sovereignai.release.Verification;

/** Use case: recheck every release in a snapshots folder (and, asked to, first rewrite its index and latest). */
public final class VerifyReleases {
    private final Home home;

    public VerifyReleases(Home home) {
        this.home = home;
    }

    /**
     * @param snapshots the snapshots folder, or null for the project's
     * @throws Refusal no such folder, or the index could not be rewritten
     */
    public Verification run(Path snapshots, boolean repair) {
        Path dir = snapshots != null ? snapshots : home.snapshots();
        if (!Files.isDirectory(dir)) throw Refusal.usage("no snapshots folder at " + dir);
        if (repair) {
            try {
                Releases.repairIndex(dir);
            } catch (ReleaseException e) {
                throw e.exitCode() == Refusal.DATA ? Refusal.data(e.getMessage()) : Refusal.usage(e.getMessage());
            }
        }
        return Releases.verify(dir);
    }

    /**
     * Part of {@code verify --repair} in a project: a release from the draft whose folder an interrupted run renamed
     * into place is completed (the quarter closed, the publication recorded). Returns that quarter, or null.
     */
    public String completeInterruptedRelease(Path snapshots) {
        Path dir = snapshots != null ? snapshots : home.snapshots();
        try {
            return new PublishRelease(home).completeInterrupted(dir);
        } catch (ReleaseException e) {
            throw e.exitCode() == Refusal.DATA ? Refusal.data(e.getMessage()) : Refusal.usage(e.getMessage());
        } catch (java.io.IOException e) {
            throw Refusal.usage("cannot complete the interrupted release: " + e.getMessage());
        }
    }
}
