package org.sovereignai.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Text;
import org.sovereignai.record.Vocabulary;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;

/**
 * Rules between records, which need the whole sheet: unique ids, aliases that collide with another record's id, and
 * base models that name records (they must be models records, with no loops). State is compact: each id maps to one
 * int (its row and layer); aliases and record-naming bases are kept only for the rows that have them, as
 * (value, row) pairs. Findings come at the end, placed on the offending row's cell.
 */
final class SetCheck {
    private final FieldSpec idField;
    private final FieldSpec aliasesField;
    private final FieldSpec baseModelsField;
    private final Vocabulary families;
    /** Entries that break the base_models pattern are FieldCheck's to report; only well-formed ones are resolved. */
    private final ValuePattern wellFormedBase;
    private final IdIndex ids = new IdIndex();
    private final List<Use> aliases = new ArrayList<>();
    private final List<Use> bases = new ArrayList<>();

    /** A value in a row that must be resolved against the whole set. */
    private record Use(String key, String value, int row, String ownerId) {
    }

    SetCheck(Schema schema) {
        this.idField = schema.require(Schema.ID);
        this.aliasesField = schema.require(Schema.ALIASES);
        this.baseModelsField = schema.require(Schema.BASE_MODELS);
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        this.wellFormedBase = ValuePattern.of(baseModelsField.pattern());
    }

    /** Records a row; a repeated id is reported at once (the rows come in order, so the first one is known). */
    void add(Project p, int row, Layer layer, Columns columns, Position sheet, Consumer<Finding> out) {
        String id = p.id();
        if (id != null) {
            int first = ids.putIfAbsent(id, pack(row, layer));
            if (first >= 0) {
                out.accept(Code.DUPLICATE_ID.at(cell(sheet, columns, idField, row), id, id, "the id '" + id
                        + "' is already used in row " + rowOf(first) + "; every project needs its own id."
                        + " If both rows are the same project, merge them; otherwise give this one a different id."));
            }
        }
        String a = p.get(aliasesField);
        if (a != null) {
            for (String alias : Text.splitCanonical(a)) aliases.add(new Use(alias.toLowerCase(Locale.ROOT), alias, row, id));
        }
        String b = p.get(baseModelsField);
        if (b != null && layer == Layer.MODELS) {
            for (String value : Text.splitCanonical(b)) {
                if (wellFormedBase != null && !wellFormedBase.matches(value)) continue;
                String family = BaseModelRef.parse(value).family();
                if (!families.contains(family)) bases.add(new Use(family, value, row, id));
            }
        }
    }

    /** Reports the rules that needed the whole set. */
    void finish(Columns columns, Position sheet, Consumer<Finding> out) {
        for (Use u : aliases) {
            int owner = ids.get(u.key);
            if (owner < 0 || u.key.equals(u.ownerId) || rowOf(owner) == u.row) continue;
            out.accept(Code.ID_ALIAS_COLLISION.at(cell(sheet, columns, aliasesField, u.row), u.ownerId, u.value,
                    "the alias '" + u.value + "' is the id of another record (row " + rowOf(owner) + "), so a search for '"
                            + u.key + "' would find two projects. Remove the alias, or merge the two rows if they are one project."));
        }
        Map<String, List<Use>> edges = new LinkedHashMap<>();
        for (Use u : bases) {
            int target = ids.get(u.key);
            if (target < 0) {
                out.accept(Code.UNKNOWN_BASE_MODEL.at(cell(sheet, columns, baseModelsField, u.row), u.ownerId, u.value,
                        "'" + u.key + "' is neither a model family (" + String.join(", ", families.values())
                                + ") nor the id of a models record in this sheet." + Suggest.didYouMean(u.key, families.values())
                                + " A new family is added to schemas/vocabularies/families.csv."));
            } else if (layerOf(target) != Layer.MODELS) {
                out.accept(Code.BASE_MODEL_NOT_MODELS.at(cell(sheet, columns, baseModelsField, u.row), u.ownerId, u.value,
                        "'" + u.key + "' is the id of a " + (layerOf(target) == null ? "record without a valid layer" : layerOf(target).value()
                                + " record") + " (row " + rowOf(target) + "); a base model must be a models record or a model family."));
            } else if (u.ownerId != null) {
                edges.computeIfAbsent(u.ownerId, k -> new ArrayList<>()).add(u);
            }
        }
        reportCycles(edges, columns, sheet, out);
    }

    /** Finds every loop among record-to-record bases (iteratively: a long chain must not overflow the stack). */
    private void reportCycles(Map<String, List<Use>> edges, Columns columns, Position sheet, Consumer<Finding> out) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        Set<String> reported = new HashSet<>();
        for (String start : edges.keySet()) {
            if (state.containsKey(start)) continue;
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(start);
            next.push(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                String node = path.peek();
                int i = next.pop();
                List<Use> out1 = edges.getOrDefault(node, List.of());
                if (i >= out1.size()) {
                    state.put(node, 2);
                    path.pop();
                    continue;
                }
                next.push(i + 1);
                String target = out1.get(i).key;
                Integer s = state.get(target);
                if (s == null) {
                    state.put(target, 1);
                    path.push(target);
                    next.push(0);
                } else if (s == 1) {
                    List<String> loop = loop(path, target);
                    for (String member : loop) {
                        if (!reported.add(member)) continue;
                        Use edge = edgeInLoop(edges.get(member), loop);
                        out.accept(Code.BASE_MODEL_CYCLE.at(cell(sheet, columns, baseModelsField, edge.row), member, edge.value,
                                "base models loop back on themselves: " + String.join(" builds on ", rotate(loop, member))
                                        + " builds on " + member + ". A model cannot be its own base, directly or through others."));
                    }
                }
            }
        }
    }

    /** The loop's members in path order, from target to the top of the path. */
    private static List<String> loop(Deque<String> path, String target) {
        List<String> fromTop = new ArrayList<>();
        for (String n : path) {
            fromTop.add(n);
            if (n.equals(target)) break;
        }
        List<String> loop = new ArrayList<>();
        for (int i = fromTop.size() - 1; i >= 0; i--) loop.add(fromTop.get(i));
        return loop;
    }

    private static List<String> rotate(List<String> loop, String first) {
        int k = loop.indexOf(first);
        List<String> out = new ArrayList<>(loop.subList(k, loop.size()));
        out.addAll(loop.subList(0, k));
        return out;
    }

    private static Use edgeInLoop(List<Use> uses, List<String> loop) {
        for (Use u : uses) if (loop.contains(u.key)) return u;
        return uses.get(0);
    }

    private static Position cell(Position sheet, Columns columns, FieldSpec f, int row) {
        return sheet.atField(row, columns, f);
    }

    private static int pack(int row, Layer layer) {
        return (row << 2) | (layer == null ? 3 : layer.ordinal());
    }

    private static int rowOf(int packed) {
        return packed >>> 2;
    }

    private static Layer layerOf(int packed) {
        int l = packed & 3;
        return l == 3 ? null : Layer.values()[l];
    }
}
