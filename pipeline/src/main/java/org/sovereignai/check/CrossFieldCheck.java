package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.RecordRow;

/**
 * Rules between fields of one models record. The rules themselves are data: {@code build_approach.csv} says per
 * approach whether base models are {@code none} or {@code required}, and {@code release_status.csv} says which
 * status requires a {@code permissive} licence (from {@code permissive_licenses.csv}).
 */
final class CrossFieldCheck {
    /** Column of build_approach.csv: none | required | (blank: either). */
    static final String BASE_MODELS_RULE = "base_models";
    /** Column of release_status.csv: permissive | (blank: any licence). */
    static final String LICENSE_RULE = "license";
    static final String NONE = "none";
    static final String REQUIRED = "required";
    static final String PERMISSIVE = "permissive";

    private final FieldSpec buildApproach;
    private final FieldSpec baseModels;
    private final FieldSpec releaseStatus;
    private final FieldSpec license;
    private final Vocabulary approaches;
    private final Vocabulary statuses;
    private final Vocabulary permissive;

    CrossFieldCheck(Schema schema) {
        this.buildApproach = schema.require(Schema.BUILD_APPROACH);
        this.baseModels = schema.require(Schema.BASE_MODELS);
        this.releaseStatus = schema.require(Schema.RELEASE_STATUS);
        this.license = schema.require(Schema.LICENSE);
        this.approaches = schema.vocabulary(buildApproach.vocabulary());
        this.statuses = schema.vocabulary(releaseStatus.vocabulary());
        this.permissive = schema.vocabulary(Schema.PERMISSIVE_LICENSES_VOCABULARY);
    }

    void check(RecordRow rr, Layer layer, Consumer<Finding> out) {
        if (layer != Layer.MODELS) return; // outside models these fields must be blank, reported by FieldCheck
        Project p = rr.project();
        String approach = p.get(buildApproach);
        String bases = p.get(baseModels);
        String rule = approaches.attribute(approach, BASE_MODELS_RULE);
        if (NONE.equals(rule) && bases != null) {
            out.accept(Code.BASE_MODELS_NOT_ALLOWED.at(FieldCheck.at(rr, baseModels), p.id(), bases,
                    "build_approach is '" + approach + "', so base_models must be blank. If the model is built on a base,"
                            + " set build_approach to base (or both); otherwise clear base_models."));
        } else if (REQUIRED.equals(rule) && bases == null) {
            out.accept(Code.BASE_MODELS_MISSING.at(FieldCheck.at(rr, baseModels), p.id(), null,
                    "build_approach is '" + approach + "', so base_models needs at least one base model, e.g. llama:3.1-70b."
                            + " If the base is not known, set build_approach to undisclosed."));
        }
        String status = p.get(releaseStatus);
        String licence = p.get(license);
        if (licence != null && PERMISSIVE.equals(statuses.attribute(status, LICENSE_RULE)) && !permissive.contains(licence)) {
            out.accept(Code.LICENSE_NOT_PERMISSIVE.at(FieldCheck.at(rr, license), p.id(), licence,
                    "release_status is '" + status + "' but '" + licence + "' is not a permissive licence. Permissive SPDX ids: "
                            + String.join(", ", permissive.values()) + "." + Suggest.didYouMean(licence, permissive.values())
                            + " Otherwise use release_status open_restricted."));
        }
    }
}
