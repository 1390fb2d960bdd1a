package org.sovereignai.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.io.Json;

/** The validation report archived beside each submission, as JSON and as text for the curator (the API answers the JSON). */
public final class SubmissionReport {
    private SubmissionReport() {
    }

    public static String json(String file, String sha256, String quarter, String curator, String outcome, Report report,
                       int changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("sha256", sha256);
        m.put("quarter", quarter);
        m.put("curator", curator);
        m.put("outcome", outcome);
        m.put("rows", report.records());
        m.put("errors", report.errors());
        m.put("warnings", report.warnings());
        m.put("changes_proposed", changes);
        m.put("findings_truncated", report.truncated());
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
            putIf(x, "record_id", f.recordId());
            putIf(x, "value", f.value());
            x.put("message", f.message());
            findings.add(x);
        }
        m.put("findings", findings);
        return Json.write(m);
    }

    static String text(String file, String quarter, String curator, String outcome, Report report, int changes) {
        StringBuilder sb = new StringBuilder();
        sb.append("Submission ").append(file).append(" by ").append(curator).append(" for ").append(quarter)
                .append(": ").append(outcome).append('\n');
        for (Finding f : report.findings()) {
            sb.append(f.severity().value()).append(' ').append(f.code()).append(" at ")
                    .append(f.position() == null ? file : f.position().describe()).append(": ").append(f.message()).append('\n');
        }
        if (report.truncated()) sb.append("(only the first ").append(report.findings().size()).append(" findings are listed)\n");
        sb.append(report.records()).append(" rows, ").append(report.errors()).append(" errors, ")
                .append(report.warnings()).append(" warnings, ").append(changes).append(" changes proposed\n");
        return sb.toString();
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) m.put(k, v);
    }
}
