package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.sovereignai.io.Json;
import org.sovereignai.release.Provenance;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.StatsArtifact;

/**
 * The pages, read in a real browser (headless Chromium) from the real server: the bundled 2025-Q4 release and a
 * 2026-Q1 published after it by the release code, with curators' provenance and a record whose notes hold markup.
 * Each page's screenshot goes to target/screenshots/ (or where -Dsai.screenshots says; docs/screenshots/ holds the README's).
 */
class PagesBrowserTest {
    static final String HOSTILE = "<script>document.title='owned'</script><img src=x onerror=alert(1)> & more";

    @TempDir
    static Path home;
    static TestServer server;
    static Browser browser;
    static int models;

    @BeforeAll
    static void publishAQuarterAfterTheBundledReleaseAndOpenABrowser() throws Exception {
        Path bundled = Path.of(System.getProperty("sai.home"), "snapshots");
        Path snapshots = home.resolve("snapshots");
        copy(bundled.resolve("2025-Q4"), snapshots.resolve("2025-Q4"));
        Path sheet = home.resolve("2026-Q1.csv");
        models = rewrite(bundled.resolve("2025-Q4/projects.csv"), sheet);
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet, snapshots, LocalDate.of(2026, 3, 31))
                .withArtifacts(List.of(new StatsArtifact()))
                .withProvenance(Map.of(
                        new Provenance.Key("sea-lion", "funding_usd"), new Provenance("alice", "S1", "B2", "lead"),
                        new Provenance.Key("sea-lion", "notes"), new Provenance("alice", "S1", "E2", "lead"),
                        new Provenance.Key("isambard-ai", "notes"), new Provenance("bob", "S2", "D3", "lead"))));
        server = new TestServer(home);
        browser = Browser.open();
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void theHomePageListsEveryReleaseNewestFirst() throws Exception {
        browser.go(server.base + "/");
        List<String> releases = new ArrayList<>();
        for (WebElement a : browser.all("table.releases tbody tr td:first-child a")) releases.add(a.getText());
        assertEquals(List.of("2026-Q1", "2025-Q4"), releases);
        assertEquals("/api/v1/releases", attribute("link[rel=alternate][type='application/json']", "href").replace(server.base, ""));
        browser.screenshot("releases");
    }

    @Test
    void aReleasePageShowsItsFiguresWithDeltasItsChartsItsChangesAndItsDownloads() throws Exception {
        browser.go(server.base + "/");
        browser.find("table.releases a[href='/releases/2026-Q1']").click();
        assertEquals("Release 2026-Q1", browser.find("h1").getText());
        List<WebElement> figures = browser.all("dl.figures div");
        assertTrue(figures.size() >= 5, "figures: " + figures.size());
        assertTrue(browser.find("#figures p.note").getText().contains("since 2025-Q4"));
        for (WebElement f : figures) assertTrue(f.getText().matches("(?s).*\\n\\d+ (±0|[+−]\\d+)"), "a figure and its delta: " + f.getText());
        List<WebElement> charts = browser.all(".charts img");
        assertEquals(4, charts.size());
        for (WebElement img : charts) {
            scrollTo(img);
            Object width = js().executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
            assertTrue(width instanceof Number n && n.intValue() > 0, "chart loaded: " + img.getAttribute("src"));
        }
        WebElement seaLion = browser.find("article.change.modified a[href='/releases/2026-Q1/projects/sea-lion']");
        assertEquals("SEA-LION", seaLion.getText());
        String changes = browser.find("#changes").getText();
        assertTrue(changes.contains("70000000"), changes);
        assertTrue(changes.contains("proposed by alice (submission S1, B2), reviewed by lead"), changes);
        assertTrue(changes.contains("3 modified"), changes);
        List<String> downloads = new ArrayList<>();
        for (WebElement a : browser.all("table.downloads a")) downloads.add(a.getText());
        assertTrue(downloads.containsAll(List.of("projects.csv", "projects.json", "changes.json", "CHANGES.md")), downloads.toString());
        HttpResponse<String> csv = server.get(attribute("table.downloads a[href$='/projects.csv']", "href").replace(server.base, ""));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("id,"));
        jsonTwinAnswers();
        browser.screenshot("release");
    }

    @Test
    void aProjectPageShowsEveryFieldItsSourcesAndItsHistoryWithProvenance() throws Exception {
        browser.go(server.base + "/releases/2026-Q1");
        browser.find("a[href='/releases/2026-Q1/projects/sea-lion']").click();
        assertEquals("SEA-LION", browser.find("h1").getText());
        String record = browser.find("table.record").getText();
        assertTrue(record.contains("funding_usd 70000000"), record);
        assertTrue(record.contains("jurisdiction SG"), record);
        assertFalse(browser.all("table.sources tbody tr").isEmpty(), "its cited sources are listed");
        List<WebElement> history = browser.all("ol.history > li");
        assertEquals(2, history.size());
        assertTrue(history.get(0).getText().startsWith("2025-Q4") && history.get(0).getText().contains("ADDED"), history.get(0).getText());
        assertTrue(history.get(1).getText().contains("proposed by alice (submission S1, E2), reviewed by lead"), history.get(1).getText());
        jsonTwinAnswers();
        browser.screenshot("project");
    }

    @Test
    void theSearchPageFiltersARelease() throws Exception {
        browser.go(server.base + "/releases/2026-Q1/projects");
        new Select(browser.find("select[name=layer]")).selectByValue("models");
        browser.find("form.filters button").click();
        // the form sends its empty fields too; the server answers with the same search's own address
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(server.base + "/releases/2026-Q1/projects?layer=models"));
        List<WebElement> layers = browser.all("table.hits tbody td:nth-child(2)");
        assertEquals(models, layers.size());
        for (WebElement l : layers) assertEquals("models", l.getText());
        assertEquals("models", new Select(browser.find("select[name=layer]")).getFirstSelectedOption().getText());
        jsonTwinAnswers();
        browser.screenshot("search");

        browser.go(server.base + "/releases/2026-Q1/projects?layer=models&limit=10");
        String first = browser.all("table.hits tbody tr").get(0).getText();
        assertEquals(10, browser.all("table.hits tbody tr").size());
        browser.find("a.next").click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("next="));
        assertFalse(browser.all("table.hits tbody tr").get(0).getText().equals(first), "the next page starts after the first");

        browser.go(server.base + "/releases/2026-Q1/projects?q=sea-lion");
        assertEquals(List.of("SEA-LION"), browser.all("table.hits tbody td:first-child a").stream().map(WebElement::getText).toList());
    }

    @Test
    void markupInARecordIsShownAsTextAndNeverRuns() throws Exception {
        for (String page : List.of("/releases/2026-Q1/projects/alps", "/releases/2026-Q1")) {
            browser.go(server.base + page);
            assertTrue(browser.find("main").getText().contains(HOSTILE), page);
            assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), page);
            assertFalse(browser.driver().getTitle().contains("owned"), page);
            assertEquals(0L, js().executeScript("return document.querySelectorAll('main script, main img[src=x]').length"), page);
        }
        HttpResponse<String> r = server.get("/releases/2026-Q1/projects/alps");
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
    }

    @Test
    void thePagesFitAPhoneScreen() throws Exception {
        try (Browser phone = Browser.open(390, 844)) {
            for (String page : List.of("/", "/releases/2026-Q1", "/releases/2026-Q1/projects/sea-lion", "/releases/2026-Q1/projects")) {
                phone.go(server.base + page);
                phone.find("h1");
                Object overflow = ((JavascriptExecutor) phone.driver()).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0L, ((Number) overflow).longValue(), page + " scrolls sideways on a phone");
            }
            phone.go(server.base + "/releases/2026-Q1");
            phone.screenshot("release-phone");
        }
    }

    @Test
    void anUnknownReleaseOrProjectIsAPageWithTheProblemsStatusAndDetail() throws Exception {
        browser.go(server.base + "/releases/1999-Q1");
        assertEquals("Not Found", browser.find("h1").getText());
        assertTrue(browser.find("p.problem").getText().contains("no release '1999-Q1'"), browser.find("p.problem").getText());
        HttpResponse<String> r = server.get("/releases/2026-Q1/projects/no-such-thing");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(400, server.get("/releases/2026-Q1/projects?layer=everything").statusCode());
        assertEquals(404, server.get("/no/such/page").statusCode());
        assertEquals(405, server.send("POST", "/releases/2026-Q1").statusCode());
    }

    /** The page's JSON twin, as its link names it, answers JSON. */
    private static void jsonTwinAnswers() throws Exception {
        String twin = attribute("a.twin", "href").replace(server.base, "");
        HttpResponse<String> r = server.get(twin);
        assertEquals(200, r.statusCode(), twin);
        Json.mapper().readTree(r.body());
    }

    private static String attribute(String css, String name) {
        return browser.find(css).getAttribute(name);
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    private static void scrollTo(WebElement e) {
        js().executeScript("arguments[0].scrollIntoView()", e);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(js().executeScript("return arguments[0].complete", e)));
    }

    /**
     * The bundled records with a quarter's edits: SEA-LION funded, Isambard-AI's notes updated, markup in Alps'
     * notes. Returns how many models records the sheet holds.
     */
    private static int rewrite(Path projectsCsv, Path sheet) throws Exception {
        int models = 0;
        try (Reader in = Files.newBufferedReader(projectsCsv, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             Writer w = Files.newBufferedWriter(sheet, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180)) {
            List<String> header = csv.getHeaderNames();
            out.printRecord(header);
            for (CSVRecord r : csv) {
                List<String> row = new ArrayList<>(r.toList());
                String id = r.get("id");
                if (id.equals("sea-lion")) {
                    row.set(header.indexOf("funding_usd"), "70000000");
                    row.set(header.indexOf("notes"), "Funding per the National AI Strategy 2.0 update");
                }
                if (id.equals("isambard-ai")) row.set(header.indexOf("notes"), "Phase 2 in service since 2025-07");
                if (id.equals("alps")) row.set(header.indexOf("notes"), HOSTILE);
                if (r.get("layer").equals("models")) models++;
                out.printRecord(row);
            }
        }
        return models;
    }

    /** A copy of a folder tree (a bundled release into a test's project). */
    static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
