package org.sovereignai.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the date cells of an ODS show: SODS reads a date cell's value but not its format, so this one pass over the
 * workbook's XML finds, for every date cell, the precision of its date style ({@code number:date-style} with or
 * without {@code number:day} and {@code number:month}), so that a cell shown as {@code Jun-22} reads as
 * {@code 2022-06} as in XLSX. The XML is read with DTDs and external entities off; repeated rows and columns are
 * counted as SODS counts them. A cell whose style cannot be found reads with its day, as before.
 */
final class OdsDateStyles {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    /** Repeats beyond this are empty filler (LibreOffice writes a million repeated empty rows); not walked. */
    private static final int MAX_REPEAT = 1 << 14;
    /** Date cells remembered at most (a curator sheet has a few per row); a file with more reads the rest with days. */
    private static final int MAX_CELLS = 1 << 20;
    private int recorded;

    /** sheet name → (row << 32 | column) → precision, for date cells whose style shows less than a day. */
    private final Map<String, Map<Long, DateFormats.Precision>> cells = new HashMap<>();

    private OdsDateStyles() {
    }

    /** The date precisions of a workbook's cells; empty when the XML cannot be read (SODS reports that). */
    static OdsDateStyles read(Path path) {
        OdsDateStyles styles = new OdsDateStyles();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Map<String, DateFormats.Precision> dataStyles = new HashMap<>();
            Map<String, String> cellStyles = new HashMap<>();
            readStyles(zip, "styles.xml", dataStyles, cellStyles);
            readStyles(zip, "content.xml", dataStyles, cellStyles);
            Map<String, DateFormats.Precision> byCellStyle = new HashMap<>();
            cellStyles.forEach((cell, data) -> {
                DateFormats.Precision p = dataStyles.get(data);
                if (p != null && p != DateFormats.Precision.DAY) byCellStyle.put(cell, p);
            });
            if (!byCellStyle.isEmpty()) styles.readCells(zip, byCellStyle);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            styles.cells.clear();
        }
        return styles;
    }

    /** The precision of the date cell at a 0-based row and column, or DAY. */
    DateFormats.Precision at(String sheet, int row, int column) {
        Map<Long, DateFormats.Precision> m = cells.get(sheet);
        DateFormats.Precision p = m == null ? null : m.get(((long) row << 32) | column);
        return p == null ? DateFormats.Precision.DAY : p;
    }

    private static XMLStreamReader open(ZipFile zip, String part) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) return null;
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        InputStream in = zip.getInputStream(entry);
        return f.createXMLStreamReader(in);
    }

    private static void readStyles(ZipFile zip, String part, Map<String, DateFormats.Precision> dataStyles,
                                   Map<String, String> cellStyles) throws IOException, XMLStreamException {
        XMLStreamReader x = open(zip, part);
        if (x == null) return;
        try {
            String dateStyle = null;
            boolean day = false;
            boolean month = false;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = x.getNamespaceURI();
                    String name = x.getLocalName();
                    if (NUMBER.equals(ns) && name.equals("date-style")) {
                        dateStyle = x.getAttributeValue(STYLE, "name");
                        day = false;
                        month = false;
                    } else if (dateStyle != null && NUMBER.equals(ns)) {
                        day |= name.equals("day");
                        month |= name.equals("month");
                    } else if (STYLE.equals(ns) && name.equals("style") && "table-cell".equals(x.getAttributeValue(STYLE, "family"))) {
                        String data = x.getAttributeValue(STYLE, "data-style-name");
                        String cellStyle = x.getAttributeValue(STYLE, "name");
                        if (data != null && cellStyle != null) cellStyles.put(cellStyle, data);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && dateStyle != null
                        && NUMBER.equals(x.getNamespaceURI()) && x.getLocalName().equals("date-style")) {
                    dataStyles.put(dateStyle, day ? DateFormats.Precision.DAY : month ? DateFormats.Precision.MONTH : DateFormats.Precision.YEAR);
                    dateStyle = null;
                }
            }
        } finally {
            x.close();
        }
    }

    private void readCells(ZipFile zip, Map<String, DateFormats.Precision> byCellStyle) throws IOException, XMLStreamException {
        XMLStreamReader x = open(zip, "content.xml");
        if (x == null) return;
        try {
            String sheet = null;
            List<String> columnStyles = new ArrayList<>();
            int row = -1;
            int rowRepeat = 1;
            String rowStyle = null;
            int col = 0;
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT && TABLE.equals(x.getNamespaceURI())) {
                    switch (x.getLocalName()) {
                        case "table" -> {
                            sheet = x.getAttributeValue(TABLE, "name");
                            columnStyles.clear();
                            row = -1;
                        }
                        case "table-column" -> {
                            int n = repeat(x, "number-columns-repeated");
                            String s = x.getAttributeValue(TABLE, "default-cell-style-name");
                            for (int i = 0; i < n && columnStyles.size() < MAX_REPEAT; i++) columnStyles.add(s);
                        }
                        case "table-row" -> {
                            row++;
                            rowRepeat = repeat(x, "number-rows-repeated");
                            rowStyle = x.getAttributeValue(TABLE, "default-cell-style-name");
                            col = 0;
                        }
                        case "table-cell", "covered-table-cell" -> {
                            int n = repeat(x, "number-columns-repeated");
                            if ("date".equals(x.getAttributeValue(OFFICE, "value-type")) && sheet != null) {
                                String style = x.getAttributeValue(TABLE, "style-name");
                                if (style == null) style = rowStyle;
                                if (style == null && col < columnStyles.size()) style = columnStyles.get(col);
                                DateFormats.Precision p = style == null ? null : byCellStyle.get(style);
                                if (p != null) {
                                    Map<Long, DateFormats.Precision> m = cells.computeIfAbsent(sheet, k -> new HashMap<>());
                                    for (int r = 0; r < Math.min(rowRepeat, MAX_REPEAT); r++) {
                                        for (int c = 0; c < Math.min(n, MAX_REPEAT) && recorded < MAX_CELLS; c++, recorded++) {
                                            m.put(((long) (row + r) << 32) | (col + c), p);
                                        }
                                    }
                                }
                            }
                            col += n;
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && TABLE.equals(x.getNamespaceURI())
                        && x.getLocalName().equals("table-row")) {
                    row += rowRepeat - 1;
                    rowRepeat = 1;
                }
            }
        } finally {
            x.close();
        }
    }

    private static int repeat(XMLStreamReader x, String attribute) {
        String v = x.getAttributeValue(TABLE, attribute);
        if (v == null) return 1;
        try {
            return Math.max(1, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
