package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.sovereignai.release.TestRecords.SCHEMA;
import static org.sovereignai.release.TestRecords.compute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.sheet.SheetException;

/** Two release files are diffed with both parsed at once; whatever goes wrong on either side ends the diff, never hangs it. */
class ReleaseFilesDiffTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @SuppressWarnings("unchecked")
    private static Path file(Path dir, String name, List<Map<String, String>> rows) throws Exception {
        return TestRecords.sheet(dir.resolve(name), rows.toArray(Map[]::new));
    }

    private static List<Map<String, String>> records(int n, String prefix) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) rows.add(compute(String.format("%s%06d", prefix, i)));
        return rows;
    }

    @Test
    void findsWhatTheGeneralDiffFindsOnFilesLargerThanTheReadAhead(@TempDir Path dir) throws Exception {
        List<Map<String, String>> old = records(10_000, "p");
        List<Map<String, String>> fresh = new ArrayList<>(old.subList(1, old.size()));      // p000000 removed
        fresh.set(10, compute("p000011", "name", "Renamed"));                              // one modified
        fresh.add(compute("q000000"));                                                     // one added
        Path a = file(dir, "old.csv", old);
        Path b = file(dir, "new.csv", fresh);
        Diff merged = assertTimeoutPreemptively(LIMIT, () -> Releases.diffReleaseFiles(a, b, SCHEMA));
        KeyedDiff general = new KeyedDiff(SCHEMA);
        Releases.readRows(a, SCHEMA, general::addOld);
        Releases.readRows(b, SCHEMA, general::addNew);
        Diff expected = general.finish();
        assertEquals(List.of(expected.added(), expected.removed(), expected.modified(), expected.unchanged()),
                List.of(merged.added(), merged.removed(), merged.modified(), merged.unchanged()));
        assertEquals(List.of(1L, 1L, 1L, 9_998L), List.of(merged.added(), merged.removed(), merged.modified(), merged.unchanged()));
    }

    @Test
    void aNewFileNotSortedByIdIsRefusedAsSuchAndTheReaderAheadStops(@TempDir Path dir) throws Exception {
        List<Map<String, String>> fresh = records(20_000, "p");
        fresh.add(0, compute("z999999"));   // out of order at the very start, with far more than the read-ahead behind it
        Path a = file(dir, "old.csv", records(10, "p"));
        Path b = file(dir, "new.csv", fresh);
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(KeyedDiff.NotSorted.class, () -> Releases.diffReleaseFiles(a, b, SCHEMA)));
    }

    @Test
    void aBrokenNewFileIsReportedAsTheFileItIs(@TempDir Path dir) throws Exception {
        Path a = file(dir, "old.csv", records(10, "p"));
        Path b = file(dir, "new.csv", records(5_000, "p"));
        Files.writeString(b, Files.readString(b) + "\"an unterminated quote,\n", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        assertTimeoutPreemptively(LIMIT, () -> assertThrows(SheetException.class, () -> Releases.diffReleaseFiles(a, b, SCHEMA)));
    }
}
