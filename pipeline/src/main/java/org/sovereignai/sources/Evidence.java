package org.sovereignai.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sovereignai.check.Finding;
import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.Position;

/**
 * Does at least one cited source back the record's claims? Checked: each base-model family in {@code base_models}
 * (families of the vocabulary; ids of other records are not names a page would use, so they are skipped), and the
 * {@code license} of an openly released model. A claim that no cited source mentions is the warning
 * {@value #CODE}, naming the field and the sources checked. Only pages with text count: PDFs and pages
 * that could not be fetched cannot corroborate anything, and the message says so.
 */
public final class Evidence {
    public static final String CODE = "uncorroborated-claim";
    /** release_status values whose licence must be corroborated. */
    static final Set<String> OPEN_RELEASES = Set.of("open_permissive", "open_restricted");

    private final Schema schema;
    private final Mentions mentions;

    public Evidence(Schema schema) {
        this.schema = schema;
        this.mentions = new Mentions(schema);
    }

    public Mentions mentions() {
        return mentions;
    }

    /**
     * @param texts  evidence text per URL (absent: no readable page)
     * @param states what the latest check said per URL, for the message (may be empty)
     * @param where  the position of a field's cell in the curator's sheet
     */
    public List<Finding> check(Project p, Map<String, String> texts, Map<String, String> states,
                               Function<FieldSpec, Position> where) {
        List<Finding> out = new ArrayList<>();
        List<String> urls = p.list(Schema.SOURCES);
        if (urls.isEmpty()) return out;
        FieldSpec baseModels = schema.field(Schema.BASE_MODELS);
        if (baseModels != null) {
            for (String entry : p.list(baseModels)) {
                String family = BaseModelRef.parse(entry).family();
                if (!mentions.knowsFamily(family)) continue;
                if (!anySource(urls, texts, text -> mentions.mentionsFamily(text, family))) {
                    out.add(Finding.warning(CODE, where.apply(baseModels), p.id(), entry,
                            "base_models claims '" + entry + "' but no cited source mentions the " + family + " family (looked for "
                                    + String.join(", ", mentions.namesOf(family)) + "); sources checked: " + checked(urls, texts, states)));
                }
            }
        }
        FieldSpec license = schema.field(Schema.LICENSE);
        String releaseStatus = p.schema().field(Schema.RELEASE_STATUS) == null ? null : p.get(Schema.RELEASE_STATUS);
        if (license != null && releaseStatus != null && OPEN_RELEASES.contains(releaseStatus) && p.get(license) != null) {
            String value = p.get(license);
            if (!anySource(urls, texts, text -> mentions.mentionsLicense(text, value))) {
                out.add(Finding.warning(CODE, where.apply(license), p.id(), value,
                        "license claims '" + value + "' for a " + releaseStatus + " release but no cited source mentions it (looked for "
                                + String.join(", ", mentions.namesOfLicense(value)) + "); sources checked: " + checked(urls, texts, states)));
            }
        }
        return out;
    }

    private static boolean anySource(List<String> urls, Map<String, String> texts, java.util.function.Predicate<String> mentions) {
        for (String url : urls) if (mentions.test(texts.get(url))) return true;
        return false;
    }

    private static String checked(List<String> urls, Map<String, String> texts, Map<String, String> states) {
        List<String> parts = new ArrayList<>();
        for (String url : urls) {
            String state = states.get(url);
            if (texts.containsKey(url)) parts.add(url + (state == null ? "" : " (" + state + ")"));
            else parts.add(url + " (no readable text" + (state == null ? "" : ": " + state) + ")");
        }
        return String.join(", ", parts);
    }
}
