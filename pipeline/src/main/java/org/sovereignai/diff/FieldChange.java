package org.sovereignai.diff;

/**
 * One field of a change: its value before and after, typed for publishing ({@link org.sovereignai.record.Project#typed}:
 * a list for multi-valued fields, a number for numbers, text otherwise; null where blank).
 */
public record FieldChange(String field, Object oldValue, Object newValue) {
}
