package org.sovereignai.curation;

import java.util.Locale;

/** What a proposed change does: add a new record, set one field of an existing record, or remove a record. */
public enum ChangeKind {
    ADD, SET, REMOVE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
