package org.sovereignai.curation;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sovereignai.release.Provenance;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class ReviewTest {
    /** The suite runs on each database the program supports. */
    @Parameter
    TestDatabase database;

    @TempDir
    Path home;

    @Test
    void approvedChangesReachTheDraftWithTheirProvenanceAndPendingOnesDoNot() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd,status\napertus,20000000,operational\n"), "alice");
            c.review().approve(List.of("C2"), "rita"); // changes follow the contract's field order: C1 status, C2 funding
            DraftRelease d = c.draft();
            assertEquals("20000000", d.projects().get(1).get("funding_usd"));
            assertEquals("released", d.projects().get(1).get("status"), "C1 is still pending");
            Provenance p = d.provenance().get(new Provenance.Key("apertus", "funding_usd"));
            assertEquals(new Provenance("alice", "S1", null, "B2", "rita", "C2"), p);
            assertEquals(1, d.provenance().size());
            assertEquals(List.of("alice"), d.curators());
        }
    }

    @Test
    void twoPendingValuesForTheSameFieldAreAConflictUntilOneIsRejected() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd,name\nsea-lion,61000000,SEA-LION\n"), "bob");
            List<Review.Item> pending = c.review().pending();
            assertEquals(2, pending.size());
            assertTrue(pending.get(0).conflicted() && pending.get(1).conflicted());
            assertEquals("C2", pending.get(0).rivals().get(0).label());

            CurationException e = assertThrows(CurationException.class, () -> c.review().approve(List.of("C1"), "rita"));
            assertTrue(e.getMessage().contains("C1") && e.getMessage().contains("conflicts with C2 (bob: '61000000')"), e.getMessage());
            assertEquals(1, e.exitCode());
            assertThrows(CurationException.class, () -> c.review().approve(List.of("C2"), "rita"));

            c.review().reject(List.of("C1"), "rita", "the annual report says 61M");
            assertFalse(c.review().pending().get(0).conflicted());
            c.review().approve(List.of("C2"), "rita");
            assertEquals("61000000", c.draft().projects().get(0).get("funding_usd"));
        }
    }

    @Test
    void aDecisionReadsThePendingChangesOfItsOwnRecordsOnlyInQueriesOfBoundedSize() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\napertus,1000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,61000000\n"), "bob");
            // sea-lion after more record ids than one query takes: found by the second query
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < CurationRepository.RECORDS_PER_QUERY + 100; i++) ids.add("no-such-record-" + i);
            ids.add("sea-lion");
            ids.add("sea-lion");
            List<ProposedChange> found = c.repository().read(x -> c.repository().pendingOf(x, CurationFixture.QUARTER, ids, true));
            assertEquals(List.of("C1", "C3"), found.stream().map(ProposedChange::label).toList(), "not apertus's C2, nothing twice");
            assertEquals(List.of("C3"), c.review().show("C1").rivals().stream().map(ProposedChange::label).toList());
            assertTrue(c.review().show("C2").rivals().isEmpty());
            assertThrows(CurationException.class, () -> c.review().approve(List.of("S1"), "rita"), "S1's C1 is in conflict");
            c.review().approve(List.of("C2"), "rita");
            c.review().reject(List.of("C1"), "rita", "the annual report says 61M");
            assertEquals(List.of("C3"), c.repository().read(x -> c.repository().pendingOf(x, CurationFixture.QUARTER, ids, true))
                    .stream().map(ProposedChange::label).toList(), "decided changes are not pending");
            c.review().approve(List.of("C3"), "rita");
        }
    }

    @Test
    void equalProposalsAgreeAndARemovalConflictsWithAnEdit() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd,notes\nsea-lion,60000000,\n"), "bob");
            fx.submit(c, fx.write("c.csv", "id,_action,_reason\nsea-lion,remove,duplicate\n"), "carol");
            List<Review.Item> pending = c.review().pending();
            assertEquals(List.of("C3"), pending.get(0).rivals().stream().map(ProposedChange::label).toList());
            assertEquals(List.of("C1", "C2"), pending.get(2).rivals().stream().map(ProposedChange::label).toList());
        }
    }

    @Test
    void keepingOneProposalApprovesItAndRejectsEachRivalNamingItInOneDecision() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,61000000\napertus,5\n"), "bob");
            fx.submit(c, fx.write("c.csv", "id,funding_usd\nsea-lion,62000000\n"), "carol");
            List<ProposedChange> done = c.review().keep("C2", "rita");
            assertEquals(List.of("C2 approved", "C1 rejected", "C4 rejected"),
                    done.stream().map(x -> x.label() + " " + x.state().value()).toList());
            ProposedChange c1 = c.review().show("C1").change();
            assertEquals("another proposal for the same field was kept: C2 by bob ('61000000')", c1.decisionReason());
            assertEquals("61000000", c.draft().projects().get(0).get("funding_usd"));
            assertEquals(List.of("C3"), c.review().pending().stream().map(i -> i.change().label()).toList(), "bob's other change waits");

            // a decided change cannot be kept, and a submission is not one change: nothing changes
            assertThrows(CurationException.class, () -> c.review().keep("C1", "rita"));
            assertThrows(CurationException.class, () -> c.review().keep("S2", "rita"));
            assertEquals(ChangeState.PENDING, c.review().show("C3").change().state());
        }
    }

    @Test
    void pendingChangesComeAPageAtATimeEachWithRivalsOnOtherPages() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\napertus,1\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,61000000\n"), "bob");
            List<Review.Item> first = c.review().pending(0, 1);
            assertEquals("C1", first.get(0).change().label());
            assertEquals(List.of("C3"), first.get(0).rivals().stream().map(ProposedChange::label).toList(), "its rival is two pages on");
            List<Review.Item> second = c.review().pending(first.get(0).change().id(), 2);
            assertEquals(List.of("C2", "C3"), second.stream().map(i -> i.change().label()).toList());
            c.review().approve(List.of("C2"), "rita");
            assertEquals(List.of("C3"), c.review().pending(first.get(0).change().id(), 2).stream().map(i -> i.change().label()).toList(),
                    "a decided change leaves the pages without shifting the others");
        }
    }

    @Test
    void theQuarterStatusCountsWhatTheDraftHolds() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            int base = c.draft().projects().size();
            fx.submit(c, fx.write("a.csv", "id,name,layer,jurisdiction,lead_org,announced,sources\n"
                    + "new-dc,New DC,compute,FR,GENCI,2026-01,https://www.genci.fr/\n"), "alice");
            c.review().approve(List.of("S1"), "rita"); // new-dc added
            fx.submit(c, fx.write("b.csv", "id,_action,_reason\nsea-lion,remove,duplicate\nnew-dc,remove,not yet real\n"), "bob");
            fx.submit(c, fx.write("c.csv", "id,funding_usd\napertus,7\n"), "carol");
            c.review().approve(List.of("C2"), "rita"); // sea-lion removed
            c.review().reject(List.of("C4"), "rita", "no source");
            Quarters.Status s = c.quarters().status();
            assertEquals(base, s.records(), "one added, one removed");
            assertEquals(c.draft().projects().size(), s.records());
            assertEquals(3, s.submissions().size());
            assertEquals(List.of(1L, 2L, 1L), List.of(s.count(ChangeState.PENDING), s.count(ChangeState.APPROVED), s.count(ChangeState.REJECTED)));
            c.review().approve(List.of("C3"), "rita"); // new-dc removed again
            assertEquals(base - 1, c.quarters().status().records());
            assertEquals(c.draft().projects().size(), c.quarters().status().records());
        }
    }

    @Test
    void approvingAWholeSubmissionAtOnceIsAllOrNothing() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd,status\napertus,20000000,operational\nsea-lion,1,\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,2\n"), "bob");
            assertThrows(CurationException.class, () -> c.review().approve(List.of("S1"), "rita"), "C3 conflicts");
            assertEquals(4, c.review().pending().size(), "none approved");
            c.review().reject(List.of("S2"), "rita", "no source");
            List<ProposedChange> done = c.review().approve(List.of("s1"), "rita");
            assertEquals(3, done.size());
            assertTrue(done.stream().allMatch(x -> x.state() == ChangeState.APPROVED && "rita".equals(x.decidedBy())));
            assertEquals(0, c.review().pending().size());
        }
    }

    @Test
    void decisionsNeedAReviewerAndRejectionsAReasonAndHappenOnce() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            assertEquals(2, assertThrows(CurationException.class, () -> c.review().approve(List.of("C1"), " ")).exitCode());
            assertThrows(CurationException.class, () -> c.review().reject(List.of("C1"), "rita", ""));
            c.review().reject(List.of("C1"), "rita", "unsourced");
            CurationException again = assertThrows(CurationException.class, () -> c.review().approve(List.of("C1"), "rita"));
            assertTrue(again.getMessage().contains("already rejected by rita"), again.getMessage());
            assertThrows(CurationException.class, () -> c.review().approve(List.of("C99"), "rita"));
            assertNull(c.draft().provenance().get(new Provenance.Key("sea-lion", "funding_usd")));
        }
    }

    @Test
    void theReviewCommandsListShowApproveAndReject() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,61000000\n"), "bob");
        }
        CurationFixture.Cli list = fx.cli("review", "list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("C1  set funding_usd of sea-lion: '52000000' -> '60000000'  [alice, S1, cell B2]  CONFLICT with C2"), list.out());
        CurationFixture.Cli show = fx.cli("review", "show", "C2");
        assertTrue(show.out().contains("proposed: by bob in S2, sheet (csv), row 2, cell B2"), show.out());
        assertTrue(show.out().contains("CONFLICT: C1"), show.out());
        CurationFixture.Cli refused = fx.cli("review", "approve", "C1", "--reviewer", "rita");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("reject one of them first"), refused.err());
        assertEquals(2, fx.cli("review", "reject", "C2", "--reviewer", "rita").code(), "--reason is required");
        assertEquals(0, fx.cli("review", "reject", "C2", "--reason", "typo", "--reviewer", "rita").code());
        CurationFixture.Cli ok = fx.cli("review", "approve", "C1", "--reviewer", "rita");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("approved C1"), ok.out());
    }

    @Test
    void theKeepCommandApprovesOneRivalAndRejectsTheOthersAtOnce() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd\nsea-lion,61000000\n"), "bob");
        }
        CurationFixture.Cli kept = fx.cli("review", "keep", "C2", "--reviewer", "rita");
        assertEquals(0, kept.code(), kept.err());
        List<String> lines = kept.out().lines().toList();
        assertTrue(lines.get(0).startsWith("approved C2") && lines.get(1).startsWith("rejected C1"), kept.out());
        assertEquals(2, fx.cli("review", "keep", "C1", "--reviewer", "rita").code(), "already decided");
        assertEquals(2, fx.cli("review", "keep", "S1", "--reviewer", "rita").code(), "a submission is not one change");
    }
}
