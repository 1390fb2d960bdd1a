package org.sovereignai.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.RecordRow;

/**
 * Base models of models records whose family is not in the families vocabulary: they must name a models record of
 * the sheet (in any order), and such bases must not loop ({@link BaseModelCycles}). Only those bases are kept, and
 * judged at the end against {@link UniqueIds}.
 */
final class BaseModelReferences implements Check {
    private final FieldSpec baseModelsField;
    private final Vocabulary families;
    /** Entries that break the base_models pattern are {@link Patterns}' to report; only well-formed ones are resolved. */
    private final ValuePattern wellFormed;
    private final UniqueIds ids;
    private final List<Reference> bases = new ArrayList<>();

    BaseModelReferences(Schema schema, UniqueIds ids) {
        this.baseModelsField = schema.require(Schema.BASE_MODELS);
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        this.wellFormed = ValuePattern.of(baseModelsField.pattern());
        this.ids = ids;
    }

    @Override
    public boolean acrossRecords() {
        return true;
    }

    @Override
    public void row(RecordRow rr, Layer layer, Consumer<Finding> out) {
        String b = rr.project().get(baseModelsField);
        if (b == null || layer != Layer.MODELS) return;
        for (String value : Text.splitCanonical(b)) {
            if (wellFormed != null && !wellFormed.matches(value)) continue;
            String family = BaseModelRef.parse(value).family();
            if (!families.contains(family)) bases.add(new Reference(family, value, rr.row().number(), rr.project().id()));
        }
    }

    @Override
    public void end(Header header, Consumer<Finding> out) {
        Map<String, List<Reference>> edges = new LinkedHashMap<>();
        for (Reference u : bases) {
            int target = ids.entry(u.key());
            Layer targetLayer = UniqueIds.layerOf(target);
            if (target < 0) {
                out.accept(Code.UNKNOWN_BASE_MODEL.at(cell(header, u), u.ownerId(), u.value(),
                        "'" + u.key() + "' is neither a model family (" + String.join(", ", families.values())
                                + ") nor the id of a models record in this sheet." + Suggest.didYouMean(u.key(), families.values())
                                + " A new family is added to schemas/vocabularies/families.csv."));
            } else if (targetLayer != Layer.MODELS) {
                out.accept(Code.BASE_MODEL_NOT_MODELS.at(cell(header, u), u.ownerId(), u.value(),
                        "'" + u.key() + "' is the id of a " + (targetLayer == null ? "record without a valid layer" : targetLayer.value()
                                + " record") + " (row " + UniqueIds.rowOf(target) + "); a base model must be a models record or a model family."));
            } else if (u.ownerId() != null) {
                edges.computeIfAbsent(u.ownerId(), k -> new ArrayList<>()).add(u);
            }
        }
        BaseModelCycles.report(edges, u -> cell(header, u), out);
    }

    private Position cell(Header header, Reference u) {
        return header.sheet().atField(u.row(), header.columns(), baseModelsField);
    }
}
