package org.sovereignai.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.check.TestSheets.assertNoFindings;
import static org.sovereignai.check.TestSheets.assertOne;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.TestSheets;
import org.sovereignai.check.Validator;
import org.sovereignai.io.Hashes;

/** XLSX workbooks: real ones written with fastexcel, hostile ones written byte by byte. */
class XlsxInputTest {
    private static final String[] HEADER = {"id", "name", "layer", "jurisdiction", "lead_org", "announced", "sources",
            "funding_usd", "accelerator_count", "power_mw", "notes"};

    @TempDir
    Path dir;

    private final List<RecordRow> rows = new ArrayList<>();

    private Report validate(Path file, String sheet) throws IOException {
        String before = Hashes.sha256(Files.readAllBytes(file));
        Report r = new Validator(TestSheets.SCHEMA).validate(file, sheet, rows::add);
        assertEquals(before, Hashes.sha256(Files.readAllBytes(file)), "the input file was modified");
        return r;
    }

    private Path workbook(String name, WorkbookFiller filler) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            filler.fill(wb);
            wb.finish();
        }
        return p;
    }

    interface WorkbookFiller {
        void fill(Workbook wb) throws IOException;
    }

    private static void header(Worksheet ws) {
        for (int c = 0; c < HEADER.length; c++) ws.value(0, c, HEADER[c]);
    }

    private static void computeRow(Worksheet ws, int r, String id) {
        ws.value(r, 0, id);
        ws.value(r, 1, "Cluster " + id);
        ws.value(r, 2, "compute");
        ws.value(r, 3, "JP");
        ws.value(r, 4, "AIST");
        ws.value(r, 5, "2024-Q3");
        ws.value(r, 6, "https://example.go.jp/" + id);
    }

    @Test
    void numbersAndDatesReadAsTheCuratorSeesThem() throws IOException {
        Path p = workbook("ok.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Projects");
            header(ws);
            computeRow(ws, 1, "abci");
            ws.value(1, 5, LocalDate.of(2024, 5, 17));
            ws.style(1, 5).format("yyyy-mm-dd").set();
            ws.value(1, 7, 52000000);
            ws.value(1, 8, 5448.0);
            ws.value(1, 9, 2.5);
        });
        Report r = validate(p, null);
        assertNoFindings(r);
        RecordRow row = rows.get(0);
        assertEquals("2024-05-17", row.project().get("announced"));
        assertEquals("52000000", row.project().get("funding_usd"));
        assertEquals("5448", row.project().get("accelerator_count"));
        assertEquals("2.5", row.project().get("power_mw"));
        assertEquals(2, row.row().number());
        assertEquals("Projects", row.sheet().sheet());
    }

    @Test
    void theFirstSheetIsReadUnlessOneIsNamed() throws IOException {
        Path p = workbook("two.xlsx", wb -> {
            Worksheet readme = wb.newWorksheet("Read me");
            readme.value(0, 0, "Instructions");
            Worksheet ws = wb.newWorksheet("Projects");
            header(ws);
            computeRow(ws, 1, "abci");
            ws.value(1, 2, "computer");
        });
        Report first = validate(p, null);
        assertOne(first, "unknown-column", 1, "Instructions", "A1");
        Report named = validate(p, "Projects");
        Finding f = assertOne(named, "invalid-enum", 2, "layer", "C2");
        assertEquals("Projects", f.position().sheet());
        Report missing = validate(p, "Nope");
        Finding m = assertOne(missing, "sheet-not-found", null, null, null);
        assertTrue(m.message().contains("Read me, Projects"), m.message());
        assertEquals(2, missing.exitCode());
    }

    @Test
    void aFormulaCellIsReadWithAWarning() throws IOException {
        Path p = workbook("formula.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Projects");
            header(ws);
            computeRow(ws, 1, "abci");
            ws.formula(1, 10, "CONCAT(\"a\",\"b\")");
        });
        Report r = validate(p, null);
        Finding f = assertOne(r, "formula-cell", 2, "notes", "K2");
        assertEquals("abci", f.recordId());
        assertTrue(f.value().startsWith("=CONCAT"), f.value());
        assertEquals(0, r.errors(), TestSheets.describe(r));
    }

    @Test
    void formulaLikeTextIsAWarningInXlsxToo() throws IOException {
        Path p = workbook("inject.xlsx", wb -> {
            Worksheet ws = wb.newWorksheet("Projects");
            header(ws);
            computeRow(ws, 1, "abci");
            ws.value(1, 10, "@SUM(1+1)*cmd|' /C calc'!A0");
        });
        assertOne(validate(p, null), "formula-injection", 2, "notes", "K2");
    }

    @Test
    void aTextFileRenamedXlsxIsNotASpreadsheet() throws IOException {
        Path p = dir.resolve("notes.xlsx");
        Files.writeString(p, "id,name\na,b\n");
        Report r = validate(p, null);
        Finding f = assertOne(r, "not-a-spreadsheet", null, null, null);
        assertTrue(f.message().contains("zip"), f.message());
        assertEquals(1, r.exitCode());
    }

    @Test
    void aZipThatIsNotAWorkbookIsNotASpreadsheet() throws IOException {
        Path p = zip("photos.xlsx", Map.of("photo.txt", "not a workbook".getBytes(StandardCharsets.UTF_8)));
        assertOne(validate(p, null), "not-a-spreadsheet", null, null, null);
    }

    @Test
    void aZipBombIsRefusedBeforeInflating() throws IOException {
        Map<String, byte[]> parts = workbookParts("<sheetData/>");
        parts.put("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]);
        Path p = zip("bomb.xlsx", parts);
        assertTrue(Files.size(p) < 1024 * 1024, "the bomb is small on disk");
        Finding f = assertOne(validate(p, null), "xlsx-too-large", null, null, null);
        assertTrue(f.message().contains("zip bomb"), f.message());
    }

    @Test
    void aZipBombThatUnderstatesItsSizesIsCaughtWhileCounting() throws IOException {
        Map<String, byte[]> parts = workbookParts("<sheetData/>");
        parts.put("xl/worksheets/sheet1.xml", new byte[64 * 1024 * 1024]);
        Path p = zip("liar.xlsx", parts);
        byte[] bytes = Files.readAllBytes(p);
        // rewrite the central directory entry of the big part to claim 1,000 bytes uncompressed
        byte[] name = "xl/worksheets/sheet1.xml".getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            if (b.getInt(i) != 0x02014b50 || b.getShort(i + 28) != name.length) continue;
            if (!java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) continue;
            b.putInt(i + 24, 1000);
            patched = true;
        }
        assertTrue(patched);
        Files.write(p, bytes);
        Report r = validate(p, null);
        assertFalse(r.valid());
        Finding f = r.findings().get(0);
        TestSheets.assertAt(f, "xlsx-too-large", null, null, null);
        assertEquals(1, r.findings().size(), TestSheets.describe(r));
        assertEquals(0, r.records());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>";
        Path p = zip("xxe.xlsx", workbookParts(sheet));
        Report r = validate(p, null);
        for (Finding f : r.findings()) {
            assertFalse(String.valueOf(f.message()).contains("TOP-SECRET"), f.message());
            assertFalse(String.valueOf(f.value()).contains("TOP-SECRET"));
        }
        for (RecordRow row : rows) assertFalse(String.join("|", List.of(row.row().cells().clone()).stream().map(String::valueOf).toList()).contains("TOP-SECRET"));
        Finding f = assertOne(r, "not-a-spreadsheet", null, null, null);
        assertTrue(f.message().toLowerCase(java.util.Locale.ROOT).contains("entity")
                || f.message().toLowerCase(java.util.Locale.ROOT).contains("dtd"), f.message());
        assertFalse(r.valid());
    }

    @Test
    void aHandMadeWorkbookWithoutDtdReads() throws IOException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>name</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>Bad Id</t></is></c></row>"
                + "</sheetData></worksheet>";
        Report r = validate(zip("plain.xlsx", workbookParts(sheet)), null);
        assertOne(r, "invalid-id", 3, "id", "A3");
        assertOne(r, "missing-value", 3, "name", "C3");
    }

    /** The smallest set of parts fastexcel-reader needs, around the given worksheet XML. */
    private static Map<String, byte[]> workbookParts(String sheetXml) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>").getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Projects\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/styles.xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
        return parts;
    }

    private Path zip(String name, Map<String, byte[]> parts) throws IOException {
        return MinimalXlsx.zip(dir.resolve(name), parts);
    }
}
