package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format github} of validate, diff and verify: GitHub workflow annotations whose {@code line=} is the line of
 * the file, for a CSV the physical line on which the record starts (a quoted cell with line breaks moves every record
 * after it down the file).
 */
class GithubFormatTest {
    private static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,sources,notes\n";
    /** Row 2, lines 2 to 4: its notes cell holds two line breaks. */
    private static final String MULTILINE = "a,A,compute,FR,Org,2024-Q1,https://example.gov/a,\"first line\nsecond\nthird\"\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static List<String> annotations(String out) {
        return out.lines().filter(l -> l.startsWith("::")).toList();
    }

    @Test
    void validateAnnotatesTheLineOnWhichTheRecordStartsNotItsRowNumber() throws Exception {
        Path sheet = write("q1.csv", HEADER + MULTILINE + "b,B,compute,FR,Org,2024-13,https://example.gov/b,\n");

        CliRun r = CliRun.of("validate", "--format", "github", sheet.toString());

        assertEquals(1, r.code(), r.out());
        List<String> annotations = annotations(r.out());
        assertEquals(1, annotations.size(), r.out());
        assertTrue(annotations.get(0).startsWith("::error file=" + sheet + ",line=5,title=invalid-date::F3 (announced): '2024-13' is not a date"),
                "row 3 starts on line 5: " + annotations);
        assertTrue(r.out().endsWith("2 records, 1 error, 0 warnings\n"), r.out());
    }

    @Test
    void diffAnnotatesEachChangeOnItsRecordsLineAndATrippedGateAsAnError() throws Exception {
        Path before = write("old.csv", HEADER + MULTILINE + "b,B,compute,FR,Org,2024-Q1,https://example.gov/b,\n"
                + "c,C,compute,FR,Org,2024-Q1,https://example.gov/c,\n");
        Path after = write("new.csv", HEADER + MULTILINE + "c,C,compute,FR,Org,2024-Q2,https://example.gov/c,\n"
                + "d,D,compute,FR,Org,2024-Q1,https://example.gov/d,\n");

        CliRun r = CliRun.of("diff", before.toString(), after.toString(), "--format", "github", "--fail-if", "removed>0");

        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(List.of(
                "::notice file=" + before + ",line=5,title=removed::b removed",
                "::notice file=" + after + ",line=5,title=modified::c modified: announced '2024-Q1' -> '2024-Q2'",
                "::notice file=" + after + ",line=6,title=added::d added",
                "::error title=gate::" + r.err().strip().substring("sai diff: ".length())), annotations(r.out()));
        assertTrue(r.out().endsWith("1 added, 1 removed, 1 modified, 1 unchanged\n"), r.out());
        assertTrue(r.err().startsWith("sai diff: "), r.err());
    }

    @Test
    void diffAnnotationsShowTheChangedPartOfALongValue() throws Exception {
        String start = "A long note that runs on and on about the project's history and its many partners; ";
        Path before = write("old.csv", HEADER + "a,A,compute,FR,Org,2024-Q1,https://example.gov/a," + start + "status paused.\n");
        Path after = write("new.csv", HEADER + "a,A,compute,FR,Org,2024-Q1,https://example.gov/a," + start + "status resumed.\n");

        CliRun r = CliRun.of("diff", before.toString(), after.toString(), "--format", "github");

        assertEquals(0, r.code(), r.err());
        assertEquals("::notice file=" + after + ",line=2,title=modified::a modified: notes '…ny partners; status paused.'"
                + " -> '…ny partners; status resumed.'", annotations(r.out()).get(0));
    }

    @Test
    void verifyAnnotatesTheDamagedFileAndTheLineOfTheFirstBadRecord() throws Exception {
        Path snapshots = dir.resolve("snapshots");
        Path sheet = write("q1.csv", HEADER + MULTILINE + "b,B,compute,FR,Org,2024-Q1,https://example.gov/b,\n");
        CliRun published = CliRun.of("release", "2026-Q1", "--from", sheet.toString(), "--snapshots", snapshots.toString(), "--date", "2026-04-01");
        assertEquals(0, published.code(), published.err());
        // an edit whose manifest entry was recomputed: the files look intact, the records are checked
        Path csv = snapshots.resolve("2026-Q1/projects.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst("(?m)^(b,B,compute,FR,,Org,)2024-Q1,", "$12024-13,"));
        Path manifest = snapshots.resolve("2026-Q1/manifest.json");
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) org.sovereignai.io.Json.mapper().readTree(manifest.toFile());
        var entry = (com.fasterxml.jackson.databind.node.ObjectNode) m.path("files").path("projects.csv");
        entry.put("sha256", org.sovereignai.io.Hashes.sha256(csv)).put("bytes", Files.size(csv));
        Files.writeString(manifest, org.sovereignai.io.Json.write(m));

        CliRun r = CliRun.of("verify", snapshots.toString(), "--format", "github");

        assertEquals(1, r.code(), r.out());
        String line = "::error file=" + csv + ",line=5,title=verify::1 record contract error(s), first: projects.csv, row 3";
        assertTrue(annotations(r.out()).stream().anyMatch(a -> a.startsWith(line)), "the record's physical line: " + r.out());
        assertTrue(annotations(r.out()).stream().allMatch(a -> a.startsWith("::error file=" + snapshots.resolve("2026-Q1"))), r.out());
        assertTrue(r.out().strip().endsWith("problem(s) in " + snapshots), r.out());
        assertTrue(r.err().startsWith("sai verify: "), r.err());
    }
}
