package org.sovereignai.stats;

import org.sovereignai.record.Vocabulary;

/** Jurisdiction codes as the figures count them: a subdivision counts as its country, and a country has a region. */
final class Jurisdictions {
    /** The key under which blank or unrecognised values are counted, so that every breakdown sums to its total. */
    static final String UNKNOWN = "unknown";

    private final Vocabulary vocabulary;

    Jurisdictions(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** {@code BR-PI} -> {@code BR}; {@code EU} stays {@code EU}; null for blank. */
    static String country(String code) {
        if (code == null || code.isBlank()) return null;
        int dash = code.indexOf('-');
        return (dash < 0 ? code : code.substring(0, dash)).strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The region of the jurisdiction's country from the vocabulary's region column, or {@link #UNKNOWN}. */
    String region(String code) {
        String region = vocabulary.attribute(country(code), "region");
        return region == null || region.isBlank() ? UNKNOWN : region;
    }

    /** The country's name from the vocabulary, or the code itself. */
    String name(String country) {
        String name = vocabulary.attribute(country, "name");
        return name == null ? country : name;
    }
}
