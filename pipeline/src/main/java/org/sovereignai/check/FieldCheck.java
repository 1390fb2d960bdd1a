package org.sovereignai.check;

import java.util.List;
import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.PartialDate;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.RecordRow;

/**
 * The field rules of one record, driven by {@link FieldSpec}: required (for its layers), blank outside its layers,
 * type, vocabulary, pattern, minimum, maximum length, and the formula-injection warning for free text.
 * <p>
 * This runs once per row, so it is written to allocate nothing for a valid row: patterns run as loops or with one
 * reused matcher per field ({@link ValuePattern}; an instance serves one validation at a time), numbers and
 * jurisdictions are checked with plain loops, and multi-valued cells without a separator are checked without splitting.
 */
final class FieldCheck {
    private final FieldSpec[] fields;
    private final ValuePattern[] patterns;
    private final Vocabulary[] vocabularies;
    private final Vocabulary jurisdictions;
    private final FieldSpec layerField;
    private final int maxCellChars;
    /** applies[field][layer]: FieldSpec.appliesTo, looked up without hashing on every cell. */
    private final boolean[][] applies;
    private final boolean[] common;

    FieldCheck(Schema schema, int maxCellChars) {
        List<FieldSpec> list = schema.fields();
        this.fields = list.toArray(new FieldSpec[0]);
        this.patterns = new ValuePattern[fields.length];
        this.vocabularies = new Vocabulary[fields.length];
        for (FieldSpec f : fields) {
            patterns[f.index()] = ValuePattern.of(f.pattern());
            if (f.vocabulary() != null) vocabularies[f.index()] = schema.vocabulary(f.vocabulary());
        }
        this.jurisdictions = schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY);
        this.layerField = schema.require(Schema.LAYER);
        this.maxCellChars = maxCellChars;
        this.applies = new boolean[fields.length][Layer.values().length];
        this.common = new boolean[fields.length];
        for (FieldSpec f : fields) {
            for (Layer l : Layer.values()) applies[f.index()][l.ordinal()] = f.appliesTo(l);
            common[f.index()] = f.common();
        }
    }

    /** Checks every field of the row; returns the record's layer, or null when it is blank or unknown. */
    Layer check(RecordRow rr, Consumer<Finding> out) {
        Project p = rr.project();
        Layer layer = Layer.of(p.get(layerField));
        for (FieldSpec f : fields) {
            String v = p.get(f);
            if (v == null) {
                if (!f.required()) continue;
                // a common field's missing column is reported once, by HeaderCheck, not on every row
                if (common[f.index()] ? rr.columns().columnOf(f) >= 0 : layer != null && applies[f.index()][layer.ordinal()]) {
                    missing(rr, f, out);
                }
                continue;
            }
            if (layer != null && !applies[f.index()][layer.ordinal()]) {
                out.accept(Code.NOT_FOR_LAYER.at(at(rr, f), p.id(), v, f.name() + " belongs to " + layersOf(f)
                        + " records only; this is a " + layer.value() + " record, so leave it blank."));
                continue;
            }
            if (v.length() > maxCellChars) {
                out.accept(Code.CELL_TOO_LONG.at(at(rr, f), p.id(), v, "the cell holds " + v.length()
                        + " characters, more than the " + maxCellChars + " a cell may hold; it was not checked further."));
                continue;
            }
            if (f.multi() && v.indexOf(Text.SEPARATOR) >= 0) {
                for (String part : Text.splitCanonical(v)) checkValue(rr, f, part, out);
            } else {
                checkValue(rr, f, v, out);
            }
        }
        return layer;
    }

    private void checkValue(RecordRow rr, FieldSpec f, String v, Consumer<Finding> out) {
        if (f.maxLength() > 0 && v.length() > f.maxLength() && v.codePointCount(0, v.length()) > f.maxLength()) {
            out.accept(Code.TOO_LONG.at(at(rr, f), rr.project().id(), v, "the value has " + v.codePointCount(0, v.length())
                    + " characters; " + f.name() + " allows at most " + f.maxLength() + "."));
            return;
        }
        ValuePattern pattern = patterns[f.index()];
        if (pattern != null && !pattern.matches(v)) {
            out.accept(patternCode(f).at(at(rr, f), rr.project().id(), v, patternMessage(f, v)));
            return;
        }
        switch (f.type()) {
            case ENUM -> {
                Vocabulary vocab = vocabularies[f.index()];
                if (!vocab.contains(v)) {
                    out.accept(Code.INVALID_ENUM.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not allowed in " + f.name()
                            + ". Allowed: " + String.join(", ", vocab.values()) + "." + Suggest.didYouMean(v, vocab.values())));
                }
            }
            case JURISDICTION -> {
                if (!jurisdiction(v)) {
                    String upper = v.toUpperCase(java.util.Locale.ROOT);
                    String hint = jurisdiction(upper) ? " Did you mean '" + upper + "'?" : "";
                    out.accept(Code.INVALID_JURISDICTION.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not a jurisdiction code."
                            + " Use an ISO 3166-1 alpha-2 code in capitals (GB, FR, SG), EU, or an ISO 3166-2 subdivision"
                            + " of a country (BR-PI)." + hint));
                }
            }
            case DATE -> {
                if (PartialDate.parse(v) == null) {
                    out.accept(Code.INVALID_DATE.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not a date in a form " + f.name()
                            + " accepts: write YYYY-Qn (2025-Q3), YYYY-MM (2025-09) or YYYY-MM-DD (2025-09-02), and a date that exists."));
                }
            }
            case NUMBER, INTEGER -> number(rr, f, v, out);
            case URL -> {
                if (!Urls.valid(v)) {
                    out.accept(Code.INVALID_URL.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not an absolute web address."
                            + " Write it in full starting with https:// (or http://), with a host name and no spaces."
                            + " Separate several URLs with ';'; a URL that itself contains ';' must write it as %3B."));
                }
            }
            case TEXT, LICENSE -> formulaInjection(rr, f, v, out);
            default -> {
                // ID, BASE_MODEL, LANGUAGE: their pattern (above) is the whole rule; base families are resolved by SetCheck.
            }
        }
    }

    private boolean jurisdiction(String v) {
        if (jurisdictions.contains(v)) return !isSubdivision(v);
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

    private static boolean isSubdivision(String v) {
        return v.indexOf('-') >= 0;
    }

    private void number(RecordRow rr, FieldSpec f, String v, Consumer<Finding> out) {
        boolean integer = f.type() == FieldType.INTEGER;
        int form = Numbers.form(v, integer);
        if (form != Numbers.OK) {
            String example = integer ? "5448" : "52000000 or 2.5";
            String message = "'" + v + "' is not " + (integer ? "a whole number" : "a plain number") + ": " + f.name() + " takes "
                    + (integer ? "digits only" : "digits with at most one decimal point") + ", e.g. " + example + ".";
            if (form == Numbers.GROUPED) message += " Write " + v.replace(",", "").replace(" ", "").replace("'", "").replace("_", "")
                    + ", not " + v + ": no thousands separators.";
            else message += " No currency signs, units, words or exponents.";
            out.accept((integer ? Code.INVALID_INTEGER : Code.INVALID_NUMBER).at(at(rr, f), rr.project().id(), v, message));
            return;
        }
        if (f.minimum() != null && Numbers.below(v, f.minimum())) {
            out.accept(Code.BELOW_MINIMUM.at(at(rr, f), rr.project().id(), v, v + " is below the minimum of "
                    + Numbers.plain(f.minimum()) + " for " + f.name() + "."));
        }
    }

    /** Free text that a spreadsheet could take for a formula when the published CSV is opened. */
    private static void formulaInjection(RecordRow rr, FieldSpec f, String v, Consumer<Finding> out) {
        char c = v.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@') {
            out.accept(Code.FORMULA_INJECTION.at(at(rr, f), rr.project().id(), v, f.name() + " starts with '" + c
                    + "', which Excel and other spreadsheets may run as a formula when the published data is opened."
                    + " Reword it so it starts with a letter or digit."));
        }
    }

    private static void missing(RecordRow rr, FieldSpec f, Consumer<Finding> out) {
        String forWhom = f.common() ? "" : " for " + layersOf(f) + " records";
        out.accept(Code.MISSING_VALUE.at(at(rr, f), rr.project().id(), null,
                f.name() + " is required" + forWhom + " (" + f.description() + "), e.g. " + f.example() + "."));
    }

    private static Code patternCode(FieldSpec f) {
        return switch (f.type()) {
            case ID -> Code.INVALID_ID;
            case BASE_MODEL -> Code.INVALID_BASE_MODEL;
            case LANGUAGE -> Code.INVALID_LANGUAGE;
            default -> Code.PATTERN_MISMATCH;
        };
    }

    private static String patternMessage(FieldSpec f, String v) {
        return switch (f.type()) {
            case ID -> "'" + v + "' is not a valid id: use lower-case letters a-z, digits and single hyphens between them,"
                    + " at most " + f.maxLength() + " characters, e.g. " + f.example() + ".";
            case BASE_MODEL -> "'" + v + "' is not written as family or family:variant: a lower-case family such as llama"
                    + " (or the id of another models record), optionally ':' and the variant, e.g. llama:3.1-70b.";
            case LANGUAGE -> "'" + v + "' is not an ISO 639-1 or 639-3 language code: use two or three lower-case letters,"
                    + " e.g. en, th, fil.";
            default -> "'" + v + "' does not have the form " + f.name() + " requires (" + f.pattern().pattern() + ").";
        };
    }

    /** The cell of a field in this row; when the sheet has no such column, the row with the column's name. */
    static Position at(RecordRow rr, FieldSpec f) {
        return rr.sheet().atField(rr.row().number(), rr.columns(), f);
    }

    static String layersOf(FieldSpec f) {
        StringBuilder sb = new StringBuilder();
        for (Layer l : Layer.values()) {
            if (!f.appliesTo(l)) continue;
            if (!sb.isEmpty()) sb.append(" and ");
            sb.append(l.value());
        }
        return sb.toString();
    }
}
