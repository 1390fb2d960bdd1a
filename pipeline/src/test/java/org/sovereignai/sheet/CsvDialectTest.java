package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.ReportFormat;
import org.sovereignai.check.TestSheets;

/**
 * CSV as curators' tools write it: separated by semicolons (Excel in most European locales) or tabs, in UTF-16 with a
 * byte-order mark (Excel's "Unicode text"), with CRLF line ends; the files were made by LibreOffice (see the
 * fixtures' README). The delimiter and encoding are found before reading and said in the report.
 */
class CsvDialectTest {
    @TempDir
    Path dir;

    private final List<RecordRow> rows = new ArrayList<>();

    private Report validate(Path file) throws IOException {
        return ReadOnly.validate(file, null, rows);
    }

    private Path fixture(String name) throws IOException {
        return ReadOnly.libreOffice(name, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"semicolon.csv", "semicolon-crlf.csv", "tab.csv", "utf16le-tab.csv", "utf16be-tab.csv"})
    void libreOfficeCsvReadsAsTheCuratorWroteIt(String name) throws IOException {
        Report r = validate(fixture(name));
        assertNoFindings(r);
        assertEquals(3, r.records());
        assertEquals(List.of("jupiter", "alps", "lumi"), rows.stream().map(x -> x.project().id()).toList());
        assertEquals(List.of(2, 3, 4), rows.stream().map(x -> x.row().number()).toList(), "a quoted line break stays in its row");
        RecordRow jupiter = rows.get(0);
        assertEquals("Forschungszentrum Jülich", jupiter.project().get("lead_org"));
        assertEquals("Île-de-France; Łódź; Việt Nam; Ελλάδα; العربية", jupiter.project().get("notes"));
        assertEquals("2022-06", jupiter.project().get("announced"));
        assertTrue(rows.get(1).project().get("notes").startsWith("two lines:"), rows.get(1).project().get("notes"));
        assertTrue(rows.get(1).project().get("notes").endsWith("second, with a comma; and a semicolon"));
        assertEquals("https://www.lumi-supercomputer.eu/", rows.get(2).project().get("sources"), "no CR left at a line end");
        assertEquals(1, r.notes().size());
        String note = r.notes().get(0).message();
        assertTrue(note.contains(name.contains("tab") ? "tabs" : "semicolons"), note);
        assertTrue(note.contains(name.contains("utf16le") ? "UTF-16 little-endian" : name.contains("utf16be") ? "UTF-16 big-endian" : "UTF-8"), note);
        assertEquals(name, r.notes().get(0).position().file());
        assertEquals(0, r.exitCode());
    }

    @Test
    void theNoteIsInEveryRenderingAndACommaFileHasNone() throws IOException {
        Report r = validate(fixture("semicolon.csv"));
        StringWriter text = new StringWriter();
        ReportFormat.TEXT.render(r, new PrintWriter(text));
        assertTrue(text.toString().startsWith("note semicolon.csv: read as UTF-8 text with cells separated by semicolons (;)"
                + " (found in the header row)."), text.toString());
        StringWriter json = new StringWriter();
        ReportFormat.JSON.render(r, new PrintWriter(json));
        assertTrue(json.toString().contains("\"notes\""), json.toString());
        StringWriter github = new StringWriter();
        ReportFormat.GITHUB.render(r, new PrintWriter(github));
        assertTrue(github.toString().startsWith("::notice file=semicolon.csv,title=reading-note::read as UTF-8"), github.toString());

        Report comma = validate(TestSheets.csv(dir, "comma.csv", List.of(TestSheets.record("a", "compute"))));
        assertTrue(comma.notes().isEmpty());
        StringWriter plain = new StringWriter();
        ReportFormat.JSON.render(comma, new PrintWriter(plain));
        assertTrue(!plain.toString().contains("\"notes\""), "a comma file's JSON is as before");
    }

    @Test
    void findingsInASemicolonFileNameTheirCells() throws IOException {
        Path p = TestSheets.text(dir, "eu.csv", "id;name;layer;jurisdiction;lead_org;announced;sources\r\n"
                + "a;Projet A, phase 2;compute;FR;GENCI;2024-Q1;https://example.fr/a\r\n"
                + "b;Projet B;computer;FR;GENCI;2024-Q1;https://example.fr/b\r\n");
        Report r = validate(p);
        assertOne(r, "invalid-enum", 3, "layer", "C3");
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
        assertEquals("Projet A, phase 2", rows.get(0).project().get("name"), "a comma inside a ';' cell is text");
        assertEquals(1, r.exitCode());
    }

    @Test
    void aStrayQuoteInASemicolonFileIsFoundAtItsCell() throws IOException {
        Path p = TestSheets.text(dir, "quote.csv", "id;name;layer;jurisdiction;lead_org;announced;sources\n"
                + "a;\"Projet \"A\" Labs;compute;FR;GENCI;2024-Q1;https://example.fr/a\n");
        Finding f = assertOne(validate(p), "csv-malformed", 2, "name", "B2");
        assertTrue(f.message().contains("B2"), f.message());
    }

    @Test
    void utf16ThatIsNotUtf16IsReportedNotGuessed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        out.write("id\tname\r\na\t".getBytes(StandardCharsets.UTF_16LE));
        out.write(new byte[] {0x00, (byte) 0xD8, 0x41, 0x00}); // a high surrogate without its low half, then 'A'
        out.write("\r\n".getBytes(StandardCharsets.UTF_16LE));
        Path p = Files.write(dir.resolve("broken16.csv"), out.toByteArray());
        Report r = validate(p);
        Finding f = r.findings().stream().filter(x -> x.code().equals("encoding-not-utf8")).findFirst().orElseThrow(() -> new AssertionError(TestSheets.describe(r)));
        assertTrue(f.message().contains("UTF-16LE byte-order mark"), f.message());
        assertEquals(1, r.exitCode());
    }

    @Test
    void theDelimiterIsTheHeadersMostFrequentOutsideQuotes() {
        assertEquals(',', CsvDialect.delimiterOf("id,name,layer\n"));
        assertEquals(';', CsvDialect.delimiterOf("id;name;layer\r\na,b;c\n"));
        assertEquals('\t', CsvDialect.delimiterOf("id\tname\tlayer\n"));
        assertEquals(',', CsvDialect.delimiterOf("\"a;b;c\",name\n"), "semicolons inside quotes do not count");
        assertEquals(';', CsvDialect.delimiterOf("\n\r\n\"id\";\"name, full\"\n"), "blank lines before the header are skipped");
        assertEquals(',', CsvDialect.delimiterOf("id\n"), "one column: commas");
        assertEquals(',', CsvDialect.delimiterOf(""));
        assertEquals(',', CsvDialect.delimiterOf("a;b,c\n"), "a tie keeps the comma");
        assertNull(CsvDialect.DEFAULT.note());
    }
}
