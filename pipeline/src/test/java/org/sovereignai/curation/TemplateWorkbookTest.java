package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetRecords;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XLSX template, read back from its parts as Excel and LibreOffice read them. */
class TemplateWorkbookTest {
    private static final Schema SCHEMA = Schema.bundled();

    @TempDir
    Path dir;
    Path xlsx;

    @BeforeEach
    void writeTheTemplate() throws Exception {
        Path home = Path.of(System.getProperty("sai.home"));
        var records = SheetRecords.read(home.resolve("snapshots/2025-Q4/projects.csv"), SCHEMA);
        xlsx = dir.resolve("2026-Q1.xlsx");
        try (var out = Files.newOutputStream(xlsx)) {
            new Templates(SCHEMA).xlsx("2026-Q1", records, out);
        }
    }

    @Test
    void everyVocabularyColumnHasADropdownListingItsVocabulary() throws Exception {
        Map<String, Element> bySqref = new HashMap<>();
        NodeList validations = part("xl/worksheets/sheet1.xml").getElementsByTagName("dataValidation");
        for (int i = 0; i < validations.getLength(); i++) {
            Element v = (Element) validations.item(i);
            bySqref.put(v.getAttribute("sqref"), v);
        }
        List<List<String>> fieldsSheet = fieldsSheetColumns();
        int dropdowns = 0;
        for (FieldSpec f : SCHEMA.fields()) {
            if (f.vocabulary() == null) continue;
            dropdowns++;
            String col = column(f.index());
            Element v = bySqref.get(col + "2:" + col + "1048576");
            assertNotNull(v, f.name() + " has a dropdown over its whole column");
            assertEquals("list", v.getAttribute("type"), f.name());
            String formula = v.getElementsByTagName("formula1").item(0).getTextContent();
            Matcher m = Pattern.compile("'?Fields'?!\\$([A-Z]+)\\$2:\\$\\1\\$(\\d+)").matcher(formula);
            assertTrue(m.matches(), formula);
            List<String> listed = fieldsSheet.get(index(m.group(1))).subList(1, Integer.parseInt(m.group(2)));
            List<String> expected = new ArrayList<>(SCHEMA.vocabulary(f.vocabulary()).values());
            if (!f.required()) expected.add("<clear>");
            assertEquals(expected, listed, f.name() + " lists its vocabulary");
            String style = v.getAttribute("errorStyle");
            if (f.type() == FieldType.ENUM && !f.multi()) assertTrue(style.isEmpty() || style.equals("stop"), f.name() + " " + style);
            else assertTrue(style.equals("information") || style.equals("warning"), f.name() + " lets other values through: " + style);
        }
        assertEquals(dropdowns, validations.getLength(), "no dropdown on a free column");
        assertEquals(9, dropdowns, "the bundled contract has nine vocabulary columns");
    }

    @Test
    void requiredColumnsAreMarkedAndEveryHeaderExplainsItself() throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            String comments = zip.stream().filter(e -> e.getName().matches("xl/comments\\d*\\.xml")).findFirst()
                    .map(e -> read(zip, e.getName())).orElseThrow();
            for (FieldSpec f : SCHEMA.fields()) {
                assertTrue(comments.contains(f.required() ? "Required" : "Optional."), f.name());
            }
            assertTrue(comments.contains("Required for"), "a layer's required field says which layer");
        }
        Map<String, String> fills = headerFills();
        for (FieldSpec f : SCHEMA.fields()) {
            String fill = fills.get(column(f.index()) + "1");
            assertEquals(f.required(), fill.endsWith(Templates.REQUIRED_FILL), f.name() + " " + fill);
            if (!f.required()) assertTrue(fill.endsWith(Templates.OPTIONAL_FILL), f.name() + " " + fill);
        }
    }

    /** Each header cell's fill colour, through the cell's style index into styles.xml, as a spreadsheet finds it. */
    private Map<String, String> headerFills() throws Exception {
        Document styles = part("xl/styles.xml");
        Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        Element fillsPart = (Element) styles.getElementsByTagName("fills").item(0);
        NodeList xfs = cellXfs.getElementsByTagName("xf");
        NodeList fills = fillsPart.getElementsByTagName("fill");
        Map<String, String> out = new HashMap<>();
        NodeList cells = part("xl/worksheets/sheet1.xml").getElementsByTagName("c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            if (!c.getAttribute("r").matches("[A-Z]+1")) continue;
            Element xf = (Element) xfs.item(Integer.parseInt(c.getAttribute("s")));
            Element fill = (Element) fills.item(Integer.parseInt(xf.getAttribute("fillId")));
            Element fg = (Element) fill.getElementsByTagName("fgColor").item(0);
            out.put(c.getAttribute("r"), fg == null ? "" : fg.getAttribute("rgb"));
        }
        return out;
    }

    @Test
    void theSheetHasAnAutofilterAndPrintsLandscapeOnePageWideWithTheHeaderOnEveryPage() throws Exception {
        Document sheet = part("xl/worksheets/sheet1.xml");
        Element filter = (Element) sheet.getElementsByTagName("autoFilter").item(0);
        int columns = SCHEMA.fields().size() + 2;
        assertEquals("A1:" + column(columns - 1) + "1", filter.getAttribute("ref"));
        Element setup = (Element) sheet.getElementsByTagName("pageSetup").item(0);
        assertEquals("landscape", setup.getAttribute("orientation"));
        assertEquals("1", setup.getAttribute("fitToWidth"));
        assertEquals("0", setup.getAttribute("fitToHeight"));
        Element fit = (Element) sheet.getElementsByTagName("pageSetUpPr").item(0);
        assertEquals("true", fit.getAttribute("fitToPage").replace("1", "true"));
        NodeList names = part("xl/workbook.xml").getElementsByTagName("definedName");
        String printTitles = null;
        for (int i = 0; i < names.getLength(); i++) {
            Element n = (Element) names.item(i);
            if (n.getAttribute("name").equals("_xlnm.Print_Titles")) printTitles = n.getTextContent();
        }
        assertNotNull(printTitles, "the header row repeats on every printed page");
        assertTrue(printTitles.matches("'?Projects'?!\\$1:\\$1"), printTitles);
    }

    @Test
    void theWorkbookStillReadsBackAsTheRecordsItWasMadeFrom() throws Exception {
        Path home = Path.of(System.getProperty("sai.home"));
        assertEquals(SheetRecords.read(home.resolve("snapshots/2025-Q4/projects.csv"), SCHEMA), SheetRecords.read(xlsx, SCHEMA));
    }

    private List<List<String>> fieldsSheetColumns() throws Exception {
        List<List<String>> columns = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            for (Row r : wb.getSheets().toList().get(1).read()) {
                for (int c = 0; c < r.getCellCount(); c++) {
                    while (columns.size() <= c) columns.add(new ArrayList<>());
                    List<String> col = columns.get(c);
                    while (col.size() < r.getRowNum() - 1) col.add("");
                    col.add(r.getCellText(c));
                }
            }
        }
        return columns;
    }

    private Document part(String name) throws Exception {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(read(zip, name).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    private static String read(ZipFile zip, String name) {
        try {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String column(int index) {
        StringBuilder s = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) s.insert(0, (char) ('A' + (i - 1) % 26));
        return s.toString();
    }

    private static int index(String column) {
        int i = 0;
        for (char ch : column.toCharArray()) i = i * 26 + (ch - 'A' + 1);
        return i - 1;
    }
}
