package org.sovereignai.record;

import java.util.Locale;

/** The index's three stack layers; every project belongs to exactly one. */
public enum Layer {
    COMPUTE, MODELS, DATA;

    private static final Layer[] ALL = values();

    // computed once: of() runs on every row of a sheet
    private final String value = name().toLowerCase(Locale.ROOT);

    /** The value as written in sheets and releases. */
    public String value() {
        return value;
    }

    /** The layer written as {@code value}, or null when it names none. */
    public static Layer of(String value) {
        if (value == null) return null;
        for (Layer l : ALL) if (l.value.equals(value)) return l;
        return null;
    }
}
