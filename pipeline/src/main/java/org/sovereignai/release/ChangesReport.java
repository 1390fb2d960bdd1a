package org.sovereignai.release;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sovereignai.check.GithubAnnotations;
import org.sovereignai.diff.Change;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.FieldChange;
import org.sovereignai.diff.PossibleRename;
import org.sovereignai.io.Json;
import org.sovereignai.io.ValueDiff;
import org.sovereignai.record.Project;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a {@link Diff} as {@code changes.json} (for programs), {@code CHANGES.md} (for people) and GitHub annotations
 * (for CI). Streams, so a diff
 * of a million changes is never built as one tree. Used by {@code release} and by {@code diff --format}.
 */
public final class ChangesReport {
    /** An extra CHANGES.md section contributed by another part of the release (statistics deltas, sources drift...). */
    public record Section(String title, String markdown) {
    }

    private final Diff diff;
    private final String from;
    private final String to;
    private Set<Change.Op> only = EnumSet.allOf(Change.Op.class);
    private Map<Provenance.Key, Provenance> provenance = Map.of();
    private List<Section> sections = List.of();
    private final TreeMap<String, Object> extra = new TreeMap<>();

    public ChangesReport(Diff diff, String from, String to) {
        this.diff = diff;
        this.from = from;
        this.to = to;
    }

    /** Lists only these kinds of change (the summary still counts all). */
    public ChangesReport only(Set<Change.Op> ops) {
        this.only = ops.isEmpty() ? EnumSet.allOf(Change.Op.class) : EnumSet.copyOf(ops);
        return this;
    }

    public ChangesReport provenance(Map<Provenance.Key, Provenance> provenance) {
        this.provenance = provenance == null ? Map.of() : provenance;
        return this;
    }

    public ChangesReport sections(List<Section> sections) {
        this.sections = List.copyOf(sections);
        return this;
    }

    /**
     * Extra top-level keys for changes.json, contributed by other parts of the release (e.g. {@code sourceDrift}); written
     * in sorted place among the core keys. A core key or a key already given is refused.
     */
    public ChangesReport extra(Map<String, Object> more) {
        for (Map.Entry<String, Object> e : more.entrySet()) {
            if (CORE_KEYS.contains(e.getKey()) || extra.containsKey(e.getKey())) {
                throw new IllegalStateException("changes.json already has a key '" + e.getKey() + "'");
            }
            extra.put(e.getKey(), e.getValue());
        }
        return this;
    }

    private static final Set<String> CORE_KEYS = Set.of("changes", "from", "possibleRenames", "summary", "to");

    /** Writes the extra keys that sort before {@code key} (all remaining ones for null), keeping the file's keys sorted. */
    private void extraBefore(JsonGenerator g, ObjectMapper mapper, TreeMap<String, Object> pending, String key) throws IOException {
        while (!pending.isEmpty() && (key == null || pending.firstKey().compareTo(key) < 0)) {
            Map.Entry<String, Object> e = pending.pollFirstEntry();
            g.writeFieldName(e.getKey());
            mapper.writeValue(g, e.getValue());
        }
    }

    public Map<String, Long> summary() {
        Map<String, Long> m = new TreeMap<>();
        m.put("added", diff.added());
        m.put("removed", diff.removed());
        m.put("modified", diff.modified());
        m.put("unchanged", diff.unchanged());
        return m;
    }

    /** {@code changes.json}: keys sorted, changes sorted by id, stream left open. */
    public void writeJson(OutputStream out) throws IOException {
        ObjectMapper mapper = Json.mapper();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(mapper.getSerializationConfig().constructDefaultPrettyPrinter());
            g.writeStartObject();
            TreeMap<String, Object> pending = new TreeMap<>(extra);
            extraBefore(g, mapper, pending, "changes");
            g.writeArrayFieldStart("changes");
            for (Change c : diff.changes()) {
                if (only.contains(c.op())) writeChange(g, c);
            }
            g.writeEndArray();
            extraBefore(g, mapper, pending, "from");
            g.writeFieldName("from");
            if (from == null) g.writeNull();
            else g.writeString(from);
            extraBefore(g, mapper, pending, "possibleRenames");
            g.writeFieldName("possibleRenames");
            mapper.writeValue(g, renamesJson());
            extraBefore(g, mapper, pending, "summary");
            g.writeFieldName("summary");
            mapper.writeValue(g, summary());
            extraBefore(g, mapper, pending, "to");
            g.writeFieldName("to");
            if (to == null) g.writeNull();
            else g.writeString(to);
            extraBefore(g, mapper, pending, null);
            g.writeEndObject();
        }
        out.write('\n');
    }

    /**
     * One change, written straight to the generator (keys in sorted order, values through the mapper), without building
     * a sorted map per change and per field: {@code {"fields": [{"field", "new", "old", "provenance"?}], "id", "op",
     * "provenance"?}}.
     */
    private void writeChange(JsonGenerator g, Change c) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("fields");
        for (FieldChange f : c.fields()) {
            g.writeStartObject();
            g.writeStringField("field", f.field());
            g.writeFieldName("new");
            writeValue(g, f.newValue());
            g.writeFieldName("old");
            writeValue(g, f.oldValue());
            Provenance p = provenance.isEmpty() ? null : provenance.get(new Provenance.Key(c.id(), f.field()));
            if (p != null) {
                g.writeFieldName("provenance");
                g.writeObject(p.toJson());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("id", c.id());
        g.writeStringField("op", c.op().value());
        Provenance whole = provenance.isEmpty() ? null : provenance.get(Provenance.Key.record(c.id()));
        if (whole != null) {
            g.writeFieldName("provenance");
            g.writeObject(whole.toJson());
        }
        g.writeEndObject();
    }

    /**
     * A field value as the mapper writes it (the values are those of {@link Project#typed}: text, a list of texts, a
     * number or null), without a mapper call per value: each one flushes the stream, a system call per field.
     */
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof java.math.BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            g.writeStartArray();
            for (Object o : list) g.writeString((String) o);
            g.writeEndArray();
        } else {
            g.writeObject(v);
        }
    }

    private List<Map<String, Object>> renamesJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PossibleRename r : diff.possibleRenames()) {
            Map<String, Object> m = new TreeMap<>();
            m.put("removed", r.removed());
            m.put("added", r.added());
            m.put("reasons", r.reasons());
            m.put("sourcesOverlap", r.sourcesOverlap());
            out.add(m);
        }
        return out;
    }

    /** {@code CHANGES.md}: summary table, then added, removed, modified (field, old -> new), possible renames, extra sections. */
    public void writeMarkdown(Writer w) throws IOException {
        w.write("# Changes " + (from == null ? "in " + label(to) : label(from) + " → " + label(to)) + "\n\n");
        if (from == null) w.write("First release: every record is new.\n\n");
        w.write("| change | records |\n|---|---:|\n");
        for (String k : List.of("added", "removed", "modified", "unchanged")) w.write("| " + k + " | " + summary().get(k) + " |\n");
        for (Change.Op op : List.of(Change.Op.ADDED, Change.Op.REMOVED, Change.Op.MODIFIED)) {
            if (!only.contains(op)) continue;
            long n = diff.count(op);
            w.write("\n## " + title(op) + " (" + n + ")\n\n");
            if (n == 0) {
                w.write("None.\n");
                continue;
            }
            for (Change c : diff.changes()) {
                if (c.op() != op) continue;
                Project p = c.newRecord() != null ? c.newRecord() : c.oldRecord();
                Provenance whole = provenance.get(Provenance.Key.record(c.id()));
                String credit = whole == null ? "" : " (" + whole.credit() + ")";
                if (op != Change.Op.MODIFIED) {
                    w.write("- `" + c.id() + "` " + cell(p.name()) + credit + "\n");
                    continue;
                }
                w.write("### `" + c.id() + "` " + cell(p.name()) + credit + "\n\n| field | old | new |"
                        + (hasFieldProvenance(c) ? " credit |\n|---|---|---|---|\n" : "\n|---|---|---|\n"));
                for (FieldChange f : c.fields()) {
                    w.write("| " + f.field() + " | " + cell(f.oldValue()) + " | " + cell(f.newValue()) + " |");
                    if (hasFieldProvenance(c)) {
                        Provenance fp = provenance.get(new Provenance.Key(c.id(), f.field()));
                        w.write(" " + (fp == null ? "" : cell(fp.credit())) + " |");
                    }
                    w.write("\n");
                }
                w.write("\n");
            }
        }
        w.write("\n## Possible renames (" + diff.possibleRenames().size() + ")\n\n");
        if (diff.possibleRenames().isEmpty()) {
            w.write("None.\n");
        } else {
            w.write("Each is still one removal and one addition; a curator decides whether the project was renamed.\n\n"
                    + "| removed | added | matched on | sources overlap |\n|---|---|---|---:|\n");
            for (PossibleRename r : diff.possibleRenames()) {
                w.write("| `" + r.removed() + "` | `" + r.added() + "` | " + String.join(", ", r.reasons()) + " | "
                        + r.sourcesOverlap().toPlainString() + " |\n");
            }
        }
        for (Section s : sections) w.write("\n## " + cell(s.title()) + "\n\n" + s.markdown().strip() + "\n");
        w.flush();
    }

    private boolean hasFieldProvenance(Change c) {
        if (provenance.isEmpty()) return false;
        for (FieldChange f : c.fields()) if (provenance.containsKey(new Provenance.Key(c.id(), f.field()))) return true;
        return false;
    }

    private static String title(Change.Op op) {
        return switch (op) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case MODIFIED -> "Modified";
        };
    }

    private static String label(String s) {
        return s == null ? "(nothing)" : s;
    }

    /**
     * A side of the diff as GitHub annotations name it: the file (as given on the command line) and the line on which
     * each record of interest starts in it (a record without a line is annotated on the file).
     */
    public record Where(String file, Map<String, Integer> lines) {
    }

    /**
     * The diff as GitHub workflow annotations, one {@code ::notice} per listed change (an added or modified record on
     * its line in the new file, a removed one in the old file) and a {@code ::warning} per possible rename. Long values are cut to the part that changed ({@link ValueDiff}).
     */
    public void writeGithub(Writer w, Where oldSide, Where newSide) throws IOException {
        for (Change c : diff.changes()) {
            if (!only.contains(c.op())) continue;
            Where side = c.op() == Change.Op.REMOVED ? oldSide : newSide;
            String what = switch (c.op()) {
                case ADDED -> c.id() + " added";
                case REMOVED -> c.id() + " removed";
                case MODIFIED -> {
                    List<String> fields = new ArrayList<>();
                    for (FieldChange f : c.fields()) {
                        fields.add(f.field() + " " + ValueDiff.of(plain(f.oldValue()), plain(f.newValue())).describe());
                    }
                    yield c.id() + " modified: " + String.join("; ", fields);
                }
            };
            w.write(GithubAnnotations.annotation("notice", side.file(), side.lines().get(c.id()), c.op().value(), what) + "\n");
        }
        for (PossibleRename r : diff.possibleRenames()) {
            w.write(GithubAnnotations.annotation("warning", newSide.file(), newSide.lines().get(r.added()), "possible-rename",
                    r.removed() + " removed and " + r.added() + " added may be one project renamed (matched on "
                            + String.join(", ", r.reasons()) + ")") + "\n");
        }
        w.flush();
    }

    /** "2 added, 1 removed, 3 modified, 40 unchanged". */
    public String summaryLine() {
        Map<String, Long> s = summary();
        return s.get("added") + " added, " + s.get("removed") + " removed, " + s.get("modified") + " modified, "
                + s.get("unchanged") + " unchanged";
    }

    /** A value as text for a change preview; null (blank) stays null. */
    private static String plain(Object v) {
        return v == null ? null : text(v);
    }

    /** A value as one Markdown table cell: {@link #text}, pipes escaped, line breaks as spaces. */
    static String cell(Object v) {
        return text(v).replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** A published value as a reader sees it (CHANGES.md, pages): lists joined with "; ", numbers plain, none as an em dash. */
    public static String text(Object v) {
        if (v == null) return "—";
        return v instanceof List<?> l ? String.join("; ", l.stream().map(String::valueOf).toList())
                : v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
