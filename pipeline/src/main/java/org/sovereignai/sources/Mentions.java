package org.sovereignai.sources;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Finds base-model families and licences named in a page's text, using the vocabularies: a family is mentioned
 * when its value, label or one of its {@code mentions} (families.csv) appears as a word, case-insensitively
 * ("Llama 3.1", "Meta-Llama", "llama3" all name llama; "Delphi" does not name phi). A licence is mentioned when its
 * SPDX id, its name (permissive_licenses.csv) or the free text of the record's licence appears, compared without
 * case, punctuation or the words "license", "licence" and "version" ("Apache License, Version 2.0" = "Apache-2.0").
 */
public final class Mentions {
    private static final Pattern LICENSE_NOISE = Pattern.compile("\\b(?:licen[cs]e[sd]?|version)\\b|\\bv(?=\\d)");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9.]+|\\.(?![0-9])");

    private final Map<String, Pattern> families = new LinkedHashMap<>();
    private final Map<String, List<String>> familyNames = new LinkedHashMap<>();
    private final Vocabulary licenses;

    public Mentions(Schema schema) {
        Vocabulary fam = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        for (String family : fam.values()) {
            Set<String> names = new LinkedHashSet<>();
            names.add(family);
            String label = fam.attribute(family, "label");
            if (label != null && !label.isBlank()) names.add(label.strip());
            String mentions = fam.attribute(family, "mentions");
            if (mentions != null) for (String m : mentions.split("\\|")) if (!m.isBlank()) names.add(m.strip());
            Map<String, String> distinct = new LinkedHashMap<>();
            for (String n : names) distinct.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            List<String> alternatives = new ArrayList<>();
            for (String n : distinct.values()) alternatives.add(Pattern.quote(n));
            // a letter or digit may not come before the name, a letter may not follow it (digits may: "Qwen2", "Llama3")
            families.put(family, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?!\\p{L})",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            familyNames.put(family, List.copyOf(distinct.values()));
        }
        this.licenses = schema.vocabulary(Schema.PERMISSIVE_LICENSES_VOCABULARY);
    }

    /** The names looked for when checking a family (for messages). */
    public List<String> namesOf(String family) {
        return familyNames.getOrDefault(family, List.of());
    }

    public boolean knowsFamily(String family) {
        return families.containsKey(family);
    }

    public boolean mentionsFamily(String text, String family) {
        Pattern p = families.get(family);
        return p != null && text != null && p.matcher(text).find();
    }

    /** Families named in the text, with the first wording found for each, in vocabulary order. */
    public Map<String, String> familiesIn(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null) return out;
        for (Map.Entry<String, Pattern> e : families.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find()) out.put(e.getKey(), m.group());
        }
        return out;
    }

    /** The wordings that count as naming a licence value (an SPDX id from the vocabulary, or free text). */
    public List<String> namesOfLicense(String license) {
        Set<String> names = new LinkedHashSet<>();
        names.add(license.strip());
        String name = licenses.attribute(license.strip(), "name");
        if (name != null && !name.isBlank()) names.add(name.strip());
        return List.copyOf(names);
    }

    public boolean mentionsLicense(String text, String license) {
        if (text == null || license == null) return false;
        String hay = " " + licenseKey(text) + " ";
        for (String n : namesOfLicense(license)) {
            String needle = licenseKey(n);
            if (!needle.isEmpty() && hay.contains(" " + needle + " ")) return true;
        }
        return false;
    }

    /** Vocabulary licences named in the text, in vocabulary order. */
    public List<String> licensesIn(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String spdx : licenses.values()) if (mentionsLicense(text, spdx)) out.add(spdx);
        return out;
    }

    static String licenseKey(String s) {
        String lower = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String quiet = LICENSE_NOISE.matcher(lower).replaceAll(" ");
        return NON_WORD.matcher(quiet).replaceAll(" ").strip().replaceAll(" +", " ");
    }
}
