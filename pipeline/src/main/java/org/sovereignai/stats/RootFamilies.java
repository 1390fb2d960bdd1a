package org.sovereignai.stats;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.sovereignai.record.BaseModelRef;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * The root base families of single projects, resolved exactly as the figures count them ({@link BaseFamilies}), for
 * readers that must not hold a whole release: only the projects named as a base by another project are needed
 * ({@link #namedBases} says which entries those are).
 */
public final class RootFamilies {
    private final BaseFamilies bases;
    private final Vocabulary families;

    private RootFamilies(BaseFamilies bases, Vocabulary families) {
        this.bases = bases;
        this.families = families;
    }

    /** A resolver over these projects: at least every project that another one names as a base. */
    public static RootFamilies over(Collection<Project> namedBases, Schema schema) {
        return new RootFamilies(new BaseFamilies(namedBases, schema),
                schema.vocabulary(schema.require(Schema.BASE_MODELS).vocabulary()));
    }

    /** The keys of the project's root families (sorted), as stats counts them; empty when it names no base. */
    public Set<String> keysOf(Project p) {
        return bases.rootsOf(p).keySet();
    }

    /** The base_models entries of the project that are not families of the vocabulary (so may be other projects). */
    public Set<String> namedBases(Project p) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : p.list(Schema.BASE_MODELS)) {
            String family = BaseModelRef.parse(entry).family();
            if (!families.contains(family)) out.add(family);
        }
        return out;
    }
}
