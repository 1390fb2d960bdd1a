package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./sai submit --dry-run}: one answer for update sheets. It runs the submission's own validation against the
 * open draft (a blank cell means no change), lists which rows change which fields, and records nothing; {@code
 * validate} on the same sheet says it is an update sheet and points here.
 */
class SubmitDryRunTest {
    private static final String LONG = "The national programme was announced by the ministry in a white paper in 2023; ";

    @TempDir
    Path home;

    private CurationFixture quarterOpen() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        return fx;
    }

    /** An update sheet: two rows, only the columns changed; apertus's funding cell is blank (no change). */
    private Path updateSheet(CurationFixture fx) throws Exception {
        return fx.write("alice-update.csv", "id,funding_usd,notes\n"
                + "sea-lion,60000000,\"" + LONG + "funding confirmed.\"\n"
                + "apertus,,\n");
    }

    private static long count(Curation c, String table) throws Exception {
        try (var conn = c.dataSource().getConnection(); var st = conn.createStatement();
             var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(Path::toString).toList();
        }
    }

    @Test
    void aDryRunListsWhichRowsChangeWhichFieldsAndRecordsNothing() throws Exception {
        CurationFixture fx = quarterOpen();
        Path sheet = updateSheet(fx);
        String before = Hashes.sha256(sheet);
        long auditBefore;
        try (Curation c = fx.open()) {
            auditBefore = count(c, "audit_log");
        }

        CurationFixture.Cli r = fx.cli("submit", "--dry-run", sheet.toString(), "--curator", "alice");

        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("check only: 2 change(s) would be proposed; nothing recorded\n"), r.out());
        assertTrue(r.out().contains("  row 2 (sea-lion), cell B2: funding_usd '52000000' -> '60000000'\n"), r.out());
        assertTrue(r.out().contains("  row 2 (sea-lion), cell C2: notes (blank) -> '" + (LONG + "funding confirmed.").substring(0, 80) + "…'\n"), r.out());
        assertFalse(r.out().contains("apertus"), "a blank cell changes nothing: " + r.out());
        assertFalse(r.out().contains("archived"), r.out());

        assertEquals(before, Hashes.sha256(sheet), "the curator's file is only read");
        try (Curation c = fx.open()) {
            assertEquals(0, CurationFixture.submissions(c).size());
            assertEquals(0, CurationFixture.changes(c).size());
            assertEquals(auditBefore, count(c, "audit_log"), "no audit line");
        }
        assertEquals(List.of(), files(home.resolve("curation/submissions")), "nothing archived");
        assertEquals(List.of(), files(home.resolve("curation/work")), "the temporary copy is gone");
    }

    @Test
    void theJsonReportNamesEachChangeWithTheChangedPartOfALongValue() throws Exception {
        CurationFixture fx = quarterOpen();
        Path sheet = fx.write("notes.csv", "id,notes\nsea-lion,\"" + LONG + "a first note.\"\n");
        assertEquals(0, fx.cli("submit", sheet.toString(), "--curator", "alice").code());
        try (Curation c = fx.open()) {
            new org.sovereignai.app.ReviewChanges(c).approve(List.of("C1"), "lead");
        }
        Path edit = fx.write("notes-2.csv", "id,notes\nsea-lion,\"" + LONG + "a second note.\"\n");

        CurationFixture.Cli r = fx.cli("submit", "--dry-run", "--format", "json", edit.toString(), "--curator", "bob");

        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        assertEquals(1, j.path("formatVersion").asInt());
        assertTrue(j.path("dryRun").asBoolean());
        assertTrue(j.path("submission").isNull());
        assertEquals("accepted", j.path("outcome").asText());
        assertEquals(CurationFixture.QUARTER, j.path("quarter").asText());
        assertEquals(Hashes.sha256(edit), j.path("sha256").asText());
        assertEquals(1, j.path("changesProposed").asInt());
        JsonNode change = j.path("changes").get(0);
        assertEquals("sea-lion", change.path("recordId").asText());
        assertEquals("set", change.path("kind").asText());
        assertEquals("notes", change.path("field").asText());
        assertEquals(2, change.path("row").asInt());
        assertEquals("B2", change.path("cell").asText());
        assertEquals(LONG + "a second note.", change.path("newValue").asText(), "the whole value too");
        assertEquals(LONG.length() + 2, change.path("difference").path("at").asInt());
        assertEquals("…te paper in 2023; a first note.", change.path("difference").path("before").asText());
        assertEquals("…te paper in 2023; a second note.", change.path("difference").path("after").asText());
    }

    @Test
    void aDryRunGivesTheSubmissionsOwnFindingsWhereValidateSaysItIsAnUpdateSheet() throws Exception {
        CurationFixture fx = quarterOpen();
        Path sheet = fx.write("bad-update.csv", "id,funding_usd,status\nsea-lion,lots,operational\n");

        CurationFixture.Cli validate = validate(sheet);
        CurationFixture.Cli dry = fx.cli("submit", "--dry-run", sheet.toString(), "--curator", "alice");
        CurationFixture.Cli real = fx.cli("submit", sheet.toString(), "--curator", "alice");

        assertEquals(1, validate.code());
        assertTrue(validate.out().contains("error update-sheet"), validate.out());
        assertTrue(validate.out().contains("./sai submit --dry-run FILE --curator NAME"), validate.out());
        assertFalse(validate.out().contains("missing-column"), "no required-column error per column: " + validate.out());
        assertTrue(validate.out().contains("error invalid-number funding_usd (B2)"), "the cells it has are still checked: " + validate.out());

        assertEquals(1, dry.code(), dry.out());
        assertEquals(1, real.code(), real.out());
        assertTrue(dry.out().startsWith("check only: 1 error(s); nothing recorded\n"), dry.out());
        assertEquals(findings(real.out()), findings(dry.out()), "the dry run is the submission's own validation");
        assertTrue(findings(dry.out()).get(0).contains("invalid-number at bad-update.csv, row 2, column funding_usd (B2)"), dry.out());
        assertFalse(dry.out().contains("update-sheet"), dry.out());
    }

    @Test
    void aDryRunOfAFileAlreadySubmittedSaysWhenItWasReceived() throws Exception {
        CurationFixture fx = quarterOpen();
        Path sheet = updateSheet(fx);
        assertEquals(0, fx.cli("submit", sheet.toString(), "--curator", "alice").code());

        CurationFixture.Cli r = fx.cli("submit", "--dry-run", sheet.toString(), "--curator", "bob");

        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("this file was already received on "), r.out());
        assertTrue(r.out().contains(" as S1 from alice (accepted), so submitting it again would change nothing"), r.out());
        try (Curation c = fx.open()) {
            assertEquals(1, CurationFixture.submissions(c).size());
        }
    }

    @Test
    void aDryRunNeedsAnOpenQuarterAndAReadableFile() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        Path sheet = updateSheet(fx);
        CurationFixture.Cli closed = fx.cli("submit", "--dry-run", sheet.toString(), "--curator", "alice");
        assertEquals(2, closed.code());
        assertEquals("", closed.out());
        assertTrue(closed.err().contains("no quarter is open"), closed.err());
        assertEquals(1, closed.err().lines().count(), closed.err());

        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        CurationFixture.Cli missing = fx.cli("submit", "--dry-run", home.resolve("nope.csv").toString(), "--curator", "alice");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        CurationFixture.Cli format = fx.cli("submit", "--dry-run", sheet.toString(), "--curator", "alice", "--format", "xml");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format must be text or json"), format.err());
    }

    /** validate takes no --home: it checks a sheet against the contract alone. */
    private static CurationFixture.Cli validate(Path sheet) {
        CliRun r = CliRun.of("validate", sheet.toString());
        return new CurationFixture.Cli(r.code(), r.out(), r.err(), java.time.Duration.ZERO);
    }

    private static List<String> findings(String out) {
        return out.lines().filter(l -> l.startsWith("  error ") || l.startsWith("  warning ")).toList();
    }
}
