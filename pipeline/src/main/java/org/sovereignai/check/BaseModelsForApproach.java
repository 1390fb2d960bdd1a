package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.RecordRow;

/**
 * A models record's base models against its build approach. The rule is data: the {@code base_models} column of
 * {@code build_approach.csv} says per approach whether base models are {@code none} or {@code required} (blank:
 * either).
 */
final class BaseModelsForApproach implements Check {
    /** Column of build_approach.csv: none | required | (blank: either). */
    static final String BASE_MODELS_RULE = "base_models";
    static final String NONE = "none";
    static final String REQUIRED = "required";

    private final FieldSpec buildApproach;
    private final FieldSpec baseModels;
    private final Vocabulary approaches;

    BaseModelsForApproach(Schema schema) {
        this.buildApproach = schema.require(Schema.BUILD_APPROACH);
        this.baseModels = schema.require(Schema.BASE_MODELS);
        this.approaches = schema.vocabulary(buildApproach.vocabulary());
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        if (layer != Layer.MODELS) return; // outside models these fields must be blank, reported by NotForLayer
        Project p = rr.project();
        String approach = p.get(buildApproach);
        String bases = p.get(baseModels);
        String rule = approaches.attribute(approach, BASE_MODELS_RULE);
        if (NONE.equals(rule) && bases != null) {
            out.accept(Code.BASE_MODELS_NOT_ALLOWED.at(FieldRule.at(rr, baseModels), p.id(), bases,
                    "build_approach is '" + approach + "', so base_models must be blank. If the model is built on a base,"
                            + " set build_approach to base (or both); otherwise clear base_models."));
        } else if (REQUIRED.equals(rule) && bases == null) {
            out.accept(Code.BASE_MODELS_MISSING.at(FieldRule.at(rr, baseModels), p.id(), null,
                    "build_approach is '" + approach + "', so base_models needs at least one base model, e.g. llama:3.1-70b."
                            + " If the base is not known, set build_approach to undisclosed."));
        }
    }
}
