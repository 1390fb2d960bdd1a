package org.sovereignai.check;

import java.util.function.Consumer;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.RecordRow;

/**
 * A models record's licence against its release status. The rule is data: the {@code license} column of
 * {@code release_status.csv} says which status requires a {@code permissive} licence, one of
 * {@code permissive_licenses.csv}.
 */
final class PermissiveLicence implements Check {
    /** Column of release_status.csv: permissive | (blank: any licence). */
    static final String LICENSE_RULE = "license";
    static final String PERMISSIVE = "permissive";

    private final FieldSpec releaseStatus;
    private final FieldSpec license;
    private final Vocabulary statuses;
    private final Vocabulary permissive;

    PermissiveLicence(Schema schema) {
        this.releaseStatus = schema.require(Schema.RELEASE_STATUS);
        this.license = schema.require(Schema.LICENSE);
        this.statuses = schema.vocabulary(releaseStatus.vocabulary());
        this.permissive = schema.vocabulary(Schema.PERMISSIVE_LICENSES_VOCABULARY);
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        if (layer != Layer.MODELS) return; // outside models these fields must be blank, reported by NotForLayer
        Project p = rr.project();
        String status = p.get(releaseStatus);
        String licence = p.get(license);
        if (licence != null && PERMISSIVE.equals(statuses.attribute(status, LICENSE_RULE)) && !permissive.contains(licence)) {
            out.accept(Code.LICENSE_NOT_PERMISSIVE.at(FieldRule.at(rr, license), p.id(), licence,
                    "release_status is '" + status + "' but '" + licence + "' is not a permissive licence. Permissive SPDX ids: "
                            + String.join(", ", permissive.values()) + "." + Suggest.didYouMean(licence, permissive.values())
                            + " Otherwise use release_status open_restricted."));
        }
    }
}
