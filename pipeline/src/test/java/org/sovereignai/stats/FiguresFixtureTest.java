package org.sovereignai.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.cli.Sai;
import org.sovereignai.io.Json;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetRecords;

/**
 * The published figures of the index (January 2026), reproduced by the real stats code from the synthetic 139-record
 * fixture (see fixtures/figures/README.md).
 */
class FiguresFixtureTest {
    static final Schema SCHEMA = Schema.bundled();
    static Path fixture;
    static IndexStats stats;

    @BeforeAll
    static void computeOnce() throws Exception {
        fixture = fixture();
        stats = Stats.compute(SheetRecords.read(fixture, SCHEMA), SCHEMA);
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(FiguresFixtureTest.class.getResource("/fixtures/figures/figures-2026-01.csv").toURI());
    }

    @Test
    void theFixtureIsAValidCuratorSheet() {
        List<Project> rows = new ArrayList<>();
        Report report = new Validator(SCHEMA).validate(fixture, null, r -> rows.add(r.project()));
        assertEquals(0, report.errors(), () -> report.findings().toString());
        assertEquals(139, report.records());
        assertTrue(rows.stream().allMatch(p -> p.id().startsWith("synthetic-")
                && p.get(Schema.NOTES).startsWith("SYNTHETIC test record")), "every record is labelled synthetic");
    }

    @Test
    void projectsJurisdictionsAndLayers() {
        assertEquals(139, stats.projects().total());
        assertEquals(56, stats.projects().jurisdictions());
        assertEquals(Map.of("compute", 82, "models", 50, "data", 7), stats.projects().byLayer());
        assertEquals("36%", Shares.percent(stats.models().total(), stats.projects().total()));
    }

    @Test
    void buildApproaches() {
        assertEquals(Map.of("scratch", 17, "base", 19, "both", 4, "undisclosed", 10), stats.models().buildApproach());
        assertEquals(23, stats.models().baseUsingProjects());
    }

    @Test
    void baseModelInstancesByFamilyVendorAndCountry() {
        IndexStats.BaseInstances b = stats.models().baseInstances();
        assertEquals(36, b.total());
        assertEquals(14, b.byFamily().get("llama"));
        assertEquals(6, b.byFamily().get("mistral"));
        assertEquals(1, b.byFamily().get("mixtral"));
        assertEquals(7, b.byVendor().get("Mistral AI"), "Mistral + Mixtral");
        assertEquals(6, b.projectsByVendor().get("Mistral AI"), "in six projects, one of which uses both");
        assertEquals(6, b.byFamily().get("gemma"));
        assertEquals(5, b.byFamily().get("qwen"));
        assertEquals(3, b.byFamily().get("whisper"));
        assertEquals(1, b.byFamily().get("synthetic-m-ch-scratch-apertus"), "the one other family: a sovereign model");
        assertEquals(7, b.byFamily().size(), "six vocabulary families and one sovereign root");
        assertEquals(Map.of("US", 23, "FR", 7, "CN", 5, "CH", 1), b.byVendorCountry());
        assertEquals("64%", Shares.percent(b.byVendorCountry().get("US"), b.total()), "nearly two-thirds");
        assertEquals("39%", Shares.percent(b.byFamily().get("llama"), b.total()));
        assertEquals("19%", Shares.percent(7, b.total()));
        assertEquals("17%", Shares.percent(b.byFamily().get("gemma"), b.total()));
        assertEquals("14%", Shares.percent(b.byFamily().get("qwen"), b.total()));
        assertEquals("8%", Shares.percent(b.byFamily().get("whisper"), b.total()));
    }

    @Test
    void releaseStatusAndOpenInSomeForm() {
        assertEquals(Map.of("open_permissive", 26, "open_restricted", 11, "announced_open", 6, "closed", 3, "unclear", 4),
                stats.models().releaseStatus());
        assertEquals(43, stats.models().openInSomeForm());
        assertEquals("86%", Shares.percent(stats.models().openInSomeForm(), stats.models().total()));
    }

    @Test
    void qwenGainedOneNewProjectEachQuarterOf2025AfterOneIn2023() {
        assertEquals(Map.of("2023-Q4", 1, "2025-Q1", 1, "2025-Q2", 1, "2025-Q3", 1, "2025-Q4", 1),
                stats.models().adoptionByQuarter().get("qwen"));
    }

    @Test
    void noMistralOrMixtralProjectAfterPllumInFebruary2025() {
        for (String family : List.of("mistral", "mixtral")) {
            String last = stats.models().adoptionByQuarter().get(family).lastKey();
            assertEquals("2025-Q1", last, family);
        }
    }

    @Test
    void nvidiaIsNamedBy43Of82ComputeProjects() {
        assertEquals(82, stats.compute().total());
        assertEquals(43, stats.compute().acceleratorVendors().get("nvidia"));
        assertEquals("52%", Shares.percent(43, stats.compute().total()));
    }

    @Test
    void europe2025ModelsCameMostlyFromScratch() {
        Map<String, Integer> europe2025 = stats.models().buildApproachByRegionYear().get("Europe").get("2025");
        assertEquals(5, europe2025.get("scratch"));
        assertEquals(2, europe2025.get("base"));
    }

    /** The same figures through the command line, as stats.json with exactly the keys the issue names. */
    @Test
    void theStatsCommandPublishesEveryFigureUnderItsKey() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Sai.run(new PrintWriter(out), new PrintWriter(err), "stats", fixture.toString(), "--format", "json");
        assertEquals(0, code, err.toString());
        JsonNode j = Json.mapper().readTree(out.toString());
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        expected.put("/projects/total", 139);
        expected.put("/projects/jurisdictions", 56);
        expected.put("/projects/byLayer/compute", 82);
        expected.put("/projects/byLayer/models", 50);
        expected.put("/projects/byLayer/data", 7);
        expected.put("/models/buildApproach/scratch", 17);
        expected.put("/models/buildApproach/base", 19);
        expected.put("/models/buildApproach/both", 4);
        expected.put("/models/buildApproach/undisclosed", 10);
        expected.put("/models/baseUsingProjects", 23);
        expected.put("/models/baseInstances/total", 36);
        expected.put("/models/baseInstances/byFamily/llama", 14);
        expected.put("/models/baseInstances/byFamily/mistral", 6);
        expected.put("/models/baseInstances/byFamily/mixtral", 1);
        expected.put("/models/baseInstances/byFamily/gemma", 6);
        expected.put("/models/baseInstances/byFamily/qwen", 5);
        expected.put("/models/baseInstances/byFamily/whisper", 3);
        expected.put("/models/baseInstances/byVendor/Mistral AI", 7);
        expected.put("/models/baseInstances/byVendorCountry/US", 23);
        expected.put("/models/baseInstances/byVendorCountry/FR", 7);
        expected.put("/models/baseInstances/byVendorCountry/CN", 5);
        expected.put("/models/releaseStatus/open_permissive", 26);
        expected.put("/models/releaseStatus/open_restricted", 11);
        expected.put("/models/releaseStatus/announced_open", 6);
        expected.put("/models/releaseStatus/closed", 3);
        expected.put("/models/releaseStatus/unclear", 4);
        expected.put("/models/openInSomeForm", 43);
        expected.put("/models/adoptionByQuarter/qwen/2025-Q1", 1);
        expected.put("/models/adoptionByQuarter/qwen/2025-Q4", 1);
        expected.put("/compute/acceleratorVendors/nvidia", 43);
        expected.forEach((pointer, value) -> {
            JsonNode node = j.at(pointer.replace(" ", " "));
            assertTrue(node.isInt(), pointer + " is a count, got " + node);
            assertEquals(value, node.intValue(), pointer);
        });
        assertEquals(new BigDecimal("0.3889"), j.at("/models/baseInstances/shareByFamily/llama").decimalValue());
        assertEquals(new BigDecimal("0.5244"), j.at("/compute/acceleratorVendorShare/nvidia").decimalValue());
    }
}
