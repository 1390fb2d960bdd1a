package org.sovereignai.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A controlled list read from {@code schemas/vocabularies/NAME.csv}: the first column is the value,
 * the other columns are attributes of it (label, description, vendor, region, ...).
 */
public final class Vocabulary {
    private final String name;
    private final List<String> columns;
    private final Map<String, Map<String, String>> entries;

    public Vocabulary(String name, List<String> columns, Map<String, Map<String, String>> entries) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    /** Values in file order. */
    public Set<String> values() {
        return entries.keySet();
    }

    public boolean contains(String value) {
        return value != null && entries.containsKey(value);
    }

    /** An attribute of a value, e.g. {@code attribute("llama", "vendor")}; null when absent. */
    public String attribute(String value, String column) {
        Map<String, String> row = entries.get(value);
        return row == null ? null : row.get(column);
    }
}
