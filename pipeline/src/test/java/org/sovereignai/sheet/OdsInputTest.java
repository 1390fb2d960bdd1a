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
    void odsNumbersReadPlainAndDatesKeepThePrecisionTheirStyleShows() throws IOException {
        Report r = validate(fixture("dates.ods"), null);
        assertEquals("500000000", rows.get(0).project().get("funding_usd"), "not 5.0E8");
        assertEquals("2022-06", rows.get(0).project().get("announced"), "MMM-YY shows a month");
        assertEquals("2025-09-02", rows.get(1).project().get("announced"), "YYYY-MM-DD shows a day");
        assertEquals("2024", rows.get(2).project().get("announced"), "YYYY shows a year");
        assertOne(r, "invalid-date", 4, "announced", "F4");
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
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
    void repeatedRowsAndColumnsKeepDateCellsInPlace() throws IOException {
        String cell = "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>";
        StringBuilder header = new StringBuilder();
        for (String h : new String[] {"id", "name", "layer", "jurisdiction", "lead_org", "announced", "sources"}) header.append(cell.formatted(h));
        String row = cell.formatted("abci") + cell.formatted("ABCI") + cell.formatted("compute") + cell.formatted("JP") + cell.formatted("AIST")
                + "<table:table-cell table:style-name=\"month\" office:value-type=\"date\" office:date-value=\"2024-05-01\"><text:p>May-24</text:p></table:table-cell>"
                + cell.formatted("https://example.go.jp/abci");
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                + "<office:automatic-styles><number:date-style style:name=\"N1\"><number:month number:textual=\"true\"/><number:text>-</number:text>"
                + "<number:year/></number:date-style><style:style style:name=\"month\" style:family=\"table-cell\" style:data-style-name=\"N1\"/>"
                + "</office:automatic-styles><office:body><office:spreadsheet><table:table table:name=\"Projects\">"
                + "<table:table-column table:number-columns-repeated=\"7\"/>"
                + "<table:table-row>" + header + "</table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"7\"/></table:table-row>"
                + "<table:table-row>" + row + "</table:table-row>"
                + "</table:table></office:spreadsheet></office:body></office:document-content>";
        Report r = validate(ods("repeated.ods", content), null);
        assertNoFindings(r);
        assertEquals(5, rows.get(0).row().number(), "three blank rows were repeated");
        assertEquals("2024-05", rows.get(0).project().get("announced"));
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
