package org.sovereignai.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.stats.TestProjects.SCHEMA;
import static org.sovereignai.stats.TestProjects.compute;
import static org.sovereignai.stats.TestProjects.model;
import static org.sovereignai.stats.TestProjects.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** Each definition of docs/statistics.md on small hand-made cases. */
class StatsDefinitionsTest {

    private static IndexStats stats(Project... projects) {
        return Stats.compute(List.of(projects), SCHEMA);
    }

    @Test
    void aSubdivisionCountsAsItsCountryTheEuAsOneAndPartnersNotAtAll() {
        IndexStats s = stats(
                project("a", "compute", "BR-PI", "2025-Q1"),
                project("b", "data", "BR", "2025-Q1"),
                project("c", "models", "EU", "2025-Q1").with(Schema.PARTNER_JURISDICTIONS, "FR; DE"),
                project("d", "compute", "br-sp", "2025-Q1"));
        assertEquals(4, s.projects().total());
        assertEquals(2, s.projects().jurisdictions(), "BR and EU");
        assertEquals(Map.of("Europe", 1, "Latin America", 3), s.projects().byRegion());
    }

    @Test
    void everyLayerIsListedEvenWhenEmpty() {
        IndexStats s = stats(project("a", "compute", "FR", "2025-Q1"));
        assertEquals(Map.of("compute", 1, "models", 0, "data", 0), s.projects().byLayer());
        assertEquals(Map.of("scratch", 0, "base", 0, "both", 0, "undisclosed", 0), s.models().buildApproach());
    }

    @Test
    void twoVariantsOfOneFamilyInOneProjectAreOneInstance() {
        IndexStats s = stats(model("a", "PL", "base", "llama:3.1-8b; llama:3.1-70b; mistral:nemo-12b; mixtral:8x7b", "2025-02"));
        IndexStats.BaseInstances b = s.models().baseInstances();
        assertEquals(3, b.total());
        assertEquals(Map.of("llama", 1, "mistral", 1, "mixtral", 1), b.byFamily());
        assertEquals(Map.of("Meta", 1, "Mistral AI", 2), b.byVendor(), "Mistral and Mixtral share a vendor");
        assertEquals(Map.of("Meta", 1, "Mistral AI", 1), b.projectsByVendor(), "one project per vendor");
        assertEquals(Map.of("US", 1, "FR", 2), b.byVendorCountry());
    }

    @Test
    void baseUsingProjectsAreBaseAndBothOnlyAndTheirInstancesAdd() {
        IndexStats s = stats(
                model("a", "SG", "both", "gemma:2-9b; qwen:3-32b", "2023-Q4"),
                model("b", "TH", "base", "qwen", "2025-Q1"),
                model("c", "DE", "scratch", "llama:3-8b", "2025-Q1"),
                model("d", "OM", "undisclosed", null, "2025-Q1"),
                model("e", "KR", "base", null, "2025-Q1"));
        assertEquals(3, s.models().baseUsingProjects(), "a, b and e; base models listed on a scratch project are ignored");
        assertEquals(3, s.models().baseInstances().total(), "e lists no base, so it has no instance");
        assertEquals(Map.of("gemma", 1, "qwen", 2), s.models().baseInstances().byFamily());
    }

    @Test
    void aBaseNamingAnotherProjectCountsThatProjectsRootFamiliesTransitively() {
        IndexStats s = stats(
                model("top", "ID", "base", "middle:v3; llama:3-8b", "2024-Q4"),
                model("middle", "MY", "base", "bottom", "2024-Q3"),
                model("bottom", "TH", "base", "gemma:2-9b; llama:3.1-8b", "2024-Q1"));
        IndexStats.BaseInstances b = s.models().baseInstances();
        // top -> {gemma, llama} (llama directly and through the chain: once); middle -> {gemma, llama}; bottom -> same.
        assertEquals(6, b.total());
        assertEquals(Map.of("gemma", 3, "llama", 3), b.byFamily());
        assertFalse(b.byFamily().containsKey("middle"), "a project that builds on a base is not itself a root family");
    }

    @Test
    void aScratchProjectUsedAsABaseIsItsOwnRootFamilyWithItsJurisdictionAsVendorCountry() {
        IndexStats s = stats(
                model("apertus", "CH", "scratch", null, "2025-09-02"),
                model("soberania", "BR-PI", "undisclosed", null, "2025-06"),
                model("user", "SG", "base", "apertus:8b; soberania", "2025-Q4"));
        IndexStats.BaseInstances b = s.models().baseInstances();
        assertEquals(Map.of("apertus", 1, "soberania", 1), b.byFamily());
        assertEquals(Map.of("CH", 1, "BR", 1), b.byVendorCountry());
        assertEquals(Map.of("Lab apertus", 1, "Lab soberania", 1), b.byVendor());
        assertEquals("Project apertus", b.families().get("apertus").label());
    }

    @Test
    void aBothProjectUsedAsABaseCountsItsBases() {
        IndexStats s = stats(
                model("sea-lion", "SG", "both", "qwen:3-32b", "2023-Q4"),
                model("user", "TH", "base", "sea-lion:v4", "2025-Q2"));
        assertEquals(Map.of("qwen", 2), s.models().baseInstances().byFamily());
    }

    @Test
    void aCycleOfBasesEndsAndCountsEachProjectOnce() {
        IndexStats s = stats(
                model("a", "FR", "base", "b", "2025-Q1"),
                model("b", "DE", "base", "a", "2025-Q1"));
        assertEquals(2, s.models().baseInstances().total());
    }

    @Test
    void aVocabularyFamilyWinsOverAProjectOfTheSameIdAndAnUnknownNameCountsUnderItself() {
        IndexStats s = stats(
                model("llama", "FR", "scratch", null, "2025-Q1"),
                model("user", "DE", "base", "llama:3; nonesuch:1", "2025-Q1"));
        IndexStats.BaseInstances b = s.models().baseInstances();
        assertEquals(Map.of("llama", 1, "nonesuch", 1), b.byFamily());
        assertEquals("US", b.families().get("llama").vendorCountry());
        assertEquals(Map.of("US", 1, "unknown", 1), b.byVendorCountry());
    }

    @Test
    void releaseStatusListsEveryStatusAndOpenInSomeFormAddsTheThreeOpenOnes() {
        List<Project> ps = new ArrayList<>();
        String[] statuses = {"open_permissive", "open_restricted", "announced_open", "closed", "unclear", "open_permissive"};
        for (int i = 0; i < statuses.length; i++) {
            ps.add(model("m" + i, "FR", "scratch", null, "2025-Q1").with(Schema.RELEASE_STATUS, statuses[i]));
        }
        IndexStats s = Stats.compute(ps, SCHEMA);
        assertEquals(Map.of("open_permissive", 2, "open_restricted", 1, "announced_open", 1, "closed", 1, "unclear", 1),
                s.models().releaseStatus());
        assertEquals(4, s.models().openInSomeForm());
    }

    @Test
    void adoptionCountsProjectsByTheQuarterTheyWereAnnouncedWhateverTheDatePrecision() {
        IndexStats s = stats(
                model("a", "TH", "base", "qwen:2.5; qwen:3", "2025-02"),
                model("b", "UG", "base", "qwen:3", "2025-03-30"),
                model("c", "AE", "base", "qwen:2.5", "2025-Q3"),
                model("d", "AE", "base", "qwen:2.5", "sometime"),
                model("e", "SG", "base", "llama", "2023-Q4"));
        assertEquals(Map.of("2025-Q1", 2, "2025-Q3", 1), s.models().adoptionByQuarter().get("qwen"));
        assertEquals(Map.of("2023-Q4", 1), s.models().adoptionByQuarter().get("llama"));
        assertEquals(4, s.models().baseInstances().byFamily().get("qwen"), "an undated project still counts as an instance");
    }

    @Test
    void buildApproachIsBrokenDownByRegionAndYear() {
        IndexStats s = stats(
                model("a", "EU", "scratch", null, "2025-02-03"),
                model("b", "CH", "scratch", null, "2025-Q3"),
                model("c", "PL", "base", "mistral", "2025-02"),
                model("d", "BR-PI", "undisclosed", null, "2025-06"),
                model("e", "DK", "base", "mistral", "2024-01"));
        Map<String, ? extends Map<String, ? extends Map<String, Integer>>> r = s.models().buildApproachByRegionYear();
        assertEquals(2, r.get("Europe").get("2025").get("scratch"));
        assertEquals(1, r.get("Europe").get("2025").get("base"));
        assertEquals(0, r.get("Europe").get("2025").get("both"), "every approach is listed for a region and year");
        assertEquals(1, r.get("Europe").get("2024").get("base"));
        assertEquals(1, r.get("Latin America").get("2025").get("undisclosed"));
    }

    @Test
    void acceleratorVendorsCountProjectsNamingThemAgainstAllComputeProjects() {
        IndexStats s = stats(
                compute("a", "FR", "nvidia; amd"),
                compute("b", "DE", "nvidia; nvidia"),
                compute("c", "JP", null),
                compute("d", "IN", "amd"));
        assertEquals(4, s.compute().total());
        assertEquals(3, s.compute().namingAcceleratorVendor());
        assertEquals(2, s.compute().acceleratorVendors().get("nvidia"), "a vendor named twice by one project counts once");
        assertEquals(2, s.compute().acceleratorVendors().get("amd"));
        assertEquals(0, s.compute().acceleratorVendors().get("huawei"), "every vendor of the vocabulary is listed");
        assertEquals(0, new BigDecimal("0.5").compareTo(Figures.of(s).get("compute", "acceleratorVendorShare", "nvidia")));
        assertTrue(s.toJsonText().contains("\"nvidia\": 0.5000"), "shares keep four places in stats.json");
    }

    @Test
    void sharesRoundHalfUpToFourPlacesAndPercentsToWholeNumbers() {
        assertEquals(new BigDecimal("0.3889"), Shares.share(14, 36));
        assertEquals(new BigDecimal("0.0000"), Shares.share(0, 0));
        assertEquals("39%", Shares.percent(14, 36));
        assertEquals("3%", Shares.percent(1, 36), "2.78 rounds up");
        assertEquals("13%", Shares.percent(1, 8), "12.5 rounds half up");
        assertEquals("38.9%", Shares.percentOneDecimal(new BigDecimal("0.3889")));
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheRecords() {
        List<Project> ps = new ArrayList<>(List.of(
                model("a", "FR", "base", "b", "2025-Q1"),
                model("b", "DE", "base", "a; gemma", "2025-Q1"),
                model("c", "SG", "both", "qwen; a", "2024-Q1"),
                compute("d", "IN", "amd")));
        String first = Stats.compute(ps, SCHEMA).toJsonText();
        Collections.reverse(ps);
        assertEquals(first, Stats.compute(ps, SCHEMA).toJsonText());
    }

    @Test
    void statsJsonIsNestedObjectsWithTheIssuesKeys() {
        Map<String, Object> json = stats(model("a", "TH", "base", "qwen", "2025-Q1"), compute("b", "FR", "nvidia")).toJson();
        String text = stats(model("a", "TH", "base", "qwen", "2025-Q1"), compute("b", "FR", "nvidia")).toJsonText();
        assertTrue(text.contains("\"baseInstances\": {"), text);
        assertFalse(text.contains("models.baseInstances"), "no dotted keys");
        assertTrue(text.endsWith("}\n"));
        Figures f = Figures.parse(text);
        for (String[] path : new String[][] {
                {"projects", "total"}, {"projects", "jurisdictions"}, {"projects", "byLayer", "compute"},
                {"projects", "byLayer", "models"}, {"projects", "byLayer", "data"},
                {"models", "buildApproach", "scratch"}, {"models", "buildApproach", "base"},
                {"models", "buildApproach", "both"}, {"models", "buildApproach", "undisclosed"},
                {"models", "baseUsingProjects"}, {"models", "baseInstances", "total"},
                {"models", "baseInstances", "byFamily", "qwen"}, {"models", "baseInstances", "byVendorCountry", "CN"},
                {"models", "releaseStatus", "open_permissive"}, {"models", "openInSomeForm"},
                {"models", "adoptionByQuarter", "qwen", "2025-Q1"}, {"compute", "acceleratorVendors", "nvidia"}}) {
            assertTrue(f.values().containsKey(List.of(path)), String.join(".", path));
        }
        assertNull(json.get("models.baseInstances"));
    }
}
