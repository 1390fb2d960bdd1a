package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;
import static org.sovereignai.check.TestSheets.col;
import static org.sovereignai.check.TestSheets.csv;
import static org.sovereignai.check.TestSheets.record;
import static org.sovereignai.check.TestSheets.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.TestSheets;
import org.sovereignai.check.Validator;
import org.sovereignai.io.Hashes;

/** Bad CSV input gets a finding with a position, never a stack trace, and the file is left as it was. */
class CsvBadInputTest {
    private static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,sources\n";

    @TempDir
    Path dir;

    /** Validates and asserts that the file's bytes did not change. */
    private Report validate(Path file) throws IOException {
        boolean regular = Files.isRegularFile(file);
        String before = regular ? Hashes.sha256(Files.readAllBytes(file)) : null;
        var modified = regular ? Files.getLastModifiedTime(file) : null;
        List<String> ids = new ArrayList<>();
        Report r = new Validator(TestSheets.SCHEMA).validate(file, null, row -> ids.add(row.project().id()));
        if (before != null) {
            assertEquals(before, Hashes.sha256(Files.readAllBytes(file)), "the input file was modified");
            assertEquals(modified, Files.getLastModifiedTime(file));
        }
        assertEquals(r.records(), ids.size(), "every row read reaches the sink");
        return r;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        Report r = validate(bytes("empty.csv", new byte[0]));
        assertOne(r, "empty-file", null, null, null);
        assertEquals(1, r.exitCode());
        Report blank = validate(bytes("blank.csv", "\n \n,,\n".getBytes(StandardCharsets.UTF_8)));
        assertOne(blank, "empty-file", null, null, null);
    }

    @Test
    void aHeaderWithoutRowsIsReported() throws IOException {
        Report r = validate(TestSheets.text(dir, "header.csv", HEADER));
        assertOne(r, "no-records", null, null, null);
        assertEquals(1, r.errors());
    }

    @Test
    void utf8WithAByteOrderMarkIsAccepted() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write((HEADER + "a,Société Générale AI,data,FR,Ministère,2024-Q1,https://example.gov/a\n").getBytes(StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        Report r = new Validator(TestSheets.SCHEMA).validate(bytes("bom.csv", b.toByteArray()), null, row -> names.add(row.project().name()));
        assertNoFindings(r);
        assertEquals(List.of("Société Générale AI"), names);
    }

    @Test
    void windows1252TextIsReportedAtTheExactCellNotGuessed() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < 3000; i++) sb.append("r").append(i).append(",Name,data,FR,Org,2024-Q1,https://example.gov/").append(i).append('\n');
        sb.append("late,Name,data,FR,Société Générale,2024-Q1,https://example.gov/late\n");
        sb.append("after,Name,data,FR,Org,2024-Q1,https://example.gov/after\n");
        Report r = validate(bytes("cp1252.csv", sb.toString().getBytes(Charset.forName("windows-1252"))));
        Finding f = assertOne(r, "encoding-not-utf8", 3002, "lead_org", "E3002");
        assertTrue(f.message().contains("'Société Générale'"), f.message());
        assertTrue(f.message().contains("CSV UTF-8"), f.message());
        assertEquals(1, r.errors(), TestSheets.describe(r));
        assertTrue(r.records() <= 3001, "reading stops at the bad bytes");
    }

    @Test
    void windows1252InASmallFileIsReportedWithItsColumnToo() throws IOException {
        // small enough that the decoder meets the bad bytes while the header is still being read
        byte[] content = (HEADER + "a,A,data,FR,Société,2024-Q1,https://example.gov/a\n").getBytes(Charset.forName("windows-1252"));
        assertOne(validate(bytes("small1252.csv", content)), "encoding-not-utf8", 2, "lead_org", "E2");
        byte[] inHeader = ("id,nämé\n").getBytes(Charset.forName("windows-1252"));
        assertOne(validate(bytes("header1252.csv", inHeader)), "encoding-not-utf8", 1, null, "B1");
    }

    @Test
    void anUnclosedStrayQuoteIsReportedWhereItOpens() throws IOException {
        Path p = TestSheets.text(dir, "quote.csv", HEADER
                + "a,A,data,FR,Org,2024-Q1,https://example.gov/a\n"
                + "b,\"Acme,data,FR,Org,2024-Q1,https://example.gov/b\n"
                + "c,C,data,FR,Org,2024-Q1,https://example.gov/c\n");
        Report r = validate(p);
        Finding f = assertOne(r, "csv-malformed", 3, "name", "B3");
        assertTrue(f.message().contains("never closes"), f.message());
        assertEquals(1, r.errors(), TestSheets.describe(r));
    }

    @Test
    void textAfterAClosingQuoteIsReportedAtItsCell() throws IOException {
        Path p = TestSheets.text(dir, "quote2.csv", HEADER + "a,A,data,FR,\"Acme\" Labs,2024-Q1,https://example.gov/a\n");
        Finding f = assertOne(validate(p), "csv-malformed", 2, "lead_org", "E2");
        assertTrue(f.message().contains("\"\""), f.message());
    }

    @Test
    void raggedRowsAreReportedRowByRow() throws IOException {
        Path p = TestSheets.text(dir, "ragged.csv", HEADER
                + "a,A,data,FR,Org,2024-Q1,https://example.gov/a,spill\n"
                + "b,B,data,FR,Org\n");
        Report r = validate(p);
        assertOne(r, "value-without-header", 2, null, "H2");
        assertOne(r, "row-too-short", 3, "announced", "F3");
        var missing = TestSheets.all(r, "missing-value");
        assertEquals(2, missing.size(), TestSheets.describe(r));
        TestSheets.assertAt(missing.get(0), "missing-value", 3, "announced", "F3");
        TestSheets.assertAt(missing.get(1), "missing-value", 3, "sources", "G3");
    }

    @Test
    void aTenMegabyteCellIsReportedWithoutEchoingIt() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path p = csv(dir, "huge.csv", List.of(with(record("a", "data"), "notes", huge), record("b", "data")));
        Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> validate(p));
        Finding f = assertOne(r, "cell-too-long", 2, "notes", col("notes") + "2");
        assertTrue(f.value().length() < 300, "the value is shortened in the finding");
        assertTrue(f.message().contains("10485760 characters"), f.message());
        assertEquals(2, r.records());
        assertEquals(1, r.errors(), TestSheets.describe(r));
    }

    @Test
    void aFileThatDoesNotExistIsAnIoFailure() throws IOException {
        Report r = validate(dir.resolve("nope.csv"));
        assertOne(r, "file-not-found", null, null, null);
        assertEquals(2, r.exitCode());
        assertFalse(r.valid());
    }

    @Test
    void aFolderIsNotASheet() throws IOException {
        Report r = validate(dir);
        assertOne(r, "file-not-readable", null, null, null);
        assertEquals(2, r.exitCode());
    }

    @Test
    void rowNumbersAreSpreadsheetRowsEvenWithLineBreaksInCellsAndBlankLines() throws IOException {
        Path p = TestSheets.text(dir, "rows.csv", "\n" + HEADER
                + "a,\"Two\nlines\",data,FR,Org,2024-Q1,https://example.gov/a\n"
                + "\n"
                + "b,B,data,FR,Org,2024-Q9,https://example.gov/b\n");
        Report r = validate(p);
        assertOne(r, "invalid-date", 5, "announced", "F5");
    }

    @Test
    void theHeaderRowIsWhereTheHeaderIs() throws IOException {
        Path p = TestSheets.text(dir, "late-header.csv", "\n\nid,name,layer,jurisdiction,lead_org,announced,sources,bogus\n"
                + "a,A,data,FR,Org,2024-Q1,https://example.gov/a,\n");
        assertOne(validate(p), "unknown-column", 3, "bogus", "H3");
    }

    @Test
    void anOldXlsWorkbookIsNamedAsSuch() throws IOException {
        Report r = validate(bytes("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}));
        assertTrue(assertOne(r, "unsupported-format", null, null, null).message().contains("97-2003"));
    }

    @Test
    void aSheetNameForACsvIsAUsageError() throws IOException {
        Path p = TestSheets.text(dir, "x.csv", HEADER + "a,A,data,FR,Org,2024-Q1,https://example.gov/a\n");
        Report r = new Validator(TestSheets.SCHEMA).validate(p, "Projects", row -> { });
        assertOne(r, "sheet-option-on-csv", null, null, null);
        assertEquals(2, r.exitCode());
    }
}
