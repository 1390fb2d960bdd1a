package org.sovereignai.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drift between two checks of the same cited URLs (two runs, or two releases' sources.csv): which sources died and
 * which changed, per record, so a curator can recheck those records first. A URL only in the newer set is new,
 * not drift; one without a check on either side is unknown, not drift.
 */
public final class SourceDrift {
    private SourceDrift() {
    }

    /** What happened to one cited URL: {@code died} (dead now, not before) or {@code changed} (new fingerprint). */
    public record Entry(String id, String url, String kind, String before, String after) {
    }

    public static List<Entry> between(List<SourceRow> previous, List<SourceRow> current) {
        Map<String, SourceRow> before = new HashMap<>();
        for (SourceRow r : previous) before.put(r.id() + "\n" + r.url(), r);
        List<Entry> out = new ArrayList<>();
        for (SourceRow now : current) {
            SourceRow then = before.get(now.id() + "\n" + now.url());
            if (then == null || then.state() == null || now.state() == null) continue;
            if (now.state() == SourceState.DEAD) {
                if (then.state() != SourceState.DEAD) {
                    out.add(new Entry(now.id(), now.url(), "died", describe(then), describe(now)));
                }
            } else if (then.fingerprint() != null && now.fingerprint() != null
                    && !Objects.equals(then.fingerprint(), now.fingerprint())) {
                out.add(new Entry(now.id(), now.url(), "changed", then.fingerprint(), now.fingerprint()));
            }
        }
        out.sort(Comparator.comparing(Entry::id).thenComparing(Entry::url));
        return out;
    }

    /**
     * The drift as a Markdown section for CHANGES.md, grouped by record (ids sorted), so curators recheck those
     * records first; empty text when nothing drifted. changes.json can take the entries as they are
     * (fields id, url, kind, before, after).
     */
    public static String markdown(List<Entry> entries) {
        if (entries.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("## Sources to recheck\n\n");
        String id = null;
        for (Entry e : entries) {
            if (!e.id().equals(id)) {
                id = e.id();
                sb.append("- `").append(id).append("`\n");
            }
            sb.append("  - ").append(e.kind().equals("died") ? "died: " : "changed: ").append('<').append(e.url()).append('>');
            if (e.kind().equals("died")) sb.append(" (was ").append(e.before()).append(", now ").append(e.after()).append(')');
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String describe(SourceRow r) {
        return r.state().value() + (r.status() == null ? "" : " (HTTP " + r.status() + ")");
    }
}
