package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.RecordRow;

/** A value of an enum field outside its vocabulary (schemas/vocabularies/*.csv), with a did-you-mean. */
final class Vocabularies extends FieldRule {
    /** By field index. */
    private final Vocabulary[] vocabularies;

    Vocabularies(Schema schema) {
        super(Stage.VALUE, FieldType.ENUM);
        this.vocabularies = new Vocabulary[schema.fields().size()];
        for (FieldSpec f : schema.fields()) if (f.vocabulary() != null) vocabularies[f.index()] = schema.vocabulary(f.vocabulary());
    }

    @Override
    boolean check(RecordRow rr, FieldSpec f, Layer layer, String v, Consumer<Finding> out) {
        Vocabulary vocab = vocabularies[f.index()];
        if (vocab.contains(v)) return true;
        out.accept(Code.INVALID_ENUM.at(at(rr, f), rr.project().id(), v, "'" + v + "' is not allowed in " + f.name()
                + ". Allowed: " + String.join(", ", vocab.values()) + "." + Suggest.didYouMean(v, vocab.values())));
        return false;
    }
}
