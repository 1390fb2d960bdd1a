package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.sovereignai.io.CrashPoints;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Submission;

/**
 * The kill test: a separate JVM runs {@code sai serve}, freezes at a named point of processing a submission and is
 * killed with SIGKILL. Afterwards nothing is lost: the file is still in the inbox or archived with its outcome, the
 * database holds all of the submission or none of it, and the next run completes it exactly once.
 */
class CrashRecoveryTest {
    @TempDir
    Path home;

    static final List<String> POINTS = List.of(CrashPoints.IDENTIFIED, CrashPoints.ARCHIVED, CrashPoints.IN_TRANSACTION,
            CrashPoints.COMMITTED);

    /** One scenario per point, each in its own project folder; the four JVMs run side by side to keep the test short. */
    @Test
    void aJvmKilledAtAnyPointOfASubmissionLosesNothingAndTheNextRunCompletesItOnce() throws Exception {
        List<ChildJvm> children = new ArrayList<>();
        for (String point : POINTS) {
            Path dir = home.resolve(point);
            prepare(dir);
            children.add(ChildJvm.start(dir, CrashPoints.MARKER + point, List.of(CrashPoints.PROPERTY + "=" + point), "serve"));
        }
        for (ChildJvm child : children) {
            child.awaitLine(120);
            child.kill();
        }
        for (String point : POINTS) verify(home.resolve(point), point);
    }

    private static void prepare(Path dir) throws Exception {
        CurationFixture fx = new CurationFixture(dir);
        try (Curation c = fx.openQuarter()) {
            // the quarter is open; the database is closed again so the child owns it
        }
        Path inbox = dir.resolve("curation/inbox/alice");
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve(".update.csv.tmp");
        Files.writeString(tmp, "id,funding_usd,status\nsea-lion,60000000,operational\n");
        Files.move(tmp, inbox.resolve("update.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void verify(Path dir, String point) throws Exception {
        CurationFixture fx = new CurationFixture(dir);
        Path file = dir.resolve("curation/inbox/alice/update.csv");
        try (Curation c = fx.open()) {
            List<Submission> subs = CurationFixture.submissions(c);
            List<ProposedChange> changes = CurationFixture.changes(c);
            boolean committed = point.equals(CrashPoints.COMMITTED);
            assertEquals(committed ? 1 : 0, subs.size(), point + ": all or nothing of the submission");
            assertEquals(committed ? 2 : 0, changes.size(), point + ": all or nothing of its changes");
            assertTrue(Files.exists(file), point + ": the file stays in the inbox until its outcome is recorded");

            try (RunningInbox restarted = new RunningInbox(c, line -> { })) {
                InboxRouteTest.await(() -> !Files.exists(file), point + ": the restarted inbox took the file");
                InboxRouteTest.await(() -> CurationFixture.submissions(c).size() == 1, point + ": the submission is recorded");
            }
            subs = CurationFixture.submissions(c);
            changes = CurationFixture.changes(c);
            assertEquals(1, subs.size(), point);
            assertEquals(2, changes.size(), point + ": applied exactly once");
            Path archive = dir.resolve(subs.get(0).archivePath());
            assertTrue(Files.exists(archive.resolve("original.csv")), point);
            assertTrue(Files.exists(archive.resolve("submission.json")), point + ": the outcome is archived");
            try (var left = Files.list(archive)) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), point + ": no temporary files left");
            }
        }
    }
}
