package org.sovereignai.curation;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class SubmissionTest {
    /** The suite runs on each database the program supports. */
    @Parameter
    TestDatabase database;

    @TempDir
    Path home;

    @Test
    void aPartialSheetBecomesFieldLevelChangesWithTheirProvenance() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path file = fx.write("alice.csv", "id,status,funding_usd,sources\n"
                    + "apertus,,20000000,https://www.swiss-ai.org/apertus; https://ethz.ch/apertus\n");
            SubmissionResult r = c.submissions().submit(new Submissions.Request(file, "alice.csv", "Alice", "Q1 update", "cli"));
            assertEquals(SubmissionResult.Outcome.ACCEPTED, r.outcome(), r.message());
            assertEquals("partial", r.submission().sheetKind());
            assertEquals(2, r.changes().size());
            ProposedChange funding = r.changes().get(0);
            assertEquals("set funding_usd of apertus: (blank) -> '20000000'", funding.describe());
            assertEquals("C1", funding.label());
            assertEquals("Alice", funding.curator());
            assertEquals("S1", funding.submissionLabel());
            assertEquals("C2", funding.cell(), "column C of row 2");
            assertEquals(2, funding.row());
            assertNull(funding.sheet(), "a CSV has no sheet name");
            assertEquals("https://www.swiss-ai.org/apertus; https://ethz.ch/apertus", funding.sources());
            assertEquals("D2", r.changes().get(1).cell());
            assertEquals(3, c.draft().projects().size(), "nothing reaches the draft before review");
            assertNull(c.draft().projects().get(1).get("funding_usd"));
        }
    }

    @Test
    void aFullSheetChangesOnlyWhatDiffersAndAMissingRowIsNotARemoval() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            String template = Files.readString(home.resolve("curation/templates/2026-Q1.csv")).substring(1); // drop BOM
            SubmissionResult same = fx.submit(c, fx.write("same.csv", template), "alice");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, same.outcome(), same.message());
            assertEquals("full", same.submission().sheetKind());
            assertEquals(List.of(), same.changes());

            String edited = template.replace("AI Singapore", "AI Singapore (AISG)");
            String withoutIsambard = String.join("\n", edited.lines().filter(l -> !l.startsWith("isambard-ai")).toList()) + "\n";
            SubmissionResult r = fx.submit(c, fx.write("edited.csv", withoutIsambard), "bob");
            assertEquals("partial", r.submission().sheetKind());
            assertEquals(1, r.changes().size());
            assertEquals("set lead_org of sea-lion: 'AI Singapore' -> 'AI Singapore (AISG)'", r.changes().get(0).describe());
        }
    }

    @Test
    void theWorkbookTemplateSubmittedUnchangedProposesNothing() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path xlsx = home.resolve("curation/templates/2026-Q1.xlsx");
            SubmissionResult r = fx.submit(c, xlsx, "alice");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, r.outcome(), r.report().findings().toString());
            assertEquals("Projects", r.submission().sheet());
            assertEquals(List.of(), r.changes(), "numbers and lists read back equal to the draft");
        }
    }

    @Test
    void aBlankCellMeansNoChangeAndClearEmptiesAField() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            SubmissionResult r = fx.submit(c, fx.write("a.csv", "id,funding_usd,aliases,base_models\nsea-lion,,<clear>,gemma:2-9b; llama:3.1-70b\n"), "alice");
            assertEquals(1, r.changes().size(), "the blank funding and the reordered base models are no change");
            assertEquals("set aliases of sea-lion: 'Southeast Asian Languages in One Network' -> (blank)", r.changes().get(0).describe());
        }
    }

    @Test
    void aRemovalIsAnExplicitActionWithAReason() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            SubmissionResult noReason = fx.submit(c, fx.write("a.csv", "id,_action\nisambard-ai,remove\n"), "alice");
            assertEquals(SubmissionResult.Outcome.REJECTED, noReason.outcome());
            assertEquals(1, noReason.exitCode());
            assertEquals("remove-without-reason", noReason.report().findings().get(0).code());

            SubmissionResult r = fx.submit(c, fx.write("b.csv", "id,_action,_reason\nisambard-ai,remove,decommissioned\n"), "alice");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, r.outcome());
            ProposedChange remove = r.changes().get(0);
            assertEquals(ChangeKind.REMOVE, remove.kind());
            assertEquals("decommissioned", remove.reason());
            assertEquals("B2", remove.cell());
            c.review().approve(List.of(remove.label()), "rita");
            assertEquals(List.of("sea-lion", "apertus"), c.draft().projects().stream().map(p -> p.id()).toList());
        }
    }

    @Test
    void anInvalidSubmissionIsArchivedWithItsReportAndChangesNothing() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path file = fx.write("bad.csv", "id,funding_usd,colour\nsea-lion,1,blue\n,2,\n");
            SubmissionResult r = fx.submit(c, file, "alice");
            assertEquals(SubmissionResult.Outcome.REJECTED, r.outcome());
            assertEquals(List.of("unknown-column", "missing-id"), r.report().findings().stream().map(f -> f.code()).toList());
            assertEquals("C1", r.report().findings().get(0).position().cell());
            assertEquals("A3", r.report().findings().get(1).position().cell());
            Path dir = home.resolve(r.submission().archivePath());
            assertEquals(Hashes.sha256(file), Hashes.sha256(dir.resolve("original.csv")));
            Map<?, ?> report = Json.mapper().readValue(dir.resolve("report.json").toFile(), Map.class);
            assertEquals("rejected", report.get("outcome"));
            assertEquals(2, report.get("errors"));
            assertTrue(Files.readString(dir.resolve("report.txt")).contains("unknown column 'colour'"));
            Map<?, ?> outcome = Json.mapper().readValue(dir.resolve("submission.json").toFile(), Map.class);
            assertEquals("alice", outcome.get("curator"));
            assertEquals("rejected", outcome.get("outcome"));
            assertEquals(0, CurationFixture.changes(c).size());
            assertEquals(Files.readString(file), "id,funding_usd,colour\nsea-lion,1,blue\n,2,\n", "input never modified");
        }
    }

    @Test
    void theSameFileSubmittedTwiceIsRecognisedByItsHashAndNotAppliedTwice() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path first = fx.write("a.csv", "id,funding_usd\nsea-lion,1\n");
            Path renamed = fx.write("copy of a.csv", "id,funding_usd\nsea-lion,1\n");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, fx.submit(c, first, "alice").outcome());
            SubmissionResult again = fx.submit(c, renamed, "bob");
            assertEquals(SubmissionResult.Outcome.DUPLICATE, again.outcome());
            assertEquals(0, again.exitCode());
            assertTrue(again.message().contains("already received on ") && again.message().contains(" as S1 from alice (accepted)"), again.message());
            assertEquals(1, CurationFixture.changes(c).size());
        }
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = Curation.open(fx.workspace, fx.settings().withMaxSubmissionBytes(100))) {
            c.quarters().open("2026-Q1", "lead");
            Path big = fx.write("big.csv", "id,notes\nsea-lion," + "x".repeat(200) + "\n");
            SubmissionResult r = fx.submit(c, big, "alice");
            assertEquals(SubmissionResult.Outcome.REFUSED, r.outcome());
            assertEquals(1, r.exitCode());
            assertTrue(r.message().contains("larger than") && r.message().contains("sai.submission.max-bytes"), r.message());
            assertFalse(Files.exists(home.resolve("curation/submissions/2026-Q1")), "nothing archived");
        }
    }

    @Test
    void fileNamesWithSpacesUnicodeOrDotDotAreOnlyDataNeverPaths() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path file = fx.write("données été 2026.csv", "id,funding_usd\nsea-lion,1\n");
            SubmissionResult r = c.submissions().submit(new Submissions.Request(file, "../../../etc/données été.csv", "al/../ice", null, "cli"));
            assertEquals(SubmissionResult.Outcome.ACCEPTED, r.outcome(), r.message());
            assertEquals("données été.csv", r.submission().originalName());
            Path dir = home.resolve(r.submission().archivePath());
            assertTrue(dir.startsWith(home.resolve("curation/submissions/2026-Q1")));
            assertEquals(r.submission().sha256(), dir.getFileName().toString());
            try (Stream<Path> all = Files.walk(home)) {
                assertTrue(all.noneMatch(p -> p.getFileName().toString().contains("été") && !p.startsWith(home.resolve("incoming"))));
            }
            assertFalse(Files.exists(home.getParent().resolve("etc")));
        }
    }

    @Test
    void aNewRecordIsOneAdditionOfTheWholeRow() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            SubmissionResult r = fx.submit(c, fx.write("a.csv", "id,name,layer,jurisdiction,lead_org,announced,sources\n"
                    + "new-dc,New DC,compute,FR,GENCI,2026-01,https://www.genci.fr/\n"), "alice");
            assertEquals(1, r.changes().size());
            assertEquals(ChangeKind.ADD, r.changes().get(0).kind());
            assertEquals("A2", r.changes().get(0).cell());
            c.review().approve(List.of("S1"), "rita");
            assertEquals("New DC", c.draft().projects().get(3).name());
        }
    }

    @Test
    void actionsThatContradictTheDraftAreReportedAtTheirCell() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            SubmissionResult r = fx.submit(c, fx.write("a.csv", "id,name,_action\nsea-lion,X,add\nnobody,Y,update\nghost,,remove\napertus,,delete\n"), "alice");
            assertEquals(List.of("unknown-action C5", "add-existing-id A2", "update-unknown-id A3", "remove-unknown-id A4"),
                    r.report().findings().stream().map(f -> f.code() + " " + f.position().cell()).toList());
            assertEquals(SubmissionResult.Outcome.REJECTED, r.outcome());
        }
    }
}
