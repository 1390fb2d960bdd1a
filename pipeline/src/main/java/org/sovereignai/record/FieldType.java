package org.sovereignai.record;

/** What kind of value a field holds; each type has one parsing rule in the validator and one JSON Schema rendering. */
public enum FieldType {
    /** A stable slug. */
    ID,
    /** Free text. */
    TEXT,
    /** A value from the field's vocabulary. */
    ENUM,
    /** ISO 3166-1 alpha-2 from the jurisdictions vocabulary, or an ISO 3166-2 subdivision of one. */
    JURISDICTION,
    /** YYYY-Qn, YYYY-MM or YYYY-MM-DD. */
    DATE,
    /** A decimal number. */
    NUMBER,
    /** A whole number. */
    INTEGER,
    /** An absolute http(s) URL. */
    URL,
    /** family or family:variant, the family from the vocabulary or another models record's id. */
    BASE_MODEL,
    /** An SPDX id or free text. */
    LICENSE,
    /** An ISO 639-1 or 639-3 code. */
    LANGUAGE;

    /** Numbers are written as JSON numbers in releases; everything else as strings. */
    public boolean numeric() {
        return this == NUMBER || this == INTEGER;
    }
}
