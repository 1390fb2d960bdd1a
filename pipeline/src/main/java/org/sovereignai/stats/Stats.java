package org.sovereignai.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sovereignai.record.Layer;
import org.sovereignai.record.PartialDate;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Computes the index's standard figures from a set of projects. Plain counting over the records; every list of
 * allowed values (layers, approaches, statuses, vendors, families, regions) comes from the schema's vocabularies.
 * Definitions: docs/statistics.md.
 */
public final class Stats {
    /** Column of release_status.csv marking the statuses that count as "open in some form". */
    static final String OPEN_IN_SOME_FORM_COLUMN = "open_in_some_form";

    private Stats() {
    }

    public static IndexStats compute(Collection<Project> input, Schema schema) {
        // Sorted by id so that anything order-sensitive (a cycle cut in the bases) is deterministic.
        List<Project> projects = new ArrayList<>(input);
        projects.sort(Comparator.comparing(Project::id, Comparator.nullsLast(Comparator.naturalOrder())));

        Jurisdictions jurisdictions = new Jurisdictions(schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY));
        Vocabulary layers = vocabularyOf(schema, Schema.LAYER);
        Vocabulary approaches = vocabularyOf(schema, Schema.BUILD_APPROACH);
        Vocabulary statuses = vocabularyOf(schema, Schema.RELEASE_STATUS);
        Vocabulary vendors = vocabularyOf(schema, Schema.ACCELERATOR_VENDORS);
        BaseFamilies bases = new BaseFamilies(projects, schema);

        Map<String, Integer> byLayer = zeros(layers);
        Map<String, Integer> byRegion = new TreeMap<>();
        Set<String> countries = new TreeSet<>();
        Map<String, Integer> buildApproach = zeros(approaches);
        Map<String, Integer> releaseStatus = zeros(statuses);
        Map<String, Integer> acceleratorVendors = zeros(vendors);
        Map<String, Integer> byFamily = new TreeMap<>();
        Map<String, Integer> byVendor = new TreeMap<>();
        Map<String, Integer> byVendorCountry = new TreeMap<>();
        Map<String, Integer> projectsByFamily = new TreeMap<>();
        Map<String, Integer> projectsByVendor = new TreeMap<>();
        Map<String, RootFamily> families = new TreeMap<>();
        Map<String, Map<String, Integer>> adoption = new TreeMap<>();
        Map<String, Map<String, Map<String, Integer>>> regionYear = new TreeMap<>();
        int models = 0;
        int baseUsing = 0;
        int instances = 0;
        int open = 0;
        int compute = 0;
        int namingVendor = 0;

        for (Project p : projects) {
            increment(byLayer, known(layers, p.get(Schema.LAYER)));
            String country = Jurisdictions.country(p.get(Schema.JURISDICTION));
            if (country != null) countries.add(country);
            String region = jurisdictions.region(p.get(Schema.JURISDICTION));
            increment(byRegion, region);
            PartialDate announced = PartialDate.parse(p.get(Schema.ANNOUNCED));

            if (p.layer() == Layer.MODELS) {
                models++;
                String approach = known(approaches, p.get(Schema.BUILD_APPROACH));
                increment(buildApproach, approach);
                String status = known(statuses, p.get(Schema.RELEASE_STATUS));
                increment(releaseStatus, status);
                if ("yes".equals(statuses.attribute(status, OPEN_IN_SOME_FORM_COLUMN))) open++;
                String year = announced == null ? Jurisdictions.UNKNOWN : Integer.toString(announced.year());
                increment(regionYear.computeIfAbsent(region, k -> new TreeMap<>())
                        .computeIfAbsent(year, k -> zeros(approaches)), approach);

                if (bases.usesBase(p)) {
                    baseUsing++;
                    Set<String> projectVendors = new LinkedHashSet<>();
                    for (RootFamily f : bases.rootsOf(p).values()) {
                        instances++;
                        families.putIfAbsent(f.key(), f);
                        increment(byFamily, f.key());
                        increment(byVendor, f.vendor());
                        increment(byVendorCountry, f.vendorCountry());
                        increment(projectsByFamily, f.key());
                        projectVendors.add(f.vendor());
                        if (announced != null) {
                            increment(adoption.computeIfAbsent(f.key(), k -> new TreeMap<>()), announced.quarterLabel());
                        }
                    }
                    for (String v : projectVendors) increment(projectsByVendor, v);
                }
            } else if (p.layer() == Layer.COMPUTE) {
                compute++;
                Set<String> named = new TreeSet<>();
                for (String v : p.list(Schema.ACCELERATOR_VENDORS)) named.add(known(vendors, v));
                for (String v : named) increment(acceleratorVendors, v);
                if (!named.isEmpty()) namingVendor++;
            }
        }

        Map<String, Map<String, Map<String, Integer>>> regionYearSorted = new TreeMap<>(regionYear);
        return new IndexStats(
                new IndexStats.Projects(projects.size(), countries.size(), sorted(byLayer), sorted(byRegion)),
                new IndexStats.Models(models, sorted(buildApproach), baseUsing,
                        new IndexStats.BaseInstances(instances, sorted(byFamily), sorted(byVendor),
                                sorted(byVendorCountry), sorted(projectsByFamily), sorted(projectsByVendor),
                                new TreeMap<>(families)),
                        sorted(releaseStatus), open, nested(adoption), nestedTwice(regionYearSorted)),
                new IndexStats.Compute(compute, namingVendor, sorted(acceleratorVendors)));
    }

    private static Vocabulary vocabularyOf(Schema schema, String field) {
        return schema.vocabulary(schema.require(field).vocabulary());
    }

    /** The value when the vocabulary has it, else {@code unknown} (a valid sheet never has such a value). */
    private static String known(Vocabulary vocabulary, String value) {
        return vocabulary.contains(value) ? value : Jurisdictions.UNKNOWN;
    }

    private static Map<String, Integer> zeros(Vocabulary vocabulary) {
        Map<String, Integer> m = new TreeMap<>();
        for (String v : vocabulary.values()) m.put(v, 0);
        return m;
    }

    private static void increment(Map<String, Integer> counts, String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static TreeMap<String, Integer> sorted(Map<String, Integer> m) {
        return new TreeMap<>(m);
    }

    private static TreeMap<String, java.util.SortedMap<String, Integer>> nested(Map<String, Map<String, Integer>> m) {
        TreeMap<String, java.util.SortedMap<String, Integer>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, sorted(v)));
        return out;
    }

    private static TreeMap<String, java.util.SortedMap<String, java.util.SortedMap<String, Integer>>> nestedTwice(
            Map<String, Map<String, Map<String, Integer>>> m) {
        TreeMap<String, java.util.SortedMap<String, java.util.SortedMap<String, Integer>>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, nested(v)));
        return out;
    }
}
