package org.sovereignai.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sovereignai.check.internal.PatternAutomaton;

/**
 * A field's pattern from {@code fields.csv}, matched against whole values. The pattern in the contract is the only
 * definition: nothing here knows any pattern. A plain pattern runs as an automaton compiled from its text
 * ({@link PatternAutomaton}, which says why); any other runs as a regular expression with one reused
 * {@link Matcher}, so an instance serves one validation at a time (the checks are built per validation).
 */
final class ValuePattern {
    private final PatternAutomaton automaton;
    private final Matcher matcher;

    private ValuePattern(Pattern pattern) {
        this.automaton = pattern.flags() == 0 ? PatternAutomaton.compile(pattern.pattern()) : null;
        this.matcher = automaton == null ? pattern.matcher("") : null;
    }

    /** The pattern as a matcher, or null when the field has none. */
    static ValuePattern of(Pattern pattern) {
        return pattern == null ? null : new ValuePattern(pattern);
    }

    boolean matches(String v) {
        return automaton != null ? automaton.matches(v) : matcher.reset(v).matches();
    }
}
