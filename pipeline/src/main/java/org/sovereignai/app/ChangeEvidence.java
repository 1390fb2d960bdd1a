package org.sovereignai.app;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sovereignai.curation.ChangeKind;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.Schema;
import org.sovereignai.sources.Mentions;
import org.sovereignai.sources.SourceCheck;
import org.sovereignai.sources.SourceStore;

/**
 * The evidence beside a proposed change, for the reviewer: each source its record cites, with what the newest stored
 * check found (title, state) and whether the page's text mentions the new value. Mentions are judged as the release's
 * evidence check judges them (base-model families and licences by their known names, {@link Mentions}); any other
 * value by its text, case-insensitively. Read from the stored checks only: reviewing fetches nothing.
 */
public final class ChangeEvidence {
    /**
     * @param mentions whether the page's text mentions the new value: null when nothing readable is stored for it (never
     *                 fetched, a PDF, a failed fetch) or the change sets no value to look for
     */
    public record Source(String url, String title, String state, String checkedAt, Boolean mentions) {
    }

    private final SourceStore store;
    private final Mentions mentions;
    /**
     * What is stored for each URL already looked up: the changes of one record cite the same sources, and a queue
     * shows them together, so each URL is read once per instance (one per page), not once per change.
     */
    private final Map<String, Stored> seen = new java.util.HashMap<>();
    private Long run;

    private record Stored(SourceCheck check, String text) {
    }

    public ChangeEvidence(Curation curation) {
        this.store = new SourceStore(curation.dataSource());
        this.mentions = new Mentions(curation.schema());
    }

    public List<Source> of(ProposedChange change) {
        Set<String> urls = new LinkedHashSet<>();
        if (change.sources() != null) {
            for (String u : change.sources().split(";")) if (!u.isBlank()) urls.add(u.strip());
        }
        if (urls.isEmpty()) return List.of();
        try {
            if (run == null) run = store.latestRun().orElse(0);
            List<String> unread = urls.stream().filter(u -> !seen.containsKey(u)).toList();
            Map<String, String> texts = unread.isEmpty() ? Map.of() : store.texts(unread);
            for (String url : unread) seen.put(url, new Stored(run == 0 ? null : store.check(url, run), texts.get(url)));
            List<Source> out = new ArrayList<>(urls.size());
            for (String url : urls) {
                Stored st = seen.get(url);
                SourceCheck k = st.check();
                out.add(new Source(url, k == null ? null : k.title(), k == null || k.state() == null ? "not checked yet" : k.state().value(),
                        k == null ? null : k.checkedAt(), st.text() == null ? null : mentions(change, st.text())));
            }
            return out;
        } catch (SQLException e) {
            throw Refusal.usage("the stored source checks could not be read: " + e.getMessage());
        }
    }

    /** Whether {@code text} mentions what the change sets; null when it sets nothing to look for. */
    private Boolean mentions(ProposedChange change, String text) {
        if (change.kind() != ChangeKind.SET || change.newValue() == null || change.newValue().isBlank()) return null;
        String value = change.newValue();
        if (Schema.BASE_MODELS.equals(change.field())) {
            for (String entry : org.sovereignai.record.Text.splitCanonical(value)) {
                String family = BaseModelRef.parse(entry).family();
                if (mentions.knowsFamily(family) && !mentions.mentionsFamily(text, family)) return false;
            }
            return true;
        }
        if (Schema.LICENSE.equals(change.field())) return mentions.mentionsLicense(text, value);
        return text.toLowerCase(Locale.ROOT).contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
