package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.RecordRow;

/**
 * A value that does not match its field's {@code pattern} in fields.csv. The pattern is the contract's, whatever it
 * says; the code and message depend only on the field's type (ids, base models and languages have their own, for
 * curators), any other field gets {@code pattern-mismatch} quoting the pattern.
 */
final class Patterns extends FieldRule {
    /** By field index: the field's pattern with a reused matcher (this check serves one validation at a time). */
    private final ValuePattern[] patterns;

    Patterns(Schema schema) {
        super(Stage.VALUE);
        this.patterns = new ValuePattern[schema.fields().size()];
        for (FieldSpec f : schema.fields()) patterns[f.index()] = ValuePattern.of(f.pattern());
    }

    @Override
    boolean concerns(FieldSpec field) {
        return field.pattern() != null;
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        if (patterns[f.index()].matches(v)) return true;
        out.accept(code(f).at(at(rr, f), rr.project().id(), v, message(f, v)));
        return false;
    }

    private static Code code(FieldSpec f) {
        return switch (f.type()) {
            case ID -> Code.INVALID_ID;
            case BASE_MODEL -> Code.INVALID_BASE_MODEL;
            case LANGUAGE -> Code.INVALID_LANGUAGE;
            default -> Code.PATTERN_MISMATCH;
        };
    }

    private static String message(FieldSpec f, String v) {
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
}
