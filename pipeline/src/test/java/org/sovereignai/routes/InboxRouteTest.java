package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Submission;

class InboxRouteTest {
    @TempDir
    Path home;

    CurationFixture fx;
    Curation curation;
    RunningInbox inbox;
    CamelContext camel;
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fx = new CurationFixture(home);
        curation = fx.openQuarter();
        inbox = new RunningInbox(curation, events::add);
        camel = inbox.camel;
    }

    @AfterEach
    void stop() throws Exception {
        inbox.close();
        curation.close();
    }

    /** Drops a file the way a careful copy does: written under a hidden name, then renamed into place. */
    Path drop(String relative, String content) throws Exception {
        Path target = curation.workspace().inbox().resolve(relative);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, what, 30);
    }

    static void await(BooleanSupplier condition, String what, long seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }

    List<Submission> submissions() {
        return CurationFixture.submissions(curation);
    }

    List<ProposedChange> changes() {
        return CurationFixture.changes(curation);
    }

    @Test
    void aFileInACuratorsInboxFolderIsSubmittedInTheirNameAndLeavesTheInbox() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox").whenCompleted(1).create();
        Path file = drop("alice/q1 update ü.csv", "id,funding_usd\nsea-lion,60000000\n");
        assertTrue(done.matches(30, TimeUnit.SECONDS));
        await(() -> !Files.exists(file), "the inbox file is gone");
        Submission s = submissions().get(0);
        assertEquals("alice", s.curator());
        assertEquals("inbox", s.door());
        assertEquals("q1 update ü.csv", s.originalName());
        assertEquals(Submission.ACCEPTED, s.outcome());
        assertEquals(1, changes().size());
        assertTrue(Files.exists(home.resolve(s.archivePath()).resolve("submission.json")));
        assertTrue(events.get(0).contains("S1 accepted"), events.toString());
    }

    @Test
    void anInvalidFileMovesToRejectedBesideItsReportAndChangesNothing() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox").whenCompleted(1).create();
        Path file = drop("bob/broken.csv", "id,colour\nsea-lion,blue\n");
        assertTrue(done.matches(30, TimeUnit.SECONDS));
        await(() -> !Files.exists(file), "the inbox file is gone");
        Path rejected = curation.workspace().rejected().resolve("bob");
        List<String> names;
        try (Stream<Path> s = Files.list(rejected)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(3, names.size(), names.toString());
        String base = names.get(0);
        assertTrue(base.matches("[0-9a-f]{16}-broken\\.csv"), base);
        assertTrue(names.get(1).startsWith(base + ".") && names.get(1).endsWith(".report.json"), names.toString());
        assertTrue(names.get(2).startsWith(base + ".") && names.get(2).endsWith(".report.txt"), names.toString());
        assertEquals("id,colour\nsea-lion,blue\n", Files.readString(rejected.resolve(base)));
        assertTrue(Files.readString(rejected.resolve(names.get(2))).contains("unknown column 'colour'"));
        assertEquals(Submission.REJECTED, submissions().get(0).outcome());
        assertEquals(0, changes().size());
    }

    @Test
    void theSameContentDroppedTwiceIsAppliedOnce() throws Exception {
        NotifyBuilder first = new NotifyBuilder(camel).fromRoute("inbox").whenCompleted(1).create();
        drop("alice/a.csv", "id,funding_usd\nsea-lion,60000000\n");
        assertTrue(first.matches(30, TimeUnit.SECONDS));
        NotifyBuilder second = new NotifyBuilder(camel).fromRoute("inbox").whenCompleted(1).create();
        Path again = drop("bob/copy.csv", "id,funding_usd\nsea-lion,60000000\n");
        assertTrue(second.matches(30, TimeUnit.SECONDS));
        await(() -> !Files.exists(again), "the duplicate left the inbox");
        assertEquals(1, submissions().size());
        assertEquals(1, changes().size());
        assertTrue(events.get(1).contains("already received on ") && events.get(1).contains(" as S1 from alice"), events.toString());
    }

    @Test
    void aFileDroppedWithoutACuratorFolderIsCreditedToUnknownAndHiddenFilesAreIgnored() throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox").whenCompleted(1).create();
        Files.writeString(curation.workspace().inbox().resolve("~$locked.xlsx"), "excel lock file");
        drop("loose.csv", "id,funding_usd\napertus,5\n");
        assertTrue(done.matches(30, TimeUnit.SECONDS));
        assertEquals("unknown", submissions().get(0).curator());
        assertTrue(Files.exists(curation.workspace().inbox().resolve("~$locked.xlsx")), "left alone");
    }

    @Test
    void theCliAndTheInboxShareOneRouteAndOneOutcome() throws Exception {
        NotifyBuilder viaCli = new NotifyBuilder(camel).from(SubmissionRoutes.SUBMIT).whenCompleted(1).create();
        Path file = fx.write("cli.csv", "id,status\napertus,operational\n");
        var result = camel.createProducerTemplate().requestBody(SubmissionRoutes.SUBMIT,
                new org.sovereignai.curation.Submissions.Request(file, "cli.csv", "carol", null, "cli"),
                org.sovereignai.curation.SubmissionResult.class);
        assertTrue(viaCli.matches(5, TimeUnit.SECONDS));
        assertEquals("cli", result.submission().door());
        assertEquals(ChangeState.PENDING, result.changes().get(0).state());
        var again = camel.createProducerTemplate().requestBody(SubmissionRoutes.SUBMIT,
                new org.sovereignai.curation.Submissions.Request(file, "cli.csv", "carol", null, "cli"),
                org.sovereignai.curation.SubmissionResult.class);
        assertEquals(org.sovereignai.curation.SubmissionResult.Outcome.DUPLICATE, again.outcome());

        NotifyBuilder viaInbox = new NotifyBuilder(camel).fromRoute("inbox").wereSentTo(SubmissionRoutes.SUBMIT).whenCompleted(1).create();
        drop("carol/other.csv", "id,status\nsea-lion,operational\n");
        assertTrue(viaInbox.matches(30, TimeUnit.SECONDS), "the inbox goes through direct:submit too");
        assertEquals(2, submissions().size());
    }
}
