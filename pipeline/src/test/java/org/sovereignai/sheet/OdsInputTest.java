package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.TestSheets;

/** OpenDocument spreadsheets as LibreOffice saves them (fixtures made by LibreOffice 7.4), and broken ones by hand. */
class OdsInputTest {
    @TempDir
    Path dir;

    private final List<RecordRow> rows = new ArrayList<>();

    private Report validate(Path file, String sheet) throws IOException {
        return ReadOnly.validate(file, sheet, rows);
    }

    private Path fixture(String name) throws IOException {
        return ReadOnly.libreOffice(name, dir);
    }

    @Test
    void aLibreOfficeOdsReads() throws IOException {
        Report r = validate(fixture("text.ods"), null);
        assertNoFindings(r);
        assertEquals(List.of("jupiter", "alps", "lumi"), rows.stream().map(x -> x.project().id()).toList());
        assertEquals(List.of(2, 3, 4), rows.stream().map(x -> x.row().number()).toList());
        assertEquals("Projects", rows.get(0).sheet().sheet());
        assertEquals("Forschungszentrum Jülich", rows.get(0).project().get("lead_org"));
        assertEquals("Île-de-France; Łódź; Việt Nam; Ελλάδα; العربية", rows.get(0).project().get("notes"));
        assertEquals("two lines:\nsecond, with a comma; and a semicolon", rows.get(1).project().get("notes"));
    }

    @Test
    void odsNumbersAndDatesReadPlain() throws IOException {
        Report r = validate(fixture("dates.ods"), null);
        assertEquals("500000000", rows.get(0).project().get("funding_usd"), "not 5.0E8");
        // SODS does not expose a cell's date format: every date cell reads with its day (docs/validation.md says so)
        assertEquals("2022-06-01", rows.get(0).project().get("announced"));
        assertEquals("2025-09-02", rows.get(1).project().get("announced"));
        assertEquals(0, r.errors(), TestSheets.describe(r));
    }

    @Test
    void theFirstSheetIsReadUnlessOneIsNamedAndAFormulaCellIsReadWithAWarning() throws IOException {
        Path p = fixture("formula.ods");
        assertOne(validate(p, null), "unknown-column", 1, "Instructions", "A1");
        rows.clear();
        Report r = validate(p, "Projects");
        Finding f = assertOne(r, "formula-cell", 2, "accelerator_count", "H2");
        assertEquals("=I2*2", f.value());
        assertEquals("abci", f.recordId());
        assertEquals("1088", rows.get(0).project().get("accelerator_count"));
        assertOne(r, "value-without-header", 2, null, "I2");
    }

    @Test
    void aNamedSheetThatIsNotThereIsAUsageError() throws IOException {
        Report r = validate(fixture("text.ods"), "Projets");
        Finding f = assertOne(r, "sheet-not-found", null, null, null);
        assertTrue(f.message().contains("its sheets are: Projects"), f.message());
        assertEquals(2, r.exitCode());
    }

    @Test
    void aTextFileNamedOdsIsNotASpreadsheet() throws IOException {
        Path p = Files.writeString(dir.resolve("q3.ods"), "id,name\na,b\n");
        Finding f = assertOne(validate(p, null), "not-a-spreadsheet", null, null, null);
        assertTrue(f.message().contains("save it from LibreOffice".substring(1)) || f.message().contains("Save it from LibreOffice"), f.message());
    }

    private Path ods(String name, String content) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("mimetype", MinimalXlsx.utf8(OdsSheet.MIME_TYPE));
        parts.put("META-INF/manifest.xml", MinimalXlsx.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + OdsSheet.MIME_TYPE + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>"));
        parts.put("content.xml", MinimalXlsx.utf8(content));
        return MinimalXlsx.zip(dir.resolve(name), parts);
    }

    @Test
    void brokenXmlIsNotASpreadsheetWithoutAStackTrace() throws IOException {
        Finding f = assertOne(validate(ods("broken.ods", "<office:document-content"), null), "not-a-spreadsheet", null, null, null);
        assertTrue(f.message().contains("broken.ods") && f.message().contains(".xlsx"), f.message());
        assertFalse(f.message().contains("Exception"), f.message());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                + "<office:body><office:spreadsheet><table:table table:name=\"Projects\"><table:table-row>"
                + "<table:table-cell office:value-type=\"string\"><text:p>&xxe;</text:p></table:table-cell>"
                + "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>";
        Report r = validate(ods("xxe.ods", content), null);
        for (Finding f : r.findings()) {
            assertFalse(String.valueOf(f.message()).contains("TOP-SECRET"), f.message());
            assertFalse(String.valueOf(f.value()).contains("TOP-SECRET"), f.value());
        }
        assertFalse(r.valid(), TestSheets.describe(r));
    }
}
