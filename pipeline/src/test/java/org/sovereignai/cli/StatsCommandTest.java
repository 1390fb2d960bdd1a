package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Hashes;

/** {@code sai stats}: release folders and sheets in, Markdown or JSON out, exit codes for bad input. */
class StatsCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private static Run sai(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sai.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path fixture() throws Exception {
        return Path.of(StatsCommandTest.class.getResource("/fixtures/figures/figures-2026-01.csv").toURI());
    }

    private Path release(String name) throws Exception {
        Path release = Files.createDirectories(dir.resolve(name));
        Files.copy(fixture(), release.resolve("projects.csv"));
        return release;
    }

    @Test
    void aReleaseFolderGivesStatsMarkdown() throws Exception {
        Run r = sai("stats", release("2026-Q1").toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.startsWith("# Statistics of release 2026-Q1\n"), r.out);
        assertTrue(r.out.contains("| Projects | 139 |"));
        assertTrue(r.out.contains("| Llama | Meta | United States (US) | 14 (39%) | 14 |"), r.out);
    }

    @Test
    void theJsonFormatIsStatsJsonAndTheSameEachRun() throws Exception {
        Run a = sai("stats", fixture().toString(), "--format", "json");
        Run b = sai("stats", fixture().toString(), "--format", "json");
        assertEquals(0, a.code, a.err);
        assertTrue(a.out.startsWith("{\n  \"compute\": {"), a.out);
        assertEquals(a.out, b.out);
    }

    @Test
    void anXlsxSheetGivesTheSameFiguresAsTheCsv() throws Exception {
        Path xlsx = dir.resolve("figures.xlsx");
        try (var in = Files.newBufferedReader(fixture());
             var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(in);
             var os = Files.newOutputStream(xlsx)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Projects");
            int r = 0;
            for (var record : parser) {
                for (int c = 0; c < record.size(); c++) ws.value(r, c, record.get(c));
                r++;
            }
            wb.finish();
        }
        Run fromXlsx = sai("stats", xlsx.toString(), "--format", "json");
        assertEquals(0, fromXlsx.code, fromXlsx.err);
        assertEquals(sai("stats", fixture().toString(), "--format", "json").out, fromXlsx.out);
    }

    @Test
    void aPreviousReleaseAddsTheChangesAndChartsCanBeWritten() throws Exception {
        Path previous = release("2025-Q4");
        Files.writeString(previous.resolve("stats.json"), sai("stats", previous.toString(), "--format", "json").out);
        Path charts = dir.resolve("charts");
        Run r = sai("stats", release("2026-Q1").toString(), "--previous", previous.toString(), "--charts", charts.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Changes are against 2025-Q4 (0 figures moved)."), r.out);
        assertTrue(r.out.contains("| Projects | 139 | no change |"), r.out);
        try (var files = Files.list(charts)) {
            assertEquals(4, files.filter(p -> p.toString().endsWith(".svg")).count());
        }
    }

    @Test
    void aSheetWithErrorsIsRefusedWithExit1AndLeftUntouched() throws Exception {
        Path sheet = dir.resolve("bad.csv");
        List<String> lines = Files.readAllLines(fixture());
        lines.add(lines.get(1)); // the first project again: a duplicate id
        Files.write(sheet, lines);
        String before = Hashes.sha256(sheet);
        Run r = sai("stats", sheet.toString());
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertTrue(r.err.contains("duplicate-id") && r.err.contains("row 141"), r.err);
        assertTrue(r.err.contains("bad.csv has 1 error"), r.err);
        assertEquals(before, Hashes.sha256(sheet));
    }

    @Test
    void missingInputsAndBadUsageExitWith2() throws Exception {
        Run missing = sai("stats", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.code);
        assertTrue(missing.err.contains("no such file"), missing.err);
        Run emptyFolder = sai("stats", dir.toString());
        assertEquals(2, emptyFolder.code);
        assertTrue(emptyFolder.err.contains("without projects.csv"), emptyFolder.err);
        assertEquals(2, sai("stats", fixture().toString(), "--format", "xml").code);
        Path badJson = Files.writeString(dir.resolve("stats.json"), "{ not json");
        Run bad = sai("stats", fixture().toString(), "--previous", badJson.toString());
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("stats.json") && bad.err.contains("not valid JSON"), bad.err);
    }
}
