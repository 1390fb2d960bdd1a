package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;
import org.sovereignai.release.TestRecords;

import com.fasterxml.jackson.databind.JsonNode;

/** The diff, release and verify commands as CI and curators use them: output, exit codes, messages. */
class ReleaseCommandsTest {
    @TempDir
    Path tmp;

    private static CliRun sai(String... args) {
        return CliRun.of(args);
    }

    private Path snapshotsWithQ1() throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Path q1 = TestRecords.sheet(tmp.resolve("q1.csv"), compute("a"), compute("b"), compute("c"), compute("d"));
        CliRun r = sai("release", "2026-Q1", "--from", q1.toString(), "--snapshots", snapshots.toString(), "--date", "2026-04-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("published 2026-Q1 (version 1.0.0)"), r.out());
        return snapshots;
    }

    private Path q2() throws Exception {
        return TestRecords.sheet(tmp.resolve("q2.csv"), compute("a", "status", "operational"), compute("c"), compute("d"),
                compute("e", "name", "Project b"));
    }

    @Test
    void diffOfAReleaseFolderAndASheetPrintsMarkdownByDefault() throws Exception {
        Path snapshots = snapshotsWithQ1();
        CliRun r = sai("diff", snapshots.resolve("2026-Q1").toString(), q2().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Changes 2026-Q1 → q2.csv"), r.out());
        assertTrue(r.out().contains("| status | — | operational |"), r.out());
        assertTrue(r.out().contains("| `b` | `e` | name |"), "possible rename listed: " + r.out());
    }

    @Test
    void diffAsJsonListsOnlyTheRequestedKindsButCountsAll() throws Exception {
        Path snapshots = snapshotsWithQ1();
        CliRun r = sai("diff", snapshots.resolve("2026-Q1").toString(), q2().toString(), "--format", "json", "--only", "added,removed");
        assertEquals(0, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(2, json.get("changes").size());
        assertEquals(1, json.get("summary").get("modified").asInt());
    }

    @Test
    void gatesExitOneAndSayWhichTripped() throws Exception {
        Path snapshots = snapshotsWithQ1();
        CliRun r = sai("diff", snapshots.resolve("2026-Q1").toString(), q2().toString(),
                "--fail-if", "removed>0", "--fail-if", "modified>25%", "--fail-if", "added>=1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("gate 'removed>0' tripped: removed is 1"), r.err());
        assertTrue(r.err().contains("gate 'added>=1' tripped"), r.err());
        assertFalse(r.err().contains("modified>25%"), "25% of 4 is not more than 25%: " + r.err());
        assertEquals(0, sai("diff", snapshots.resolve("2026-Q1").toString(), q2().toString(), "--fail-if", "removed>1").code());
    }

    @Test
    void badGatesAndOptionsAreUsageErrors() throws Exception {
        Path snapshots = snapshotsWithQ1();
        String q1 = snapshots.resolve("2026-Q1").toString();
        CliRun gate = sai("diff", q1, q2().toString(), "--fail-if", "removed>>0");
        assertEquals(2, gate.code());
        assertTrue(gate.err().contains("cannot read the gate 'removed>>0'"), gate.err());
        assertEquals(2, sai("diff", q1, q2().toString(), "--only", "renamed").code());
        assertEquals(2, sai("diff", q1, q2().toString(), "--format", "xml").code());
        assertEquals(2, sai("diff", q1, tmp.resolve("nope.csv").toString()).code());
    }

    @Test
    void aSheetWithValidationErrorsIsNotDiffed() throws Exception {
        Path snapshots = snapshotsWithQ1();
        Path bad = TestRecords.sheet(tmp.resolve("bad.csv"), compute("a"), compute("a"));
        CliRun r = sai("diff", snapshots.resolve("2026-Q1").toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("duplicate-id") && r.err().contains("bad.csv has 1 validation error"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void releaseRefusalsExplainThemselves() throws Exception {
        Path snapshots = snapshotsWithQ1();
        CliRun again = sai("release", "2026-Q1", "--from", q2().toString(), "--snapshots", snapshots.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        CliRun date = sai("release", "2026-Q2", "--from", q2().toString(), "--snapshots", snapshots.toString(), "--date", "2026-13-01");
        assertEquals(2, date.code());
        assertTrue(date.err().contains("--date must be a calendar date"), date.err());
        CliRun id = sai("release", "Q2-2026", "--from", q2().toString(), "--snapshots", snapshots.toString());
        assertEquals(2, id.code());
        CliRun errata = sai("release", "2026-Q1", "--errata", "--from", q2().toString(), "--snapshots", snapshots.toString());
        assertEquals(0, errata.code(), errata.err());
        assertTrue(errata.out().contains("published 2026-Q1.1 (version 1.0.1)"), errata.out());
    }

    @Test
    void verifyExitsOneOnAChangedByteAndNamesTheFile() throws Exception {
        Path snapshots = snapshotsWithQ1();
        CliRun ok = sai("verify", snapshots.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("verified 1 release(s)"), ok.out());
        Path json = snapshots.resolve("2026-Q1/projects.json");
        Files.writeString(json, Files.readString(json).replace("\"c\"", "\"x\""));
        CliRun bad = sai("verify", snapshots.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("error 2026-Q1/projects.json"), "what verify finds is its report, on stdout: " + bad.out());
        assertTrue(bad.err().startsWith("sai verify: "), bad.err());
        assertEquals(2, sai("verify", tmp.resolve("none").toString()).code());
    }

    @Test
    void verifyRepairRewritesAnIndexLeftBehind() throws Exception {
        Path snapshots = snapshotsWithQ1();
        Files.delete(snapshots.resolve("latest"));
        Files.delete(snapshots.resolve("index.json"));
        CliRun notes = sai("verify", snapshots.toString());
        assertEquals(0, notes.code());
        assertTrue(notes.out().contains("note latest: missing"), notes.out());
        CliRun repaired = sai("verify", "--repair", snapshots.toString());
        assertEquals(0, repaired.code());
        assertFalse(repaired.out().contains("note"), repaired.out());
        assertEquals("2026-Q1\n", Files.readString(snapshots.resolve("latest")));
    }
}
