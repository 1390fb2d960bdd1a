package org.sovereignai.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field's pattern from {@code fields.csv}, matched against whole values with one reused {@link Matcher}, so a
 * match allocates nothing. The pattern in the contract is the only definition: nothing here knows any pattern. An
 * instance serves one validation at a time (the checks are built per validation).
 */
final class ValuePattern {
    private final Matcher matcher;

    private ValuePattern(Pattern pattern) {
        this.matcher = pattern.matcher("");
    }

    /** The pattern as a matcher, or null when the field has none. */
    static ValuePattern of(Pattern pattern) {
        return pattern == null ? null : new ValuePattern(pattern);
    }

    boolean matches(String v) {
        return matcher.reset(v).matches();
    }
}
