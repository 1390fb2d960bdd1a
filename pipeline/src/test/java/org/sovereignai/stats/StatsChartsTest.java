package org.sovereignai.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.stats.TestProjects.SCHEMA;
import static org.sovereignai.stats.TestProjects.model;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sovereignai.sheet.SheetRecords;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The four SVG charts: well-formed, titled, axes labelled, numbers written on them. */
class StatsChartsTest {
    static StatsCharts charts;

    @BeforeAll
    static void onTheFixture() throws Exception {
        charts = new StatsCharts(Stats.compute(SheetRecords.read(FiguresFixtureTest.fixture(), SCHEMA), SCHEMA), SCHEMA);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(String svg) throws Exception {
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getNodeName());
        NodeList nodes = d.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    @Test
    void instancesByFamilyHasTitleAxesAndTheCountsWithShares() throws Exception {
        List<String> t = texts(charts.instancesByFamily());
        assertTrue(t.contains("Base-model instances by family (36 instances in 23 projects)"), t.toString());
        assertTrue(t.contains("Base-model instances") && t.contains("Family"), "both axes are labelled");
        assertTrue(t.containsAll(List.of("Llama", "14 (39%)", "Qwen", "5 (14%)", "Whisper", "3 (8%)")), t.toString());
    }

    @Test
    void instancesByVendorCountryNamesTheCountries() throws Exception {
        List<String> t = texts(charts.instancesByVendorCountry());
        assertTrue(t.containsAll(List.of("United States (US)", "23 (64%)", "France (FR)", "7 (19%)", "Vendor country")), t.toString());
    }

    @Test
    void adoptionShowsEachQuarterWithGapsAndTheTotal() throws Exception {
        List<String> t = texts(charts.adoptionByQuarter());
        assertTrue(t.containsAll(List.of("Qwen", "2023", "2024", "2025", "Q1", "Q4", "total",
                "Quarter the project was announced", "Base-model family")), t.toString());
    }

    @Test
    void europeBuildApproachStacksTheApproachesPerYear() throws Exception {
        String svg = charts.buildApproachByYear("Europe");
        List<String> t = texts(svg);
        assertTrue(t.containsAll(List.of("Build approach of Europe's model projects by year announced", "Year announced",
                "Model projects", "from scratch", "on a base", "2025", "7")), t.toString());
    }

    @Test
    void namesAreEscapedAndAnEmptyIndexStillDrawsValidCharts() throws Exception {
        StatsCharts odd = new StatsCharts(Stats.compute(List.of(
                model("x", "CH", "scratch", null, "2025-Q1").with("name", "R&D <lab> \"x\""),
                model("u", "SG", "base", "x", "2025-Q2")), SCHEMA), SCHEMA);
        assertTrue(texts(odd.instancesByFamily()).contains("R&D <lab> \"x\""));
        StatsCharts empty = new StatsCharts(Stats.compute(List.of(), SCHEMA), SCHEMA);
        for (String svg : List.of(empty.instancesByFamily(), empty.instancesByVendorCountry(), empty.adoptionByQuarter(),
                empty.buildApproachByYear("Europe"))) {
            assertTrue(texts(svg).contains("No data"));
        }
    }

    @Test
    void manyFamiliesAreCappedWithTheRestSummedIntoOneRow() throws Exception {
        List<org.sovereignai.record.Project> ps = new ArrayList<>();
        StringBuilder bases = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            ps.add(model("s" + i, "CH", "scratch", null, "2025-Q1"));
            bases.append("s").append(i).append("; ");
        }
        ps.add(model("user", "SG", "base", bases.toString(), "2025-Q2"));
        StatsCharts many = new StatsCharts(Stats.compute(ps, SCHEMA), SCHEMA);
        List<String> family = texts(many.instancesByFamily());
        assertTrue(family.contains("6 others") && family.contains("6 (24%)"), family.toString());
        List<String> adoption = texts(many.adoptionByQuarter());
        assertTrue(adoption.contains("6 other families") && adoption.contains("6"), adoption.toString());
    }

    @Test
    void theSameFiguresGiveTheSameBytes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Path> a = charts.write(dir.resolve("a"));
        List<Path> b = charts.write(dir.resolve("b"));
        for (int i = 0; i < a.size(); i++) assertEquals(-1L, java.nio.file.Files.mismatch(a.get(i), b.get(i)));
        assertTrue(java.nio.file.Files.readString(a.get(0)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    }
}
