package org.sovereignai.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.BrowseReleases.ReleaseSummary;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/**
 * The Atom feed (RFC 4287) of the releases, newest first: one entry per release with its counts, changes and the
 * figures that moved, linking its change report. Written by ROME, which escapes every value. Dates are the releases' own (no clock), so
 * the same releases give the same feed.
 */
final class AtomFeed {
    private AtomFeed() {
    }

    /** @param base the server's public address, e.g. {@code http://127.0.0.1:8080} (Atom ids and links are absolute) */
    /** One release and the figures that moved with it. */
    record Item(ReleaseSummary release, List<BrowseReleases.FigureChange> figures) {
    }

    /** At most this many moved figures are named in an entry; the change report has them all. */
    static final int FIGURES_SHOWN = 12;

    static String render(List<Item> releases, String base) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + "/feed.atom");
        feed.setTitle("Sovereign AI Index releases");
        feed.setAlternateLinks(List.of(link(base + Links.BASE + "/releases", "alternate", "application/json")));
        feed.setOtherLinks(List.of(link(base + "/feed.atom", "self", "application/atom+xml")));
        feed.setUpdated(releases.isEmpty() ? new Date(0) : date(releases.get(releases.size() - 1).release().date()));
        List<Entry> entries = new ArrayList<>();
        for (int i = releases.size() - 1; i >= 0; i--) entries.add(entry(releases.get(i), base));
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
    }

    private static Entry entry(Item item, String base) {
        ReleaseSummary r = item.release();
        Entry e = new Entry();
        e.setId(base + Links.release(r.id()));
        e.setTitle("Release " + r.id() + " (dataset " + r.version() + ")");
        Date d = date(r.date());
        e.setUpdated(d);
        e.setPublished(d);
        e.setAlternateLinks(List.of(link(base + Links.file(r.id(), "CHANGES.md"), "alternate", "text/markdown")));
        e.setOtherLinks(List.of(link(base + Links.release(r.id()), "related", "application/json")));
        Content summary = new Content();
        summary.setType("text");
        summary.setValue(summaryText(r) + figuresText(item.figures()));
        e.setSummary(summary);
        return e;
    }

    /** "60 projects (compute 9, data 7, models 44); changes since 2025-Q4: 3 added, 1 modified, 0 removed." */
    static String summaryText(ReleaseSummary r) {
        Map<String, Long> counts = new TreeMap<>(r.counts());
        Long total = counts.remove("total");
        StringBuilder sb = new StringBuilder();
        sb.append(total == null ? "?" : total.toString()).append(" projects (");
        boolean first = true;
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            sb.append(first ? "" : ", ").append(c.getKey()).append(' ').append(c.getValue());
            first = false;
        }
        sb.append("); changes ").append(r.previous() == null ? "(first release)" : "since " + r.previous()).append(": ");
        sb.append(r.changes().getOrDefault("added", 0L)).append(" added, ")
                .append(r.changes().getOrDefault("modified", 0L)).append(" modified, ")
                .append(r.changes().getOrDefault("removed", 0L)).append(" removed.");
        return sb.toString();
    }

    /** " Figures: Projects 60 -> 61 (+1); ..." (the first few; the change report lists every one). */
    static String figuresText(List<BrowseReleases.FigureChange> figures) {
        if (figures.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" Figures: ");
        for (int i = 0; i < Math.min(FIGURES_SHOWN, figures.size()); i++) {
            sb.append(i == 0 ? "" : "; ").append(figures.get(i).label()).append(' ').append(figures.get(i).movement());
        }
        if (figures.size() > FIGURES_SHOWN) sb.append("; and ").append(figures.size() - FIGURES_SHOWN).append(" more in the change report");
        return sb.append('.').toString();
    }

    private static Link link(String href, String rel, String type) {
        Link l = new Link();
        l.setHref(href);
        l.setRel(rel);
        l.setType(type);
        return l;
    }

    private static Date date(String isoDate) {
        try {
            return Date.from(LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (RuntimeException e) {
            return new Date(0);
        }
    }
}
