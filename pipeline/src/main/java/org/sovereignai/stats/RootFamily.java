package org.sovereignai.stats;

/**
 * A base-model family at the root of a chain of bases: a family from {@code schemas/vocabularies/families.csv}, or a
 * project of the index that is used as a base and has no base of its own (e.g. a from-scratch sovereign model).
 *
 * @param key           the family value ({@code llama}) or the project's id
 * @param label         how people name it ({@code Llama}, or the project's name)
 * @param vendor        the vendor column of the vocabulary, or the project's lead organisation
 * @param vendorCountry ISO 3166-1 alpha-2 code (or {@code EU}) of the vendor; {@code unknown} when nobody says
 */
public record RootFamily(String key, String label, String vendor, String vendorCountry) {
}
