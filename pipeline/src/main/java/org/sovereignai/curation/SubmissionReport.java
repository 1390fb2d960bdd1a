package org.sovereignai.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.io.Json;
import org.sovereignai.io.ValueDiff;

/**
 * The report of one submission, as JSON (camelCase keys, {@link Json#FORMAT_VERSION}) and as text for the curator: the
 * findings, and which rows change which fields (a long value cut to the part that changed, {@link ValueDiff}). The same
 * report is archived beside each submission ({@code report.json}, {@code report.txt}), printed by
 * {@code ./sai submit --dry-run}, kept in the curator's {@code curation/reports/NAME/} by the inbox, and answered by
 * the API.
 */
public final class SubmissionReport {
    /** Changes listed in a report; beyond this they are only counted (as findings are, {@link Report#MAX_KEPT_FINDINGS}). */
    static final int MAX_LISTED_CHANGES = 10_000;

    private SubmissionReport() {
    }

    /** The report as a JSON-ready map, keys as {@link #json} writes them. */
    public static Map<String, Object> map(String file, String sha256, String quarter, String curator, String outcome,
                                          Report report, List<ProposedChange> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", Json.FORMAT_VERSION);
        m.put("file", file);
        m.put("sha256", sha256);
        m.put("quarter", quarter);
        m.put("curator", curator);
        m.put("outcome", outcome);
        m.put("rows", report.records());
        m.put("errors", report.errors());
        m.put("warnings", report.warnings());
        m.put("changesProposed", changes.size());
        m.put("findingsTruncated", report.truncated());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("severity", f.severity().value());
            if (f.position() != null) {
                putIf(x, "file", f.position().file());
                putIf(x, "sheet", f.position().sheet());
                putIf(x, "row", f.position().row());
                putIf(x, "column", f.position().column());
                putIf(x, "cell", f.position().cell());
            }
            putIf(x, "recordId", f.recordId());
            putIf(x, "value", f.value());
            x.put("message", f.message());
            findings.add(x);
        }
        m.put("findings", findings);
        if (!report.notes().isEmpty()) {
            List<Map<String, Object>> notes = new ArrayList<>();
            for (Report.Note n : report.notes()) notes.add(Map.of("message", n.message()));
            m.put("notes", notes);
        }
        List<Map<String, Object>> listed = new ArrayList<>();
        for (ProposedChange c : changes.subList(0, Math.min(changes.size(), MAX_LISTED_CHANGES))) listed.add(change(c));
        m.put("changes", listed);
        m.put("changesTruncated", changes.size() > MAX_LISTED_CHANGES);
        return m;
    }

    /** The report as JSON text (the archived {@code report.json}). */
    public static String json(String file, String sha256, String quarter, String curator, String outcome, Report report,
                              List<ProposedChange> changes) {
        return Json.write(map(file, sha256, quarter, curator, outcome, report, changes));
    }

    /**
     * One change: where (row, cell, record), what (kind, field), the whole values before and after, and for a
     * {@code set} the window around the first difference.
     */
    private static Map<String, Object> change(ProposedChange c) {
        Map<String, Object> x = new LinkedHashMap<>();
        putIf(x, "sheet", c.sheet());
        x.put("row", c.row());
        x.put("cell", c.cell());
        x.put("recordId", c.recordId());
        x.put("kind", c.kind().value());
        switch (c.kind()) {
            case SET -> {
                x.put("field", c.field());
                x.put("oldValue", c.oldValue());
                x.put("newValue", c.newValue());
                ValueDiff d = c.difference();
                Map<String, Object> window = new LinkedHashMap<>();
                window.put("at", d.at());
                window.put("before", d.before());
                window.put("after", d.after());
                x.put("difference", window);
            }
            case ADD -> x.put("record", RecordJson.map(c.newValue()));
            case REMOVE -> x.put("reason", c.reason());
        }
        return x;
    }

    /** The report for people: the outcome, the findings, the changes row by row, then the counts. */
    public static String text(String file, String quarter, String curator, String outcome, Report report,
                              List<ProposedChange> changes) {
        StringBuilder sb = new StringBuilder();
        sb.append("Submission ").append(file).append(" by ").append(curator).append(" for ").append(quarter)
                .append(": ").append(outcome).append('\n');
        for (Report.Note n : report.notes()) sb.append("note: ").append(n.message()).append('\n');
        for (Finding f : report.findings()) {
            sb.append(f.severity().value()).append(' ').append(f.code()).append(" at ")
                    .append(f.position() == null ? file : f.position().describe()).append(": ").append(f.message()).append('\n');
        }
        if (report.truncated()) sb.append("(only the first ").append(report.findings().size()).append(" findings are listed)\n");
        if (!changes.isEmpty()) sb.append("changes:\n");
        for (ProposedChange c : changes.subList(0, Math.min(changes.size(), MAX_LISTED_CHANGES))) {
            sb.append("  ").append(line(c)).append('\n');
        }
        if (changes.size() > MAX_LISTED_CHANGES) sb.append("  (only the first ").append(MAX_LISTED_CHANGES).append(" changes are listed)\n");
        sb.append(report.records()).append(" rows, ").append(report.errors()).append(" errors, ")
                .append(report.warnings()).append(" warnings, ").append(changes.size()).append(" changes proposed\n");
        return sb.toString();
    }

    /** "row 3 (sea-lion), cell E3: funding_usd '52000000' -> '60000000'". */
    public static String line(ProposedChange c) {
        String where = "row " + c.row() + " (" + c.recordId() + "), cell " + c.cell() + ": ";
        return where + switch (c.kind()) {
            case SET -> c.field() + " " + c.difference().describe();
            case ADD -> "a new record with " + String.join(", ", RecordJson.map(c.newValue()).keySet());
            case REMOVE -> "removed" + (c.reason() == null ? "" : " (reason: " + c.reason() + ")");
        };
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
