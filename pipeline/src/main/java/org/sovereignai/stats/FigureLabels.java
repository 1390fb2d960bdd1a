package org.sovereignai.stats;

import java.util.List;

import org.sovereignai.record.Schema;
import org.sovereignai.record.Vocabulary;

/**
 * Plain-language names of figures for STATS.md and CHANGES.md ("Qwen instances", "Compute projects naming Nvidia"),
 * taken from the vocabularies' label columns. A path it does not know reads as its keys joined with " / ".
 */
public final class FigureLabels {
    private final Vocabulary layers;
    private final Vocabulary approaches;
    private final Vocabulary statuses;
    private final Vocabulary vendors;
    private final Vocabulary families;
    private final Jurisdictions jurisdictions;
    private final java.util.Map<String, RootFamily> projectFamilies;

    /** Labels from the schema; {@code current} (may be null) names the sovereign root families it found. */
    public FigureLabels(Schema schema, IndexStats current) {
        this.layers = schema.vocabulary(schema.require(Schema.LAYER).vocabulary());
        this.approaches = schema.vocabulary(schema.require(Schema.BUILD_APPROACH).vocabulary());
        this.statuses = schema.vocabulary(schema.require(Schema.RELEASE_STATUS).vocabulary());
        this.vendors = schema.vocabulary(schema.require(Schema.ACCELERATOR_VENDORS).vocabulary());
        this.families = schema.vocabulary(Schema.FAMILIES_VOCABULARY);
        this.jurisdictions = new Jurisdictions(schema.vocabulary(Schema.JURISDICTIONS_VOCABULARY));
        this.projectFamilies = current == null ? java.util.Map.of() : current.models().baseInstances().families();
    }

    public String label(List<String> path) {
        String a = path.get(0);
        String b = path.size() > 1 ? path.get(1) : "";
        String last = path.get(path.size() - 1);
        switch (a + "." + b) {
            case "projects.total": return "Projects";
            case "projects.jurisdictions": return "Jurisdictions";
            case "projects.byLayer": return label(layers, last) + " layer projects";
            case "projects.byLayerShare": return label(layers, last) + " layer share of projects";
            case "projects.byRegion": return "Projects in " + last;
            case "models.total": return "Model projects";
            case "models.buildApproach": return "Model projects (" + approach(last) + ")";
            case "models.baseUsingProjects": return "Model projects building on a base";
            case "models.releaseStatus": return "Model projects (" + label(statuses, last).toLowerCase(java.util.Locale.ROOT) + ")";
            case "models.openInSomeForm": return "Model projects open in some form";
            case "models.openInSomeFormShare": return "Share of model projects open in some form";
            case "models.adoptionByQuarter":
                return path.size() == 4 ? family(path.get(2)) + " adoption, projects announced " + last : fallback(path);
            case "models.buildApproachByRegionYear":
                return path.size() == 5
                        ? path.get(2) + " " + path.get(3) + " model projects (" + approach(last) + ")" : fallback(path);
            case "models.baseInstances": return instances(path);
            case "compute.total": return "Compute projects";
            case "compute.namingAcceleratorVendor": return "Compute projects naming an accelerator vendor";
            case "compute.acceleratorVendors": return "Compute projects naming " + label(vendors, last);
            case "compute.acceleratorVendorShare": return "Share of compute projects naming " + label(vendors, last);
            default: return fallback(path);
        }
    }

    private String instances(List<String> path) {
        if (path.size() == 3 && path.get(2).equals("total")) return "Base-model instances";
        if (path.size() != 4) return fallback(path);
        String key = path.get(3);
        switch (path.get(2)) {
            case "byFamily": return family(key) + " instances";
            case "byVendor": return key + " instances";
            case "byVendorCountry": return "Instances from " + country(key);
            case "shareByFamily": return family(key) + " share of instances";
            case "shareByVendor": return key + " share of instances";
            case "shareByVendorCountry": return "Share of instances from " + country(key);
            case "projectsByFamily": return "Projects building on " + family(key);
            case "projectsByVendor": return "Projects building on " + key + " models";
            default: return fallback(path);
        }
    }

    /** The family's label: the vocabulary's, or the name of the sovereign project it stands for. */
    public String family(String key) {
        String label = families.attribute(key, "label");
        if (label != null) return label;
        RootFamily f = projectFamilies.get(key);
        return f == null ? key : f.label();
    }

    /** What a family key names: the current figures' description, else the vocabulary's, else just the key. */
    public RootFamily describe(String key) {
        RootFamily f = projectFamilies.get(key);
        if (f != null) return f;
        String label = families.attribute(key, "label");
        if (label == null) return new RootFamily(key, key, "", "");
        return new RootFamily(key, label, families.attribute(key, "vendor"), families.attribute(key, "vendor_country"));
    }

    /** "United States (US)"; the code alone when the vocabulary does not know it. */
    public String country(String code) {
        String name = jurisdictions.name(code);
        return name.equals(code) ? code : name + " (" + code + ")";
    }

    public String approach(String value) {
        return label(approaches, value).toLowerCase(java.util.Locale.ROOT);
    }

    public String status(String value) {
        return label(statuses, value);
    }

    public String layer(String value) {
        return label(layers, value);
    }

    public String vendor(String value) {
        return label(vendors, value);
    }

    private static String label(Vocabulary vocabulary, String value) {
        String label = vocabulary.attribute(value, "label");
        return label == null || label.isBlank() ? value : label;
    }

    private static String fallback(List<String> path) {
        return String.join(" / ", path);
    }
}
