package org.sovereignai.curation;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetRecords;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class QuarterLifecycleTest {
    /** The suite runs on each database the program supports. */
    @Parameter
    TestDatabase database;

    @TempDir
    Path home;

    @Test
    void theBaseRecordsAreReadOncePerQuarterAndAgainForAQuarterOpenedAtAnotherTime() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            CurationRepository repo = c.repository();
            QuarterInfo q = c.quarters().requireOpen();
            List<Project> first = repo.read(x -> repo.baseRecords(x, q));
            assertEquals(List.of("sea-lion", "apertus", "isambard-ai"), first.stream().map(Project::id).toList());
            assertTrue(first == repo.read(x -> repo.baseRecords(x, q)), "kept for the quarter");
            QuarterInfo rebuilt = new QuarterInfo(q.name(), q.baseRelease(), q.state(), q.openedAt().plusSeconds(1));
            List<Project> again = repo.read(x -> repo.baseRecords(x, rebuilt));
            assertTrue(first != again, "a quarter opened at another time is read again");
            assertEquals(first.stream().map(Project::id).toList(), again.stream().map(Project::id).toList());
            assertThrows(UnsupportedOperationException.class, () -> again.add(again.get(0)), "nobody changes the kept list");
        }
    }

    @Test
    void openingAQuarterStartsTheDraftFromTheNewestReleaseAndWritesBothTemplates() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        fx.release("2025-Q3", "id,name\nold-only,Old\n");
        Files.createDirectories(home.resolve("snapshots/2026-Q1")); // no manifest: not a release
        try (Curation c = fx.open()) {
            Quarters.Opened o = c.quarters().open("2026-Q1", "lead");
            assertEquals("2025-Q4", o.quarter().baseRelease());
            assertEquals(3, o.records());
            assertEquals(List.of("sea-lion", "apertus", "isambard-ai"), List.copyOf(c.draft().projects().stream().map(Project::id).toList()));

            Path csv = home.resolve("curation/templates/2026-Q1.csv");
            List<Project> fromTemplate = SheetRecords.read(csv, Schema.bundled());
            assertEquals(SheetRecords.read(home.resolve("snapshots/2025-Q4/projects.csv"), Schema.bundled()), fromTemplate);
            String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
            assertTrue(header.startsWith("\uFEFFid,name,layer,"), header);
            assertTrue(header.endsWith(",_action,_reason"), header);
        }
    }

    @Test
    void theWorkbookTemplateFreezesItsHeaderAndExplainsEveryFieldOnASecondSheet() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            Path xlsx = home.resolve("curation/templates/2026-Q1.xlsx");
            try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
                List<Sheet> sheets = wb.getSheets().toList();
                assertEquals(List.of("Projects", "Fields"), sheets.stream().map(Sheet::getName).toList());
                List<Row> rows = sheets.get(0).read();
                assertEquals("id", rows.get(0).getCellText(0));
                assertEquals(4, rows.size());
                assertEquals("SEA-LION", rows.get(1).getCellText(1));
                assertEquals("52000000", rows.get(1).getCell(8).getRawValue());
                List<String> explained = new ArrayList<>();
                for (Row r : sheets.get(1).read()) explained.add(r.getCellText(0));
                for (FieldSpec f : Schema.bundled().fields()) assertTrue(explained.contains(f.name()), f.name());
                assertTrue(explained.contains("_action"));
                String allowed = sheets.get(1).read().get(Schema.bundled().require("release_status").index() + 1).getCellText(5);
                assertTrue(allowed.contains("open_permissive"), allowed);
            }
            try (ZipFile zip = new ZipFile(xlsx.toFile())) {
                String sheet1 = new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(sheet1.contains("ySplit=\"1\"") && sheet1.contains("state=\"frozen\""), "header row frozen");
            }
        }
    }

    @Test
    void onlyOneQuarterIsOpenAtATime() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            CurationException e = assertThrows(CurationException.class, () -> c.quarters().open("2026-Q2", "lead"));
            assertTrue(e.getMessage().contains("2026-Q1 is open"), e.getMessage());
        }
        CurationFixture.Cli again = fx.cli("quarter", "open", "2026-Q2");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("only one quarter is open at a time"), again.err());
    }

    @Test
    void aQuarterMustComeAfterTheNewestReleaseAndBeNamedLikeOne() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        assertEquals(2, fx.cli("quarter", "open", "2025-Q4").code());
        assertEquals(2, fx.cli("quarter", "open", "Q1-2026").code());
        assertEquals(0, fx.cli("quarter", "open", "2026-Q1").code());
    }

    @Test
    void statusShowsWhatIsPending() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        assertEquals(2, fx.cli("quarter", "status").code(), "no quarter open yet");
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\napertus,1000\n"), "alice");
        }
        CurationFixture.Cli s = fx.cli("quarter", "status");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("quarter 2026-Q1"), s.out());
        assertTrue(s.out().contains("submissions: 1 (1 accepted, 0 rejected)"), s.out());
        assertTrue(s.out().contains("changes: 2 pending, 0 approved, 0 rejected"), s.out());
    }

    @Test
    void theDatabaseIsWorkingStateThatOpeningTheQuarterRebuilds() throws Exception {
        // the embedded file is deleted here; a team's PostgreSQL database is backed up instead (docs/curation.md)
        org.junit.jupiter.api.Assumptions.assumeTrue(database == TestDatabase.H2, "about the embedded H2 file");
        CurationFixture fx = new CurationFixture(home, database);
        try (Curation c = fx.openQuarter()) {
            assertEquals(3, c.draft().projects().size());
        }
        deleteTree(home.resolve("curation/db"));
        try (Curation c = fx.open()) {
            assertTrue(c.quarters().current().isEmpty());
            c.quarters().open("2026-Q1", "lead");
            assertEquals(3, c.draft().projects().size());
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
