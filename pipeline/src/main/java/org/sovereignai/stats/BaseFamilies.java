package org.sovereignai.stats;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Resolves a project's {@code base_models} to root families. An entry is a family of the families vocabulary, or the
 * id of another project of the index; such a project counts with its own root families, followed transitively. A
 * project used as a base that builds on nothing (its build approach does not use a base, or it lists no base) is a
 * root family itself, with its jurisdiction's country as vendor country. Variants never matter: roots are sets.
 */
final class BaseFamilies {
    /** Column of build_approach.csv saying whether the approach builds on a base ({@code yes}/{@code no}). */
    static final String USES_BASE_COLUMN = "base_models"; // the validator's column: "required" means the approach builds on a base
    /** The lead organisation field, the vendor of a sovereign root family. */
    static final String LEAD_ORG = "lead_org";

    private final Map<String, Project> byId = new HashMap<>();
    private final Vocabulary families;
    private final Vocabulary buildApproach;
    private final Map<String, Map<String, RootFamily>> memo = new HashMap<>();

    BaseFamilies(Collection<Project> projects, Schema schema) {
        for (Project p : projects) if (p.id() != null) byId.putIfAbsent(p.id(), p);
        this.families = schema.vocabulary(schema.require(Schema.BASE_MODELS).vocabulary());
        this.buildApproach = schema.vocabulary(schema.require(Schema.BUILD_APPROACH).vocabulary());
    }

    /** True when the project's build approach builds on a base ({@code base} or {@code both} in the bundled data). */
    boolean usesBase(Project p) {
        return "required".equals(buildApproach.attribute(p.get(Schema.BUILD_APPROACH), USES_BASE_COLUMN));
    }

    /** The root families of the project's own base_models entries, keyed and sorted by family key. */
    Map<String, RootFamily> rootsOf(Project p) {
        Set<String> path = new HashSet<>();
        if (p.id() != null) path.add(p.id());
        return new TreeMap<>(entries(p, path));
    }

    private Map<String, RootFamily> entries(Project p, Set<String> path) {
        Map<String, RootFamily> roots = new LinkedHashMap<>();
        for (String entry : p.list(Schema.BASE_MODELS)) {
            String family = BaseModelRef.parse(entry).family();
            if (families.contains(family)) {
                roots.putIfAbsent(family, new RootFamily(family, attribute(family, "label", family),
                        attribute(family, "vendor", Jurisdictions.UNKNOWN),
                        attribute(family, "vendor_country", Jurisdictions.UNKNOWN)));
            } else if (byId.containsKey(family)) {
                if (!path.contains(family)) roots.putAll(asBase(byId.get(family), path));
            } else {
                // Neither a known family nor a project of the index: the validator reports it; count it under its name.
                roots.putIfAbsent(family, new RootFamily(family, family, Jurisdictions.UNKNOWN, Jurisdictions.UNKNOWN));
            }
        }
        return roots;
    }

    /** The root families a project contributes when another project names it as a base. */
    private Map<String, RootFamily> asBase(Project q, Set<String> path) {
        Map<String, RootFamily> known = memo.get(q.id());
        if (known != null) return known;
        Map<String, RootFamily> roots = Map.of();
        if (usesBase(q)) {
            path.add(q.id());
            roots = entries(q, path);
            path.remove(q.id());
        }
        // Builds on nothing (or only on a cycle, which the validator rejects): the project is its own root family.
        if (roots.isEmpty()) roots = Map.of(q.id(), self(q));
        memo.put(q.id(), roots);
        return roots;
    }

    private static RootFamily self(Project q) {
        String vendor = q.get(LEAD_ORG) != null ? q.get(LEAD_ORG) : q.name() != null ? q.name() : q.id();
        String country = Jurisdictions.country(q.get(Schema.JURISDICTION));
        return new RootFamily(q.id(), q.name() == null ? q.id() : q.name(), vendor,
                country == null ? Jurisdictions.UNKNOWN : country);
    }

    private String attribute(String family, String column, String fallback) {
        String v = families.attribute(family, column);
        return v == null || v.isBlank() ? fallback : v;
    }
}
