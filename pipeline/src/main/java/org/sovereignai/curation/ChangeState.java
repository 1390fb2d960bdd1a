package org.sovereignai.curation;

import java.util.Locale;

/** Where a proposed change stands in review. */
public enum ChangeState {
    PENDING, APPROVED, REJECTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeState of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
