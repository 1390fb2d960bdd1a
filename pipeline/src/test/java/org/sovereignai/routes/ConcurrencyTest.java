package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Submission;

/**
 * Curators submitting at the same moment: this JVM serves the inbox (and hosts the H2 file through AUTO_SERVER) while
 * two more JVMs run {@code sai submit} on the same database. Every submission succeeds, in some order, and no change
 * is lost or recorded twice.
 */
class ConcurrencyTest {
    @TempDir
    Path home;

    CurationFixture fx;
    Curation curation;
    RunningInbox inbox;

    @BeforeEach
    void start() throws Exception {
        fx = new CurationFixture(home);
        curation = fx.openQuarter();
        inbox = new RunningInbox(curation, line -> { });
    }

    @AfterEach
    void stop() throws Exception {
        inbox.close();
        curation.close();
    }

    List<Submission> submissions() {
        return CurationFixture.submissions(curation);
    }

    List<ProposedChange> changes() {
        return CurationFixture.changes(curation);
    }

    @Test
    void twoProcessesAndTheInboxSubmittingAtOnceAllSucceedWithNoLostOrDuplicatedChange() throws Exception {
        Path a = fx.write("alice.csv", "id,funding_usd,status\nsea-lion,60000000,operational\n");
        Path b = fx.write("bob.csv", "id,funding_usd,status\napertus,20000000,operational\n");
        ChildJvm alice = ChildJvm.start(home, null, List.of(), "submit", a.toString(), "--curator", "alice");
        ChildJvm bob = ChildJvm.start(home, null, List.of(), "submit", b.toString(), "--curator", "bob");
        Path inbox = home.resolve("curation/inbox/carol");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve(".c.tmp"), "id,funding_usd,status\nisambard-ai,225000000,in_development\n");
        Files.move(inbox.resolve(".c.tmp"), inbox.resolve("carol.csv"), StandardCopyOption.ATOMIC_MOVE);

        assertEquals(0, alice.waitForExit(120), alice.output());
        assertEquals(0, bob.waitForExit(120), bob.output());
        InboxRouteTest.await(() -> submissions().size() == 3, "three submissions recorded");

        List<Submission> subs = submissions();
        Set<String> curators = new HashSet<>();
        for (Submission s : subs) curators.add(s.curator());
        assertEquals(Set.of("alice", "bob", "carol"), curators);
        List<ProposedChange> changes = changes();
        assertEquals(6, changes.size(), "two changes each, none lost, none twice");
        Set<String> targets = new HashSet<>();
        for (ProposedChange c : changes) targets.add(c.recordId() + "." + c.field());
        assertEquals(6, targets.size());
        for (Submission s : subs) {
            assertEquals(2, changes.stream().filter(c -> c.submissionId() == s.id()).count(), s.label());
        }
    }

    @Test
    void theSameFileFromTwoProcessesAtOnceIsRecordedOnce() throws Exception {
        Path a = fx.write("same.csv", "id,funding_usd\nsea-lion,60000000\n");
        ChildJvm one = ChildJvm.start(home, null, List.of(), "submit", a.toString(), "--curator", "alice");
        ChildJvm two = ChildJvm.start(home, null, List.of(), "submit", a.toString(), "--curator", "alice");
        assertEquals(0, one.waitForExit(120), one.output());
        assertEquals(0, two.waitForExit(120), two.output());
        assertEquals(1, submissions().size());
        assertEquals(1, changes().size());
        String both = one.output() + "\n" + two.output();
        assertTrue(both.contains("S1 accepted") && both.contains("already received on ") && both.contains(" as S1 from alice"), both);
    }

    @Test
    void twoCommandLineProcessesShareTheDatabaseFileWithoutAServer() throws Exception {
        stop(); // nobody holds the H2 file: the first child serves it to the second (AUTO_SERVER) and may exit first
        Path a = fx.write("alice.csv", "id,funding_usd\nsea-lion,60000000\n");
        Path b = fx.write("bob.csv", "id,funding_usd\napertus,20000000\n");
        ChildJvm alice = ChildJvm.start(home, null, List.of(), "submit", a.toString(), "--curator", "alice");
        ChildJvm bob = ChildJvm.start(home, null, List.of(), "submit", b.toString(), "--curator", "bob");
        assertEquals(0, alice.waitForExit(120), alice.output());
        assertEquals(0, bob.waitForExit(120), bob.output());
        curation = fx.open();
        inbox = new RunningInbox(curation, line -> { });
        assertEquals(2, submissions().size());
        assertEquals(2, changes().size());
    }

    @Test
    void fiveCommandsStartedAtOnceOnAFileNobodyHoldsAllSucceed() throws Exception {
        stop(); // the most racy case: five processes opening the H2 file at the same moment, none serving it yet
        List<ChildJvm> children = new java.util.ArrayList<>();
        String[] ids = {"sea-lion", "apertus", "isambard-ai"};
        for (int i = 0; i < ids.length; i++) {
            Path f = fx.write("c" + i + ".csv", "id,funding_usd\n" + ids[i] + "," + (1000 + i) + "\n");
            children.add(ChildJvm.start(home, null, List.of(), "submit", f.toString(), "--curator", "c" + i));
        }
        children.add(ChildJvm.start(home, null, List.of(), "quarter", "status"));
        children.add(ChildJvm.start(home, null, List.of(), "review", "list"));
        for (ChildJvm child : children) assertEquals(0, child.waitForExit(120), child.output());
        curation = fx.open();
        inbox = new RunningInbox(curation, line -> { });
        assertEquals(3, submissions().size());
        assertEquals(3, changes().size());
    }
}
