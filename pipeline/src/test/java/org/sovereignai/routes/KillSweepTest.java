package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.SubmissionResult;

/**
 * The sweeping kill test: a separate JVM runs the real {@code Sai} main class on a large submission (8,000 new
 * records) and is SIGKILLed at moments spread over the whole run, as measured on an unkilled run of the same door
 * (not only at the named pause points of {@link CrashRecoveryTest}). After every kill: the database holds all of the
 * submission or none of it, the next command answers within seconds (no lock left behind by the dead process), and a
 * retry records it exactly once. Both doors: {@code sai submit} and the inbox of {@code sai serve}.
 */
class KillSweepTest {
    static final int ROWS = 8_000;
    /** Kill moments per door, at i/(POINTS+1) of the measured duration, plus jitter so that runs cover the gaps. */
    static final int CLI_POINTS = 7;
    static final int INBOX_POINTS = 3;
    static final long PROMPT_MS = 10_000;

    @TempDir
    Path tmp;

    @Test
    void killedAtAnyMomentOfALargeSubmissionTheDatabaseHoldsAllOrNothingAndARetryCompletesItOnce() throws Exception {
        Path template = tmp.resolve("template");
        try (Curation c = new CurationFixture(template).openQuarter()) {
            // the quarter is open; closed again so the children own the file
        }
        Path sheet = tmp.resolve("big.csv");
        writeSheet(sheet, ROWS);

        // the CLI door: one unkilled run to measure, then a kill at moments spread over that duration
        Path ref = copy(template, tmp.resolve("cli-ref"));
        long start = System.nanoTime();
        ChildJvm unkilled = ChildJvm.start(ref, null, List.of(), "submit", sheet.toString(), "--curator", "alice");
        assertEquals(0, unkilled.waitForExit(300), unkilled.output());
        long cliMs = (System.nanoTime() - start) / 1_000_000;
        assertState(ref, "unkilled", true);

        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= CLI_POINTS; i++) {
            long at = moment(cliMs, i, CLI_POINTS);
            Path home = copy(template, tmp.resolve("cli-" + i));
            ChildJvm child = ChildJvm.start(home, null, List.of(), "submit", sheet.toString(), "--curator", "alice");
            Thread.sleep(at);
            child.kill();
            boolean whole = afterKill(home, "cli kill at " + at + " ms of " + cliMs);
            outcomes.add(at + "ms:" + (whole ? "all" : "none"));
            CurationFixture fx = new CurationFixture(home);
            try (Curation c = fx.open()) {
                SubmissionResult retry = fx.submit(c, sheet, "alice");
                assertEquals(whole ? SubmissionResult.Outcome.DUPLICATE : SubmissionResult.Outcome.ACCEPTED, retry.outcome(),
                        retry.message());
            }
            assertState(home, "cli retry after a kill at " + at + " ms", true);
        }

        // the inbox door: ./sai serve takes the file from curation/inbox/alice/
        Path inboxRef = copy(template, tmp.resolve("inbox-ref"));
        Path dropped = drop(inboxRef, sheet);
        start = System.nanoTime();
        ChildJvm serve = ChildJvm.start(inboxRef, null, List.of(), "serve");
        InboxRouteTest.await(() -> !Files.exists(dropped), "the inbox took the file", 300);
        long inboxMs = (System.nanoTime() - start) / 1_000_000;
        serve.kill();
        assertState(inboxRef, "inbox unkilled", true);
        for (int i = 1; i <= INBOX_POINTS; i++) {
            long at = moment(inboxMs, i, INBOX_POINTS);
            Path home = copy(template, tmp.resolve("inbox-" + i));
            Path file = drop(home, sheet);
            ChildJvm child = ChildJvm.start(home, null, List.of(), "serve");
            Thread.sleep(at);
            child.kill();
            boolean whole = afterKill(home, "inbox kill at " + at + " ms of " + inboxMs);
            outcomes.add("inbox " + at + "ms:" + (whole ? "all" : "none"));
            CurationFixture fx = new CurationFixture(home);
            try (Curation c = fx.open(); RunningInbox restarted = new RunningInbox(c, line -> { })) {
                InboxRouteTest.await(() -> !Files.exists(file), "the restarted inbox took the file", 300);
            }
            assertState(home, "inbox retry after a kill at " + at + " ms", true);
        }
        System.out.println("KillSweepTest: cli " + cliMs + " ms, inbox " + inboxMs + " ms unkilled; " + outcomes);
    }

    /**
     * Kill moment i of n over a run of {@code ms}: spread over the whole run, closer together towards its end (where the
     * transaction and its commit are), each shifted by a little jitter so that repeated runs cover the gaps.
     */
    static long moment(long ms, int i, int n) {
        double f = (i + Math.random() * 0.3) / (n + 1);
        double warped = 1 - Math.pow(1 - f, 1.6);
        return Math.max(50, (long) (ms * warped));
    }

    /**
     * Right after a kill: the next opening of the database, and the next write that locks the quarter's row (as every
     * submission and decision does), answer promptly, and the database holds all or nothing; true when all.
     */
    private static boolean afterKill(Path home, String when) throws Exception {
        long start = System.nanoTime();
        Thread me = Thread.currentThread();
        Thread dump = new Thread(() -> {
            try {
                Thread.sleep(8000);
                StringBuilder b = new StringBuilder("SLOW " + when + "\n");
                for (StackTraceElement e : me.getStackTrace()) b.append("  ").append(e).append('\n');
                System.out.println(b);
            } catch (InterruptedException e) {
                // done in time
            }
        });
        dump.setDaemon(true);
        dump.start();
        try (Curation c = new CurationFixture(home).open()) {
            c.repository().inTransaction(x -> c.repository().lockQuarter(x, CurationFixture.QUARTER));
            long ms = (System.nanoTime() - start) / 1_000_000;
            dump.interrupt();
            assertTrue(ms < PROMPT_MS, when + ": the next command took " + ms + " ms");
            int subs = CurationFixture.submissions(c).size();
            int changes = CurationFixture.changes(c).size();
            assertTrue(subs == 0 && changes == 0 || subs == 1 && changes == ROWS,
                    when + ": all or nothing of the submission, but " + subs + " submission(s) and " + changes + " change(s)");
            return subs == 1;
        }
    }

    private static void assertState(Path home, String when, boolean recorded) throws Exception {
        try (Curation c = new CurationFixture(home).open()) {
            assertEquals(recorded ? 1 : 0, CurationFixture.submissions(c).size(), when);
            assertEquals(recorded ? ROWS : 0, CurationFixture.changes(c).size(), when + ": exactly once");
        }
    }

    private static Path drop(Path home, Path sheet) throws IOException {
        Path inbox = home.resolve("curation/inbox/alice");
        Files.createDirectories(inbox);
        Path part = inbox.resolve(".big.csv.tmp");
        Files.copy(sheet, part);
        return Files.move(part, inbox.resolve("big.csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    /** New compute records, all valid: every row becomes one proposed change. */
    static void writeSheet(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,layer,jurisdiction,lead_org,announced,status,sources\n");
            for (int i = 0; i < rows; i++) {
                w.write("sweep-" + i + ",Project " + i + ",compute,FR,Ministry " + (i % 97) + ",2024-Q" + (1 + i % 4)
                        + ",announced,https://example.gov/p/" + i + "\n");
            }
        }
    }
}
