package org.sovereignai.curation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * The curators' templates for a quarter: {@code QUARTER.csv} and {@code QUARTER.xlsx}, pre-filled with every record of
 * the draft, one column per field in contract order plus the control columns {@code _action} and {@code _reason}.
 * The workbook freezes the header row and explains every field on a second sheet, "Fields", from the contract's data.
 * Every vocabulary column offers its values as a dropdown (the lists sit on the Fields sheet, right of the
 * explanations, so the workbook keeps its two sheets); required columns are marked by colour and a note; the header
 * has an autofilter; the sheet prints landscape, one page wide, with the header repeated on every page.
 */
public final class Templates {
    public static final String RECORDS_SHEET = "Projects";
    public static final String FIELDS_SHEET = "Fields";
    /** Header fills: a required column stands out from an optional one. */
    static final String REQUIRED_FILL = "F8CBAD";
    static final String OPTIONAL_FILL = "DDEBF7";
    /** The Fields sheet's column where the dropdowns' lists start (after the seven columns of explanations). */
    static final int LISTS_COLUMN = 8;
    /** The last row a dropdown covers: Excel's own last row, so rows a curator adds get it too. */
    private static final int LAST_ROW = 1_048_575;

    private final Schema schema;

    public Templates(Schema schema) {
        this.schema = schema;
    }

    /** Writes both templates (the XLSX one only when the records fit in a worksheet); returns their paths, CSV first. */
    public List<Path> write(Path dir, String quarter, List<Project> records) throws IOException {
        Path csv = dir.resolve(quarter + ".csv");
        Path xlsx = dir.resolve(quarter + ".xlsx");
        AtomicFiles.write(csv, out -> csv(records, out));
        if (records.size() >= Worksheet.MAX_ROWS) {
            // a worksheet holds 1,048,576 rows, the header included: a larger draft has the CSV template only
            java.nio.file.Files.deleteIfExists(xlsx);
            return List.of(csv);
        }
        AtomicFiles.write(xlsx, out -> xlsx(quarter, records, out));
        return List.of(csv, xlsx);
    }

    private List<String> header() {
        List<String> h = new ArrayList<>();
        for (FieldSpec f : schema.fields()) h.add(f.name());
        h.add(Proposals.ACTION);
        h.add(Proposals.REASON);
        return h;
    }

    /** UTF-8 with a byte-order mark, so Excel opens accented names correctly; the reader accepts the mark. */
    void csv(List<Project> records, OutputStream bytes) throws IOException {
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            out.printRecord(header());
            for (Project p : records) {
                List<String> row = new ArrayList<>();
                for (String v : p.values()) row.add(v == null ? "" : v);
                row.add("");
                row.add("");
                out.printRecord(row);
            }
        }
    }

    /**
     * Rows are written out a thousand at a time, their text inline rather than in the shared-strings table, so the
     * workbook holds neither every cell nor every distinct value: with shared strings, a million records' template ran
     * a 1 GB heap out of memory.
     */
    private static final int FLUSH_ROWS = 1000;

    void xlsx(String quarter, List<Project> records, OutputStream os) throws IOException {
        Workbook wb = new Workbook(os, "Sovereign AI Index", "1.0");
        wb.properties().setTitle("Sovereign AI Index curator template " + quarter);
        Worksheet ws = wb.newWorksheet(RECORDS_SHEET);
        Worksheet fields = wb.newWorksheet(FIELDS_SHEET);
        List<String> header = header();
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.width(c, c == 0 ? 24 : 18);
        }
        for (FieldSpec f : schema.fields()) {
            ws.style(0, f.index()).bold().fillColor(f.required() ? REQUIRED_FILL : OPTIONAL_FILL).set();
            ws.comment(0, f.index(), note(f));
        }
        for (int c = schema.fields().size(); c < header.size(); c++) ws.style(0, c).bold().fillColor(OPTIONAL_FILL).set();
        ws.freezePane(1, 1); // the header row and the id column stay in view
        ws.setAutoFilter(0, 0, header.size() - 1);
        // printed, the sheet is wide: landscape, one page across, the header on every page
        ws.pageOrientation("landscape");
        ws.setFitToPage(true);
        ws.fitToWidth((short) 1);
        ws.fitToHeight((short) 0);
        ws.repeatRows(0);
        dropdowns(ws, fields);
        int r = 1;
        for (Project p : records) {
            for (FieldSpec f : schema.fields()) {
                String v = p.get(f);
                if (v == null) continue;
                if (f.type().numeric() && !f.multi()) {
                    try {
                        ws.value(r, f.index(), new BigDecimal(v));
                        continue;
                    } catch (NumberFormatException e) {
                        // keep the text; the validator reports it
                    }
                }
                ws.inlineString(r, f.index(), v);
            }
            r++;
            if (r % FLUSH_ROWS == 0) ws.flush();
        }
        ws.finish();
        fieldsSheet(fields);
        wb.finish();
    }

    /**
     * A dropdown on every vocabulary column, listing the vocabulary (and {@code <clear>} where a field may be
     * emptied). Where the cell must hold exactly one listed value, anything else is stopped; where it may hold several
     * values ("a;b") or values beyond the list (jurisdiction subdivisions, free-text licences), Excel only warns or
     * informs, since the validator, not the workbook, has the last word.
     */
    private void dropdowns(Worksheet records, Worksheet fields) {
        int column = LISTS_COLUMN;
        for (FieldSpec f : schema.fields()) {
            if (f.vocabulary() == null || !schema.vocabularies().containsKey(f.vocabulary())) continue;
            List<String> values = new ArrayList<>(schema.vocabulary(f.vocabulary()).values());
            if (!f.required()) values.add(Proposals.CLEAR);
            fields.value(0, column, f.name() + " (dropdown)");
            fields.style(0, column).bold().fillColor(OPTIONAL_FILL).set();
            fields.width(column, 18);
            for (int i = 0; i < values.size(); i++) fields.value(i + 1, column, values.get(i));
            boolean closed = f.type() == org.sovereignai.record.FieldType.ENUM && !f.multi();
            records.range(1, f.index(), LAST_ROW, f.index())
                    .validateWithList(fields.range(1, column, values.size(), column))
                    .allowBlank(true).showDropdown(true).showErrorMessage(true)
                    .errorStyle(closed ? DataValidationErrorStyle.STOP
                            : f.multi() ? DataValidationErrorStyle.INFORMATION : DataValidationErrorStyle.WARNING)
                    .errorTitle(f.name())
                    .error(closed ? "Pick one of the listed values (see the Fields sheet)."
                            : f.multi() ? "Several values go in one cell, separated by ';'. The Fields sheet lists them."
                            : "Not in the list: the Fields sheet says what else is allowed.");
            column++;
        }
    }

    /** The header cell's note: what the column holds, and whether it is required. */
    private static String note(FieldSpec f) {
        String need = f.required() ? (f.common() ? "Required." : "Required for " + layers(f) + ".") : "Optional.";
        return need + (f.multi() ? " Several values, separated by ';'." : "") + " " + f.description();
    }

    private void fieldsSheet(Worksheet ws) {
        String[] header = {"column", "description", "required", "layers", "several values", "allowed values", "example"};
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
            ws.style(0, c).bold().fillColor("DDEBF7").set();
        }
        ws.width(0, 22);
        ws.width(1, 70);
        ws.width(2, 22);
        ws.width(3, 22);
        ws.width(4, 14);
        ws.width(5, 70);
        ws.width(6, 30);
        ws.freezePane(1, 1);
        int r = 1;
        for (FieldSpec f : schema.fields()) {
            ws.value(r, 0, f.name());
            ws.value(r, 1, f.description());
            ws.value(r, 2, f.required() ? (f.common() ? "yes" : "yes, for " + layers(f)) : "no");
            ws.value(r, 3, f.common() ? "all" : layers(f));
            ws.value(r, 4, f.multi() ? "yes, separated by ;" : "no");
            ws.value(r, 5, allowed(f));
            if (f.example() != null) ws.value(r, 6, f.example());
            r++;
        }
        String[][] control = {
                {Proposals.ACTION, "Blank: change the record with this id, or add it when the id is new. 'add' or 'update' to say which you mean"
                        + " (the row is refused if it is the other). 'remove' takes the record out of the index.", "no", "all", "no",
                        "blank, add, update, remove", "remove"},
                {Proposals.REASON, "Why: required when _action is remove, welcome on any row.", "for remove", "all", "no", "free text",
                        "merged into sea-lion"},
        };
        for (String[] row : control) {
            for (int c = 0; c < row.length; c++) ws.value(r, c, row[c]);
            r++;
        }
        r++;
        String[] rules = {
                "How a sheet is read:",
                "Required columns have an orange header; every header has a note saying what it holds.",
                "Columns with a fixed list of values offer a dropdown; the lists are in this sheet, from column I on.",
                "A blank cell means 'no change'. To empty a field, type " + Proposals.CLEAR + " in its cell.",
                "Send every record or only the rows you changed: a record you leave out is never removed.",
                "A column you leave out changes nothing, so a sheet of only id and the columns you changed is fine.",
                "Several values go in one cell, separated by ';'.",
                "Dates: YYYY-Qn, YYYY-MM or YYYY-MM-DD. Numbers without thousands separators.",
        };
        for (String line : rules) ws.value(r++, 0, line);
    }

    private static String layers(FieldSpec f) {
        List<String> out = new ArrayList<>();
        for (Layer l : Layer.values()) if (f.appliesTo(l)) out.add(l.value());
        return String.join(", ", out);
    }

    private String allowed(FieldSpec f) {
        String type = switch (f.type()) {
            case ID -> "lower-case letters, digits and single hyphens";
            case DATE -> "YYYY-Qn, YYYY-MM or YYYY-MM-DD";
            case NUMBER -> "a number" + (f.minimum() == null ? "" : ", at least " + BigDecimal.valueOf(f.minimum()).stripTrailingZeros().toPlainString());
            case INTEGER -> "a whole number" + (f.minimum() == null ? "" : ", at least " + BigDecimal.valueOf(f.minimum()).stripTrailingZeros().toPlainString());
            case URL -> "absolute http(s) URLs";
            case LANGUAGE -> "ISO 639-1 or 639-3 codes";
            case LICENSE -> "an SPDX id or free text";
            case BASE_MODEL -> "family or family:variant; a family from this list or the id of another models record";
            case JURISDICTION -> "ISO 3166-1 alpha-2 codes, EU, or an ISO 3166-2 subdivision of one";
            default -> "free text";
        };
        String max = f.maxLength() > 0 ? " (at most " + f.maxLength() + " characters)" : "";
        if (f.vocabulary() == null || !schema.vocabularies().containsKey(f.vocabulary())) return type + max;
        Vocabulary v = schema.vocabulary(f.vocabulary());
        String values = String.join(", ", v.values());
        if (values.length() > 30_000) values = values.substring(0, 30_000) + "...";
        return f.type() == org.sovereignai.record.FieldType.ENUM ? values : type + ": " + values;
    }
}
