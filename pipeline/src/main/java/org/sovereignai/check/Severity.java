package org.sovereignai.check;

import java.util.Locale;

/** Errors block a release; warnings are shown but allowed. */
public enum Severity {
    ERROR, WARNING;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
