package org.sovereignai.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Drift between two checks of the same cited URLs (two runs, or two releases' sources.csv): which sources died,
 * moved to another site, or changed, per record, so a curator can recheck those records first. A URL only in the
 * newer set is new, not drift; one without a check on either side is unknown, not drift; a source that came back
 * (dead before, fine now) is not drift either.
 */
public final class SourceDrift {
    /** The CHANGES.md section title. */
    public static final String TITLE = "Sources to recheck";
    public static final String DIED = "died";
    public static final String REDIRECTED = "redirected";
    public static final String CHANGED = "changed";

    private SourceDrift() {
    }

    /**
     * What happened to one cited URL: {@code died} (dead now, not before), {@code redirected} (now ends on another
     * site, and did not before or ended elsewhere) or {@code changed} (new main-text fingerprint).
     *
     * @param then the URL's row in the older set
     * @param now  the URL's row in the newer set
     */
    public record Entry(String id, String url, String kind, SourceRow then, SourceRow now) {
        /** The older side for people: state and HTTP status, or the fingerprint for {@code changed}. */
        public String before() {
            return kind.equals(CHANGED) ? then.fingerprint() : describe(then);
        }

        /** The newer side for people. */
        public String after() {
            return kind.equals(CHANGED) ? now.fingerprint() : describe(now);
        }

        /**
         * The entry for {@code changes.json}: id, url, kind, and {@code old}/{@code new} with state, status, final_url,
         * fingerprint and checked_at (blank values left out).
         */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new TreeMap<>();
            m.put("id", id);
            m.put("url", url);
            m.put("kind", kind);
            m.put("old", side(then));
            m.put("new", side(now));
            return m;
        }

        private static Map<String, Object> side(SourceRow r) {
            Map<String, Object> m = new TreeMap<>();
            if (r.state() != null) m.put("state", r.state().value());
            if (r.status() != null) m.put("status", r.status());
            if (r.finalUrl() != null) m.put("final_url", r.finalUrl());
            if (r.fingerprint() != null) m.put("fingerprint", r.fingerprint());
            if (r.checkedAt() != null) m.put("checked_at", r.checkedAt());
            return m;
        }
    }

    public static List<Entry> between(List<SourceRow> previous, List<SourceRow> current) {
        Map<String, SourceRow> before = new HashMap<>();
        for (SourceRow r : previous) before.put(r.id() + "\n" + r.url(), r);
        List<Entry> out = new ArrayList<>();
        for (SourceRow now : current) {
            SourceRow then = before.get(now.id() + "\n" + now.url());
            if (then == null || then.state() == null || now.state() == null) continue;
            if (now.state() == SourceState.DEAD) {
                if (then.state() != SourceState.DEAD) out.add(new Entry(now.id(), now.url(), DIED, then, now));
            } else if (now.state() == SourceState.REDIRECTED && (then.state() != SourceState.REDIRECTED
                    || !Objects.equals(then.finalUrl(), now.finalUrl()))) {
                out.add(new Entry(now.id(), now.url(), REDIRECTED, then, now));
            } else if (then.fingerprint() != null && now.fingerprint() != null
                    && !Objects.equals(then.fingerprint(), now.fingerprint())) {
                out.add(new Entry(now.id(), now.url(), CHANGED, then, now));
            }
        }
        out.sort(Comparator.comparing(Entry::id).thenComparing(Entry::url));
        return out;
    }

    /** The drift as a CHANGES.md section with its heading ({@link #TITLE}); empty text when nothing drifted. */
    public static String markdown(List<Entry> entries) {
        if (entries.isEmpty()) return "";
        return "## " + TITLE + "\n\n" + markdownBody(entries);
    }

    /**
     * The section's body: one line per record (ids sorted), one line per drifted source below it, so curators
     * recheck those records first. changes.json takes the entries as {@link Entry#toJson()}.
     */
    public static String markdownBody(List<Entry> entries) {
        StringBuilder sb = new StringBuilder();
        String id = null;
        for (Entry e : entries) {
            if (!e.id().equals(id)) {
                id = e.id();
                sb.append("- `").append(id).append("`\n");
            }
            sb.append("  - ").append(e.kind()).append(": <").append(e.url()).append('>');
            switch (e.kind()) {
                case DIED -> sb.append(" (was ").append(e.before()).append(", now ").append(e.after()).append(')');
                case REDIRECTED -> sb.append(" (was ").append(e.before()).append(", now ends on <")
                        .append(e.now().finalUrl()).append(">)");
                default -> sb.append(" (main text differs from the earlier check)");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String describe(SourceRow r) {
        return r.state().value() + (r.status() == null ? "" : " (HTTP " + r.status() + ")");
    }
}
