package org.sovereignai.stats;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.sovereignai.io.Json;

/**
 * Every number of a stats.json, flattened to its key path ({@code [models, baseInstances, byFamily, qwen]}).
 * Deltas compare two of these, so a previous release's stats.json is enough (and keys added later simply read as 0).
 */
public final class Figures {
    /** Key names whose numbers are shares (fractions of a total) rather than counts. */
    static final Set<String> SHARE_KEYS = Set.of("byLayerShare", "shareByFamily", "shareByVendor",
            "shareByVendorCountry", "openInSomeFormShare", "acceleratorVendorShare");

    /** The order of the top-level sections when figures are listed for people. */
    private static final List<String> SECTION_ORDER = List.of("projects", "models", "compute");

    /** Sorts paths by section (projects, models, compute), then key by key. */
    static final Comparator<List<String>> PATH_ORDER = (a, b) -> {
        int c = Integer.compare(rank(a.get(0)), rank(b.get(0)));
        for (int i = 0; c == 0 && i < Math.min(a.size(), b.size()); i++) c = a.get(i).compareTo(b.get(i));
        return c != 0 ? c : Integer.compare(a.size(), b.size());
    };

    private final Map<List<String>, BigDecimal> values;

    private Figures(Map<List<String>, BigDecimal> values) {
        Map<List<String>, BigDecimal> sorted = new TreeMap<>(PATH_ORDER);
        sorted.putAll(values);
        this.values = Collections.unmodifiableMap(sorted);
    }

    public static Figures of(IndexStats stats) {
        return of(Json.mapper().valueToTree(stats.toJson()));
    }

    /** The figures of a stats.json text; fails with a plain message when the text is not a JSON object. */
    public static Figures parse(String json) {
        try {
            JsonNode root = Json.mapper().readTree(json);
            if (root == null || !root.isObject()) throw new IllegalArgumentException("stats.json must hold a JSON object");
            return of(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Figures read(Path statsJson) throws IOException {
        try {
            return parse(Files.readString(statsJson));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(statsJson + ": " + e.getMessage(), e);
        }
    }

    private static Figures of(JsonNode root) {
        Map<List<String>, BigDecimal> out = new TreeMap<>(PATH_ORDER);
        flatten(root, new ArrayList<>(), out);
        return new Figures(out);
    }

    private static void flatten(JsonNode node, List<String> path, Map<List<String>, BigDecimal> out) {
        if (node.isNumber() && !path.isEmpty()) {
            out.put(List.copyOf(path), node.decimalValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                // the command line's stats --format json carries formatVersion beside the figures: not a figure
                if (path.isEmpty() && e.getKey().equals("formatVersion")) continue;
                path.add(e.getKey());
                flatten(e.getValue(), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    private static int rank(String section) {
        int i = SECTION_ORDER.indexOf(section);
        return i < 0 ? SECTION_ORDER.size() : i;
    }

    /** Paths and values, in reading order. */
    public Map<List<String>, BigDecimal> values() {
        return values;
    }

    /** The value at the path, 0 when absent (a breakdown lists only what occurs). */
    public BigDecimal get(List<String> path) {
        return values.getOrDefault(path, BigDecimal.ZERO);
    }

    public BigDecimal get(String... path) {
        return get(List.of(path));
    }

    static boolean isShare(List<String> path) {
        for (String key : path) if (SHARE_KEYS.contains(key)) return true;
        return false;
    }
}
