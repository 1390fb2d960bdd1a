package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.record.Project;

/** The fast diff of two release files (byte hashes, two threads) against the general one (every row parsed). */
class ReleaseDiffTest {
    private static final LocalDate DATE = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;

    private Path release(String id, Path sheet) throws Exception {
        Releases.publish(ReleaseRequest.of(id, sheet, dir.resolve("snapshots"), DATE));
        return dir.resolve("snapshots").resolve(id).resolve(ReleaseWriter.PROJECTS_CSV);
    }

    private static String json(Diff d) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ChangesReport(d, "a", "b").writeJson(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Diff general(Path oldCsv, Path newCsv) throws Exception {
        KeyedDiff kd = new KeyedDiff(TestRecords.SCHEMA);
        Releases.readRows(oldCsv, TestRecords.SCHEMA, kd::addOld);
        Releases.readRows(newCsv, TestRecords.SCHEMA, kd::addNew);
        return kd.finish();
    }

    @Test
    void findsWhatTheGeneralDiffFindsInReleasesWithQuotedCommasQuotesLineBreaksAndAccents() throws Exception {
        Path oldCsv = release("2026-Q1", TestRecords.sheet(dir.resolve("q1.csv"),
                TestRecords.compute("a-1", "notes", "said \"hi\", left"),
                TestRecords.compute("a-2", "notes", "line one\nline two"),
                TestRecords.compute("a-3", "name", "Cafe\u0301 Ünïcode", "power_mw", "5.0"),
                TestRecords.compute("a-4", "aliases", "Beta; Alpha"),
                TestRecords.compute("a-5", "notes", "gone soon"),
                TestRecords.compute("a-6", "notes", "#first, \"then\"\nmore")));
        Path newCsv = release("2026-Q2", TestRecords.sheet(dir.resolve("q2.csv"),
                TestRecords.compute("a-6", "notes", "#first, \"then\"\nmore"),
                TestRecords.compute("a-4", "aliases", "Alpha;Beta"),
                TestRecords.compute("a-3", "name", "Café Ünïcode", "power_mw", "5"),
                TestRecords.compute("a-2", "notes", "line one\nline 2"),
                TestRecords.compute("a-1", "notes", "said \"bye\", left"),
                TestRecords.compute("a-7", "notes", "new, \"quoted\"")));
        Optional<Diff> fast = Releases.diffReleaseFiles(oldCsv, newCsv, TestRecords.SCHEMA);
        assertTrue(fast.isPresent(), "release files take the fast path");
        Diff d = fast.get();
        assertEquals(json(general(oldCsv, newCsv)), json(d));
        assertEquals(List.of(1L, 1L, 2L, 3L), List.of(d.added(), d.removed(), d.modified(), d.unchanged()));
    }

    @Test
    void agreesWithTheGeneralDiffOnShuffledRandomReleases() throws Exception {
        Random rnd = new Random(3);
        List<java.util.Map<String, String>> before = new ArrayList<>();
        List<java.util.Map<String, String>> after = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "r-" + i;
            String notes = rnd.nextInt(4) == 0 ? "a, \"b\"\nc " + i : "n" + i;
            before.add(TestRecords.compute(id, "notes", notes));
            int roll = rnd.nextInt(10);
            if (roll == 0) continue;
            after.add(roll == 1 ? TestRecords.compute(id, "notes", notes + "!") : TestRecords.compute(id, "notes", notes));
        }
        for (int i = 300; i < 320; i++) after.add(TestRecords.compute("r-" + i));
        java.util.Collections.shuffle(after, rnd);
        @SuppressWarnings("unchecked")
        Path oldCsv = release("2026-Q1", TestRecords.sheet(dir.resolve("q1.csv"), before.toArray(new java.util.Map[0])));
        @SuppressWarnings("unchecked")
        Path newCsv = release("2026-Q2", TestRecords.sheet(dir.resolve("q2.csv"), after.toArray(new java.util.Map[0])));
        assertEquals(json(general(oldCsv, newCsv)), json(Releases.diffReleaseFiles(oldCsv, newCsv, TestRecords.SCHEMA).orElseThrow()));
    }

    @Test
    void leavesFilesThatAreNotCanonicalReleaseFilesToTheGeneralReader() throws Exception {
        Path good = release("2026-Q1", TestRecords.sheet(dir.resolve("q1.csv"), TestRecords.compute("a-1"), TestRecords.compute("a-2")));
        String text = Files.readString(good);
        String header = text.substring(0, text.indexOf('\n') + 1);
        String row = text.substring(header.length(), text.indexOf('\n', header.length()) + 1);
        List<String> odd = List.of(
                "\uFEFF" + text,                                            // byte-order mark
                header.replace("id,", "ID,") + text.substring(header.length()), // another header
                text + row,                                                 // a repeated id
                text + "a-9,\"unclosed\n",                                  // an unclosed quote
                text + "a-9,na\"me\n",                                      // a quote inside an unquoted cell
                text + "a-9,\"x\"y\n",                                      // text after a closing quote
                text.replace("\n", "\r\n"),                                 // carriage returns
                text + "\"a-9\",x\n",                                       // a quoted id
                text + ",,,\n");                                            // a row without id
        for (String content : odd) {
            Path f = dir.resolve("odd.csv");
            Files.writeString(f, content, StandardCharsets.UTF_8);
            assertTrue(Releases.diffReleaseFiles(good, f, TestRecords.SCHEMA).isEmpty(), () -> "fast path refused: " + content);
            assertTrue(Releases.diffReleaseFiles(f, good, TestRecords.SCHEMA).isEmpty(), () -> "fast path refused: " + content);
        }
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (text + "a-9,Caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(Releases.diffReleaseFiles(good, latin1, TestRecords.SCHEMA).isEmpty(), "bytes that are not UTF-8");
    }

    @Test
    void storeSortsIdsAsStringsDo() {
        RecordStore store = new RecordStore(TestRecords.SCHEMA, null);
        Random rnd = new Random(11);
        List<String> ids = new ArrayList<>();
        String[] prefixes = {"x", "x-1", "x-10", "x-100", "x-1000", "x-10000", "x-100000"};
        for (int i = 0; i < 2000; i++) {
            String id = prefixes[rnd.nextInt(prefixes.length)] + (rnd.nextBoolean() ? "" : "-" + Integer.toString(rnd.nextInt(5000), 36));
            if (ids.contains(id)) continue;
            ids.add(id);
            store.add(TestRecords.project(TestRecords.compute(id)));
        }
        store.finish();
        store.sort();
        List<String> sorted = new ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        List<String> got = new ArrayList<>();
        for (Project p : store.records()) got.add(p.id());
        assertEquals(sorted, got);
    }
}
