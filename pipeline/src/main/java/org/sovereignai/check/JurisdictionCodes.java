package org.sovereignai.check;

import java.util.Locale;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.RecordRow;

/**
 * A jurisdiction that is neither a code of the jurisdictions vocabulary (ISO 3166-1 alpha-2, EU) nor an ISO 3166-2
 * subdivision of one of its countries (BR-PI); a lower-case code gets the capitalised one suggested.
 */
final class JurisdictionCodes extends FieldRule {
    private final Vocabulary jurisdictions;

    JurisdictionCodes(Schema schema) {
        super(Stage.VALUE, FieldType.JURISDICTION);
        this.jurisdictions = schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY);
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (jurisdiction(v)) return true;
        String upper = v.toUpperCase(Locale.ROOT);
        String hint = jurisdiction(upper) ? " Did you mean '" + upper + "'?" : "";
        out.accept(Code.INVALID_JURISDICTION.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not a jurisdiction code."
                + " Use an ISO 3166-1 alpha-2 code in capitals (GB, FR, SG), EU, or an ISO 3166-2 subdivision"
                + " of a country (BR-PI)." + hint));
        return false;
    }

    private boolean jurisdiction(String v) {
        if (jurisdictions.contains(v)) return v.indexOf('-') < 0; // the vocabulary lists countries, not subdivisions
        int n = v.length();
        if (n < 4 || n > 6 || v.charAt(2) != '-') return false;
        String country = v.substring(0, 2);
        // EU is a union, not a country with ISO 3166-2 subdivisions
        if (!jurisdictions.contains(country) || country.equals("EU")) return false;
        for (int i = 3; i < n; i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
        }
        return true;
    }
}
