package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;
import static org.sovereignai.sheet.MinimalXlsx.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.TestSheets;

/**
 * Workbooks as other tools write them: without the optional styles and shared-strings parts, without cell and row
 * references (hand-built, and fastexcel workbooks with parts taken out), and LibreOffice's own, with date formats.
 */
class XlsxOptionalPartsTest {
    private static final String HEADER_ROW = "<row>" + text("id") + text("name") + text("layer") + text("jurisdiction")
            + text("lead_org") + text("announced") + text("sources") + text("funding_usd") + "</row>";

    @TempDir
    Path dir;

    private final List<RecordRow> rows = new ArrayList<>();

    private Report validate(Path file) throws IOException {
        return ReadOnly.validate(file, null, rows);
    }

    private static String record(String id, String layer, String number) {
        return "<row>" + text(id) + text("Cluster " + id) + text(layer) + text("JP") + text("AIST") + text("2024-Q3")
                + text("https://example.go.jp/" + id) + (number == null ? "" : "<c><v>" + number + "</v></c>") + "</row>";
    }

    @Test
    void aWorkbookWithoutStylesSharedStringsOrCellReferencesReads() throws IOException {
        Path p = MinimalXlsx.zip(dir.resolve("crm-export.xlsx"),
                MinimalXlsx.parts(HEADER_ROW + record("abci", "compute", "52000000.0") + record("fugaku", "computer", null), null));
        Report r = validate(p);
        Finding f = assertOne(r, "invalid-enum", 3, "layer", "C3");
        assertEquals("fugaku", f.recordId());
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
        assertEquals(2, rows.get(0).row().number());
        assertEquals("52000000", rows.get(0).project().get("funding_usd"));
        assertEquals("Projects", rows.get(0).sheet().sheet());
    }

    @Test
    void rowsWithoutReferencesFollowTheRowBefore() throws IOException {
        String sheet = "<row r=\"1\">" + text("id") + text("name") + "</row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Bad Id</t></is></c></row>"
                + "<row>" + text("Also Bad") + "</row>";
        Report r = validate(MinimalXlsx.zip(dir.resolve("mixed.xlsx"), MinimalXlsx.parts(sheet, null)));
        List<Integer> invalid = r.findings().stream().filter(f -> f.code().equals("invalid-id")).map(f -> f.position().row()).toList();
        assertEquals(List.of(4, 5), invalid, TestSheets.describe(r));
        assertEquals("A5", r.findings().stream().filter(f -> f.code().equals("invalid-id")).toList().get(1).position().cell());
    }

    @Test
    void excelsBuiltInMonthFormatKeepsTheMonth() throws IOException {
        // numFmtId 17 is Excel's built-in mmm-yy: the workbook carries only the id, never the code
        String styles = "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"17\"/><xf numFmtId=\"14\"/></cellXfs>";
        String sheet = HEADER_ROW.replace(text("funding_usd"), "")
                + "<row>" + text("abci") + text("ABCI") + text("compute") + text("JP") + text("AIST")
                + "<c s=\"1\"><v>45413</v></c>" + text("https://example.go.jp/abci") + "</row>"
                + "<row>" + text("abci-2") + text("ABCI 2") + text("compute") + text("JP") + text("AIST")
                + "<c s=\"2\"><v>45429</v></c>" + text("https://example.go.jp/abci") + "</row>";
        Report r = validate(MinimalXlsx.zip(dir.resolve("month.xlsx"), MinimalXlsx.parts(sheet, styles)));
        assertNoFindings(r);
        assertEquals("2024-05", rows.get(0).project().get("announced"));
        assertEquals("2024-05-17", rows.get(1).project().get("announced"));
    }

    private Path fastexcelWorkbook(String name) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("Projects");
            String[] header = {"id", "name", "layer", "jurisdiction", "lead_org", "announced", "sources", "power_mw"};
            for (int c = 0; c < header.length; c++) ws.value(0, c, header[c]);
            String[] values = {"abci", "ABCI", "compute", "JP", "AIST", "2024-Q3", "https://example.go.jp/abci"};
            for (int c = 0; c < values.length; c++) ws.value(1, c, values[c]);
            ws.value(1, 7, 2.5);
            wb.finish();
        }
        return p;
    }

    @Test
    void aFastexcelWorkbookWithItsStylesPartRemovedReads() throws IOException {
        Map<String, byte[]> parts = MinimalXlsx.read(fastexcelWorkbook("full.xlsx"));
        assertTrue(parts.remove("xl/styles.xml") != null, parts.keySet().toString());
        // first with the content type still declaring the missing part, then without it
        Path declared = MinimalXlsx.zip(dir.resolve("no-styles-declared.xlsx"), parts);
        assertNoFindings(validate(declared));
        String types = MinimalXlsx.string(parts.get("[Content_Types].xml"));
        String withoutStyles = types.replaceAll("<Override[^>]*styles\\+xml\"/>", "");
        assertTrue(withoutStyles.length() < types.length(), types);
        parts.put("[Content_Types].xml", MinimalXlsx.utf8(withoutStyles));
        rows.clear();
        assertNoFindings(validate(MinimalXlsx.zip(dir.resolve("no-styles.xlsx"), parts)));
        assertEquals("2.5", rows.get(0).project().get("power_mw"));
        assertEquals("ABCI", rows.get(0).project().get("name"));
    }

    @Test
    void aWorkbookWhoseCellsNameMissingSharedStringsIsNotASpreadsheet() throws IOException {
        Map<String, byte[]> parts = MinimalXlsx.read(fastexcelWorkbook("full.xlsx"));
        assertTrue(parts.remove("xl/sharedStrings.xml") != null, parts.keySet().toString());
        Report r = validate(MinimalXlsx.zip(dir.resolve("no-strings.xlsx"), parts));
        Finding f = assertOne(r, "not-a-spreadsheet", 1, null, "A1");
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
        assertTrue(f.message().contains("no-strings.xlsx") && f.message().contains("shared-strings"), f.message());
        assertEquals(1, r.exitCode());
    }

    @Test
    void libreOfficeDateCellsKeepThePrecisionTheirFormatShows() throws IOException {
        Path p = dir.resolve("dates.xlsx");
        Files.copy(ReadOnly.LIBREOFFICE.resolve("dates.xlsx"), p);
        Report r = validate(p);
        assertEquals("2022-06", rows.get(0).project().get("announced"), "mmm-yy shows a month");
        assertEquals("500000000", rows.get(0).project().get("funding_usd"));
        assertEquals("Forschungszentrum Jülich", rows.get(0).project().get("lead_org"));
        assertEquals("2025-09-02", rows.get(1).project().get("announced"), "yyyy-mm-dd shows a day");
        assertEquals("2024", rows.get(2).project().get("announced"), "yyyy shows a year");
        // a year alone is not a form announced accepts: the curator is told, rather than given a day they never wrote
        Finding f = assertOne(r, "invalid-date", 4, "announced", "F4");
        assertEquals("2024", f.value());
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
    }

    @Test
    void dateFormatsShowYearsMonthsOrDays() {
        assertEquals(DateFormats.Precision.MONTH, DateFormats.precision("mmm\\-yy", null));
        assertEquals(DateFormats.Precision.MONTH, DateFormats.precision("mmmm yyyy", null));
        assertEquals(DateFormats.Precision.MONTH, DateFormats.precision("[$-409]mmm-yy;@", null));
        assertEquals(DateFormats.Precision.MONTH, DateFormats.precision("yyyy-mm", null));
        assertEquals(DateFormats.Precision.YEAR, DateFormats.precision("yyyy", null));
        assertEquals(DateFormats.Precision.YEAR, DateFormats.precision("\"FY\" yyyy", null));
        assertEquals(DateFormats.Precision.DAY, DateFormats.precision("yyyy-mm-dd", null));
        assertEquals(DateFormats.Precision.DAY, DateFormats.precision("d-mmm-yy", null));
        assertEquals(DateFormats.Precision.DAY, DateFormats.precision("dd/mm/yyyy hh:mm", null));
        assertEquals(DateFormats.Precision.DAY, DateFormats.precision(null, 14));
        assertEquals(DateFormats.Precision.MONTH, DateFormats.precision(null, 17));
        assertEquals(DateFormats.Precision.DAY, DateFormats.precision("yyyy-mm-dd hh:mm:ss", null));
        assertEquals(null, DateFormats.precision("General", null));
        assertEquals(null, DateFormats.precision("0.00", null));
        assertEquals(null, DateFormats.precision("#,##0 \"days\"", null));
        assertEquals(null, DateFormats.precision("hh:mm", null));
        assertEquals(null, DateFormats.precision(null, 0));
        assertEquals(null, DateFormats.precision(null, null));
        assertEquals("2024-05", DateFormats.Precision.MONTH.format(LocalDate.of(2024, 5, 1)));
    }
}
