package org.sovereignai.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.release.RecordIndex;

/**
 * Which records of a release to list: equality filters on layer, jurisdiction, root base family (as stats counts it)
 * and status, a text {@code q} matched case-insensitively in name, aliases and lead_org, at most {@code limit}
 * records after the record {@code after} (the previous page's {@code next}). Values are checked against the record
 * contract, so a typo is a refusal naming the parameter and what is allowed, not an empty page.
 */
public record ProjectQuery(String layer, String jurisdiction, String family, String status, String q, int limit, String after) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** Longer text than this is no name anyone searches for (and would make every record's check slower). */
    public static final int MAX_Q = 200;
    /** How many records a page reads to match {@code q} before it ends early (with a cursor to go on). */
    public static final int MAX_TEXT_READS = 20_000;
    /** A refusal lists at most this many allowed values (the jurisdictions are a few hundred). */
    static final int SHOWN_VALUES = 30;

    /** Every parameter the projects listing takes, in the order of {@link #canonical}. */
    public static final Set<String> PARAMETERS = Set.of("layer", "jurisdiction", "family", "status", "q", "limit", "next");

    /**
     * A query from request parameters (each null when absent).
     *
     * @throws Refusal (usage) naming the parameter and what it allows
     */
    public static ProjectQuery of(Schema schema, String layer, String jurisdiction, String family, String status, String q,
                                  String limit, String next) {
        if (layer != null && Layer.of(layer) == null) {
            throw Refusal.usage("parameter 'layer': '" + layer + "' is not a layer; allowed: " + layerValues());
        }
        requireValue(schema, "jurisdiction", Schema.JURISDICTION, jurisdiction);
        requireValue(schema, "status", RecordIndex.STATUS, status);
        if (family != null && !family.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw Refusal.usage("parameter 'family': '" + family + "' is not a family key (lower-case letters, digits, '.', '_', '-'; e.g. llama)");
        }
        if (q != null && q.length() > MAX_Q) throw Refusal.usage("parameter 'q': at most " + MAX_Q + " characters");
        if (next != null && !next.matches("[A-Za-z0-9._-]{1,200}")) {
            throw Refusal.usage("parameter 'next': '" + next + "' is not a cursor; use the 'next' value of the previous page");
        }
        int n = limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        return new ProjectQuery(layer, jurisdiction, family, status, text, n, next);
    }

    /**
     * A page size from the parameter {@code limit} ({@code fallback} when absent): every paged listing of the API
     * takes it in the same words.
     *
     * @throws Refusal (usage) unless it is a whole number from 1 to {@code max}
     */
    public static int limit(String raw, int fallback, int max) {
        if (raw == null) return fallback;
        int n;
        try {
            n = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > max) throw Refusal.usage("parameter 'limit': '" + raw + "' is not allowed; a whole number from 1 to " + max);
        return n;
    }

    /** Whether the record at {@code i} passes the equality filters (the text {@code q} needs the record: {@link #matchesText}). */
    boolean matchesFacets(RecordIndex index, int i) {
        return (layer == null || layer.equals(index.layer(i)))
                && (jurisdiction == null || jurisdiction.equals(index.jurisdiction(i)))
                && (status == null || status.equals(index.status(i)))
                && (family == null || index.hasFamily(i, family));
    }

    boolean matchesText(String name, Iterable<String> aliases, String leadOrg) {
        if (q == null) return true;
        if (contains(name) || contains(leadOrg)) return true;
        for (String a : aliases) if (contains(a)) return true;
        return false;
    }

    private boolean contains(String s) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }

    /** The query as sorted parameters (the part of an ETag and of the next page's link that says what was asked). */
    public Map<String, String> canonical() {
        Map<String, String> m = new LinkedHashMap<>();
        if (family != null) m.put("family", family);
        if (jurisdiction != null) m.put("jurisdiction", jurisdiction);
        if (layer != null) m.put("layer", layer);
        m.put("limit", Integer.toString(limit));
        if (after != null) m.put("next", after);
        if (q != null) m.put("q", q);
        if (status != null) m.put("status", status);
        return m;
    }

    private static void requireValue(Schema schema, String parameter, String field, String value) {
        if (value == null) return;
        FieldSpec spec = schema.require(field);
        if (spec.vocabulary() == null) return;
        Set<String> allowed = new TreeSet<>(schema.vocabulary(spec.vocabulary()).values());
        if (!allowed.contains(value)) {
            List<String> shown = allowed.stream().limit(SHOWN_VALUES).toList();
            String more = allowed.size() > shown.size() ? " and " + (allowed.size() - shown.size()) + " more (schemas/vocabularies/"
                    + spec.vocabulary() + ".csv)" : "";
            throw Refusal.usage("parameter '" + parameter + "': '" + value + "' is not allowed; allowed: " + String.join(", ", shown) + more);
        }
    }

    private static String layerValues() {
        StringBuilder sb = new StringBuilder();
        for (Layer l : Layer.values()) sb.append(sb.isEmpty() ? "" : ", ").append(l.value());
        return sb.toString();
    }
}
