package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./sai validate on files made by LibreOffice: what the curator sees, and the exit code. */
class ValidateCuratorFilesTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run validate(String fixture, String... more) throws IOException {
        Path p = Files.copy(Path.of("src/test/resources/sheets/libreoffice", fixture), dir.resolve(fixture));
        String[] args = new String[more.length + 2];
        args[0] = "validate";
        args[1] = p.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Sai.run(new PrintWriter(out), new PrintWriter(err), args);
        assertFalse((out + "" + err).contains("Exception"), out + "" + err);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aSemicolonCsvIsReadAndSaysSo() throws IOException {
        Run r = validate("semicolon-crlf.csv");
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.startsWith("note "), r.out);
        assertTrue(r.out.contains("separated by semicolons (;) (found in the header row)"), r.out);
        assertTrue(r.out.endsWith("3 records, 0 errors, 0 warnings\n"), r.out);
    }

    @Test
    void unicodeTextIsReadAndSaysSo() throws IOException {
        Run r = validate("utf16le-tab.csv", "--format", "json");
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.contains("UTF-16 little-endian (from its byte-order mark) text with cells separated by tabs"), r.out);
    }

    @Test
    void mojibakeIsAWarningThatLeavesTheExitCodeAlone() throws IOException {
        Run r = validate("mojibake.csv");
        assertEquals(0, r.exit, r.out + r.err);
        assertTrue(r.out.contains("warning mojibake-suspected lead_org (E2): 'Forschungszentrum JÃ¼lich' looks like UTF-8"), r.out);
        assertTrue(r.out.endsWith("3 records, 0 errors, 2 warnings\n"), r.out);
    }

    @Test
    void anOdsIsReadAndAnXlsxYearCellIsReported() throws IOException {
        assertEquals(0, validate("text.ods").exit);
        Run xlsx = validate("dates.xlsx", "--format", "github");
        assertEquals(1, xlsx.exit, xlsx.out + xlsx.err);
        assertTrue(xlsx.out.contains("title=invalid-date::sheet Projects, F4 (announced): '2024'"), xlsx.out);
    }
}
