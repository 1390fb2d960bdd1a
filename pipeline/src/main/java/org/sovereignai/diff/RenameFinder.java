package org.sovereignai.diff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * Suggests renames: removed x added pairs whose name or an alias matches (case- and punctuation-insensitive), or whose
 * source URLs overlap strongly (Jaccard at least {@link #MIN_SOURCES_OVERLAP}). The added records are indexed by name key
 * and by URL, so the cost grows with the matches found, not with removed x added.
 */
public final class RenameFinder {
    public static final double MIN_SOURCES_OVERLAP = 0.5;
    /** A name or URL shared by more added records than this says nothing about any one of them (e.g. a portal's home page). */
    static final int MAX_POSTINGS = 50;

    public List<PossibleRename> find(List<Project> removed, List<Project> added) {
        if (removed.isEmpty() || added.isEmpty()) return List.of();
        Map<String, List<Integer>> byName = new HashMap<>();
        Map<String, List<Integer>> byUrl = new HashMap<>();
        List<Set<String>> addedUrls = new ArrayList<>(added.size());
        for (int i = 0; i < added.size(); i++) {
            Project a = added.get(i);
            for (String key : nameKeys(a)) byName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            Set<String> urls = urls(a);
            addedUrls.add(urls);
            for (String u : urls) byUrl.computeIfAbsent(u, k -> new ArrayList<>(1)).add(i);
        }
        List<PossibleRename> out = new ArrayList<>();
        for (Project r : removed) {
            Map<Integer, Integer> sharedUrls = new TreeMap<>();
            Set<String> rUrls = urls(r);
            for (String u : rUrls) {
                List<Integer> hits = byUrl.get(u);
                if (hits == null || hits.size() > MAX_POSTINGS) continue;
                for (int i : hits) sharedUrls.merge(i, 1, Integer::sum);
            }
            Set<Integer> nameHits = new HashSet<>();
            for (String key : nameKeys(r)) {
                List<Integer> hits = byName.get(key);
                if (hits != null && hits.size() <= MAX_POSTINGS) nameHits.addAll(hits);
            }
            Set<Integer> candidates = new java.util.TreeSet<>(sharedUrls.keySet());
            candidates.addAll(nameHits);
            for (int i : candidates) {
                int shared = sharedUrls.getOrDefault(i, 0);
                int union = rUrls.size() + addedUrls.get(i).size() - shared;
                double jaccard = union == 0 ? 0 : (double) shared / union;
                List<String> reasons = new ArrayList<>(2);
                if (nameHits.contains(i)) reasons.add("name");
                if (jaccard >= MIN_SOURCES_OVERLAP) reasons.add("sources");
                if (reasons.isEmpty()) continue;
                out.add(new PossibleRename(r.id(), added.get(i).id(), reasons,
                        BigDecimal.valueOf(jaccard).setScale(2, RoundingMode.HALF_EVEN)));
            }
        }
        out.sort(Comparator.comparing(PossibleRename::removed).thenComparing(PossibleRename::added));
        return out;
    }

    /** The record's name and aliases as match keys: NFKC, lower case, runs of anything but letters and digits as one space. */
    static Set<String> nameKeys(Project p) {
        Set<String> keys = new LinkedHashSet<>();
        String name = p.name();
        if (name != null) keys.add(nameKey(name));
        for (String alias : p.list(Schema.ALIASES)) keys.add(nameKey(alias));
        keys.remove("");
        return keys;
    }

    static String nameKey(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Source URLs compared without the scheme's case, a trailing slash or a fragment. */
    static Set<String> urls(Project p) {
        Set<String> out = new HashSet<>();
        for (String u : p.list(Schema.SOURCES)) {
            String v = u;
            int hash = v.indexOf('#');
            if (hash >= 0) v = v.substring(0, hash);
            v = v.toLowerCase(Locale.ROOT);
            if (v.startsWith("http://")) v = "https://" + v.substring(7);
            while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
            out.add(v);
        }
        return out;
    }
}
