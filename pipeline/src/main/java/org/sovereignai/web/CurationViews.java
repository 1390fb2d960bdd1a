package org.sovereignai.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Quarters;
import org.sovereignai.curation.Review;
import org.sovereignai.curation.Submission;
import org.sovereignai.io.Json;

/**
 * The curation API's JSON: ordered maps of the workflow's records, so every answer is byte-for-byte the same for the
 * same state (keys in a fixed order, lists in the database's order). Labels ({@code S3}, {@code C12}) are the ids the
 * CLI and the audit log use.
 */
final class CurationViews {
    private CurationViews() {
    }

    static byte[] json(Object value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> status(Quarters.Status s, List<Map<String, Object>> pending) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quarter", s.quarter().name());
        m.put("state", s.quarter().state());
        m.put("base_release", s.quarter().baseRelease());
        m.put("opened_at", String.valueOf(s.quarter().openedAt()));
        m.put("draft_records", s.records());
        m.put("submissions", s.submissions().size());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (var st : org.sovereignai.curation.ChangeState.values()) counts.put(st.value(), s.count(st));
        m.put("changes", counts);
        m.put("pending", pending);
        m.put("links", Map.of("pending", "/api/v1/quarters/" + s.quarter().name() + "/changes?state=pending"));
        return m;
    }

    static List<Map<String, Object>> items(List<Review.Item> items) {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (Review.Item i : items) out.add(change(i.change(), i.rivals()));
        return out;
    }

    static Map<String, Object> change(ProposedChange c, List<ProposedChange> rivals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.label());
        m.put("submission", c.submissionLabel());
        m.put("quarter", c.quarter());
        m.put("record_id", c.recordId());
        m.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("field", c.field());
        m.put("old_value", c.oldValue());
        m.put("new_value", c.newValue());
        m.put("reason", c.reason());
        m.put("sheet", c.sheet());
        m.put("row", c.row());
        m.put("cell", c.cell());
        m.put("curator", c.curator());
        m.put("state", c.state().value());
        m.put("decided_by", c.decidedBy());
        m.put("decided_at", c.decidedAt() == null ? null : c.decidedAt().toString());
        m.put("decision_reason", c.decisionReason());
        if (rivals != null) {
            List<String> ids = new ArrayList<>();
            for (ProposedChange r : rivals) ids.add(r.label());
            m.put("conflicts_with", ids);
        }
        return m;
    }

    static Map<String, Object> submission(Submission s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.label());
        m.put("quarter", s.quarter());
        m.put("curator", s.curator());
        m.put("file", s.originalName());
        m.put("note", s.note());
        m.put("door", s.door());
        m.put("sheet_kind", s.sheetKind());
        m.put("outcome", s.outcome());
        m.put("errors", s.errors());
        m.put("warnings", s.warnings());
        m.put("sha256", s.sha256());
        m.put("size_bytes", s.sizeBytes());
        m.put("received_at", s.receivedAt().toString());
        return m;
    }
}
