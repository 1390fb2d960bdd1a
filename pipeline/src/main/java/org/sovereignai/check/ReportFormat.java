package org.sovereignai.check;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.sovereignai.io.Json;
import org.sovereignai.sheet.Position;

/**
 * The three renderings of a {@link Report}: {@code text} for curators (grouped by file and row, with a summary),
 * {@code json} for programs (one object), {@code github} for GitHub Actions (workflow annotations on the file).
 */
public enum ReportFormat {
    TEXT {
        @Override
        public void render(Report report, PrintWriter out) {
            for (Report.Note n : report.notes()) out.println("note " + n.position().describe() + ": " + n.message());
            String file = null;
            String group = null;
            for (Finding f : sorted(report)) {
                Position p = f.position();
                String thisFile = p.file() + (p.sheet() == null ? "" : ", sheet " + p.sheet());
                if (!thisFile.equals(file)) {
                    file = thisFile;
                    group = null;
                    out.println(thisFile);
                }
                String thisGroup = p.row() == null ? "file" : "row " + p.row() + (f.recordId() == null ? "" : " (" + f.recordId() + ")");
                if (!thisGroup.equals(group)) {
                    group = thisGroup;
                    out.println("  " + thisGroup);
                }
                String where = p.column() == null && p.cell() == null ? ""
                        : (p.column() == null ? "" : p.column()) + (p.cell() == null ? "" : (p.column() == null ? "" : " ") + "(" + p.cell() + ")") + ": ";
                out.println("    " + f.severity().value() + " " + f.code() + " " + where + f.message());
            }
            if (report.truncated()) out.println("(only the first " + report.findings().size() + " findings are listed)");
            out.println(summary(report));
        }
    },
    JSON {
        @Override
        public void render(Report report, PrintWriter out) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("formatVersion", Json.FORMAT_VERSION);
            root.put("valid", report.valid());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("errors", report.errors());
            summary.put("warnings", report.warnings());
            summary.put("records", report.records());
            root.put("summary", summary);
            List<Map<String, Object>> findings = new ArrayList<>();
            for (Finding f : report.findings()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", f.code());
                m.put("severity", f.severity().value());
                m.put("file", f.position().file());
                m.put("sheet", f.position().sheet());
                m.put("row", f.position().row());
                m.put("column", f.position().column());
                m.put("cell", f.position().cell());
                m.put("recordId", f.recordId());
                m.put("value", f.value());
                m.put("message", f.message());
                findings.add(m);
            }
            root.put("findings", findings);
            if (!report.notes().isEmpty()) {
                List<Map<String, Object>> notes = new ArrayList<>();
                for (Report.Note n : report.notes()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", n.position().file());
                    m.put("sheet", n.position().sheet());
                    m.put("message", n.message());
                    notes.add(m);
                }
                root.put("notes", notes);
            }
            out.print(Json.write(root));
        }
    },
    GITHUB {
        @Override
        public void render(Report report, PrintWriter out) {
            for (Report.Note n : report.notes()) {
                out.println(GithubAnnotations.annotation("notice", n.position().file(), null, "reading-note", n.message()));
            }
            for (Finding f : sorted(report)) {
                Position p = f.position();
                String where = p.cell() == null ? (p.column() == null ? "" : p.column() + ": ")
                        : p.cell() + (p.column() == null ? "" : " (" + p.column() + ")") + ": ";
                String sheet = p.sheet() == null ? "" : "sheet " + p.sheet() + ", ";
                Integer line = p.row() == null ? null : report.line(p.file(), p.row());
                out.println(GithubAnnotations.annotation(f.severity().value(), p.file(), line, f.code(), sheet + where + f.message()));
            }
            out.println(summary(report));
        }
    };

    public abstract void render(Report report, PrintWriter out);

    /** The value as written on the command line: text, json or github. */
    public static ReportFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    static String summary(Report r) {
        return r.records() + (r.records() == 1 ? " record, " : " records, ") + r.errors() + (r.errors() == 1 ? " error, " : " errors, ")
                + r.warnings() + (r.warnings() == 1 ? " warning" : " warnings");
    }

    /** Findings by file (in the order files were read), then row (file-level first), then column. */
    static List<Finding> sorted(Report report) {
        Map<String, Integer> fileOrder = new LinkedHashMap<>();
        for (Finding f : report.findings()) fileOrder.putIfAbsent(Objects.toString(f.position().file()), fileOrder.size());
        List<Finding> list = new ArrayList<>(report.findings());
        list.sort(Comparator.<Finding>comparingInt(f -> fileOrder.get(Objects.toString(f.position().file())))
                .thenComparingInt(f -> f.position().row() == null ? 0 : f.position().row())
                .thenComparingInt(f -> columnIndex(f.position().cell())));
        return list;
    }

    private static int columnIndex(String cell) {
        if (cell == null) return -1;
        int n = 0;
        for (int i = 0; i < cell.length() && Character.isLetter(cell.charAt(i)); i++) n = n * 26 + (cell.charAt(i) - 'A' + 1);
        return n;
    }
}
