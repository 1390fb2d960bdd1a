package org.sovereignai.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.sovereignai.io.Json;

/**
 * The index's standard figures, computed by {@link Stats#compute}. Immutable; every map is sorted by key.
 * {@link #toJson()} gives the nested shape of {@code stats.json} (definitions in docs/statistics.md).
 */
public record IndexStats(Projects projects, Models models, Compute compute) {

    /**
     * @param total         every project
     * @param jurisdictions distinct countries of the projects' own jurisdictions (a subdivision counts as its
     *                      country, EU as one; partner jurisdictions are not counted)
     * @param byLayer       projects per layer, every layer of the vocabulary present
     * @param byRegion      projects per region of their jurisdiction
     */
    public record Projects(int total, int jurisdictions, SortedMap<String, Integer> byLayer,
                           SortedMap<String, Integer> byRegion) {
        public Projects {
            byLayer = frozen(byLayer);
            byRegion = frozen(byRegion);
        }
    }

    /**
     * @param total                     projects in the models layer
     * @param buildApproach             model projects per build approach, every approach of the vocabulary present
     * @param baseUsingProjects         model projects whose approach builds on a base (base + both)
     * @param baseInstances             distinct (project, root family) pairs among base-using projects
     * @param releaseStatus             model projects per release status, every status of the vocabulary present
     * @param openInSomeForm            model projects whose status is marked open_in_some_form in the vocabulary
     * @param adoptionByQuarter         family -> quarter announced (YYYY-Qn) -> base-using projects using it
     * @param buildApproachByRegionYear region -> year announced -> build approach -> model projects
     */
    public record Models(int total, SortedMap<String, Integer> buildApproach, int baseUsingProjects,
                         BaseInstances baseInstances, SortedMap<String, Integer> releaseStatus, int openInSomeForm,
                         SortedMap<String, SortedMap<String, Integer>> adoptionByQuarter,
                         SortedMap<String, SortedMap<String, SortedMap<String, Integer>>> buildApproachByRegionYear) {
        public Models {
            buildApproach = frozen(buildApproach);
            releaseStatus = frozen(releaseStatus);
            adoptionByQuarter = frozenNested(adoptionByQuarter);
            SortedMap<String, SortedMap<String, SortedMap<String, Integer>>> copy = new TreeMap<>();
            buildApproachByRegionYear.forEach((region, years) -> copy.put(region, frozenNested(years)));
            buildApproachByRegionYear = Collections.unmodifiableSortedMap(copy);
        }
    }

    /**
     * @param total             all instances
     * @param byFamily          instances per root family key
     * @param byVendor          instances per vendor
     * @param byVendorCountry   instances per vendor country
     * @param projectsByFamily  base-using projects using each family
     * @param projectsByVendor  base-using projects using at least one family of each vendor
     * @param families          what each family key names
     */
    public record BaseInstances(int total, SortedMap<String, Integer> byFamily, SortedMap<String, Integer> byVendor,
                                SortedMap<String, Integer> byVendorCountry, SortedMap<String, Integer> projectsByFamily,
                                SortedMap<String, Integer> projectsByVendor, SortedMap<String, RootFamily> families) {
        public BaseInstances {
            byFamily = frozen(byFamily);
            byVendor = frozen(byVendor);
            byVendorCountry = frozen(byVendorCountry);
            projectsByFamily = frozen(projectsByFamily);
            projectsByVendor = frozen(projectsByVendor);
            families = frozen(families);
        }
    }

    /**
     * @param total                   projects in the compute layer
     * @param namingAcceleratorVendor compute projects naming at least one accelerator vendor
     * @param acceleratorVendors      compute projects naming each vendor, every vendor of the vocabulary present
     */
    public record Compute(int total, int namingAcceleratorVendor, SortedMap<String, Integer> acceleratorVendors) {
        public Compute {
            acceleratorVendors = frozen(acceleratorVendors);
        }
    }

    /** The nested shape of stats.json: counts, shares (decimals, four places) and the family descriptions. */
    public Map<String, Object> toJson() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("total", projects.total);
        p.put("jurisdictions", projects.jurisdictions);
        p.put("byLayer", projects.byLayer);
        p.put("byLayerShare", shares(projects.byLayer, projects.total));
        p.put("byRegion", projects.byRegion);

        BaseInstances b = models.baseInstances;
        Map<String, Object> bi = new LinkedHashMap<>();
        bi.put("total", b.total);
        bi.put("byFamily", b.byFamily);
        bi.put("byVendor", b.byVendor);
        bi.put("byVendorCountry", b.byVendorCountry);
        bi.put("shareByFamily", shares(b.byFamily, b.total));
        bi.put("shareByVendor", shares(b.byVendor, b.total));
        bi.put("shareByVendorCountry", shares(b.byVendorCountry, b.total));
        bi.put("projectsByFamily", b.projectsByFamily);
        bi.put("projectsByVendor", b.projectsByVendor);
        Map<String, Object> families = new TreeMap<>();
        b.families.forEach((k, f) -> families.put(k, Map.of(
                "label", f.label(), "vendor", f.vendor(), "vendorCountry", f.vendorCountry())));
        bi.put("families", families);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", models.total);
        m.put("buildApproach", models.buildApproach);
        m.put("baseUsingProjects", models.baseUsingProjects);
        m.put("baseInstances", bi);
        m.put("releaseStatus", models.releaseStatus);
        m.put("openInSomeForm", models.openInSomeForm);
        m.put("openInSomeFormShare", Shares.share(models.openInSomeForm, models.total));
        m.put("adoptionByQuarter", models.adoptionByQuarter);
        m.put("buildApproachByRegionYear", models.buildApproachByRegionYear);

        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", compute.total);
        c.put("namingAcceleratorVendor", compute.namingAcceleratorVendor);
        c.put("acceleratorVendors", compute.acceleratorVendors);
        c.put("acceleratorVendorShare", shares(compute.acceleratorVendors, compute.total));

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("projects", p);
        root.put("models", m);
        root.put("compute", c);
        return root;
    }

    /** stats.json as published: {@link Json}'s configuration, keys sorted, ending in a newline. */
    public String toJsonText() {
        return Json.write(toJson());
    }

    private static Map<String, Object> shares(Map<String, Integer> counts, int total) {
        Map<String, Object> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, Shares.share(v, total)));
        return out;
    }

    private static <V> SortedMap<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static SortedMap<String, SortedMap<String, Integer>> frozenNested(
            Map<String, ? extends Map<String, Integer>> map) {
        SortedMap<String, SortedMap<String, Integer>> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, frozen(v)));
        return Collections.unmodifiableSortedMap(out);
    }
}
