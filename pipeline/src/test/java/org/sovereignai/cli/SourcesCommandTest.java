package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;
import org.sovereignai.sources.TestSite;

class SourcesCommandTest {
    @TempDir
    Path dir;
    TestSite site;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        site.robots("User-agent: *\nDisallow: /private/\n");
        site.html("/news", TestSite.article("2 September 2025", "ad", ""));
        site.html("/private/x", "<title>hidden</title>");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    int sai(String... args) {
        return Sai.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    Path sheet() throws Exception {
        Path csv = dir.resolve("sheet.csv");
        Files.writeString(csv, String.join("\n",
                "id,name,layer,jurisdiction,lead_org,announced,sources,build_approach,base_models,release_status,license",
                "sea-lion,SEA-LION,models,SG,AI Singapore,2023-Q4," + site.url("/news") + ",base,llama:3.1-70b; mistral,open_permissive,Apache-2.0",
                "gone,Gone,models,SG,Nobody,2024-Q1," + site.url("/missing") + "; " + site.url("/private/x") + ",scratch,,closed,",
                ""), StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void checkFetchesEveryUrlStoresTheResultsAndReports() throws Exception {
        Path csv = sheet();
        int code = sai("sources", "check", csv.toString(), "--db", dir.resolve("db").toString(), "--allow-loopback", "--timeout-ms", "2000");
        assertEquals(0, code, err.toString());
        String report = out.toString();
        assertTrue(report.contains("3 URLs, 1 ok, 1 dead, 0 redirected, 0 changed, 1 not checked; 1 uncorroborated claims"), report);
        assertTrue(report.contains(site.url("/missing") + " [HTTP 404] cited by gone"), report);
        assertTrue(report.contains("robots.txt"), report);
        assertTrue(report.contains("uncorroborated-claim at sheet.csv, row 2, column base_models (I2) [sea-lion]"), report);
        assertTrue(report.contains("'mistral'"), report);
        assertTrue(err.toString().contains("checked 3/3"), "plain progress lines when not on a terminal: " + err);
        assertTrue(Files.exists(dir.resolve("db").resolve("sai.mv.db")));
    }

    @Test
    void jsonReportAndStrictModeServeCi() throws Exception {
        Path csv = sheet();
        int code = sai("sources", "check", csv.toString(), "--db", dir.resolve("db").toString(), "--allow-loopback", "--json", "--strict");
        assertEquals(1, code, "a dead source under --strict fails the job");
        Map<?, ?> json = Json.mapper().readValue(out.toString(), Map.class);
        assertEquals(1, ((List<?>) json.get("dead")).size());
        assertEquals(1, ((Map<?, ?>) json.get("counts")).get("notChecked"));
        assertEquals(1, ((List<?>) json.get("notChecked")).size());
        assertEquals(1, json.get("formatVersion"));
    }

    @Test
    void withoutTheTestAllowanceLoopbackIsRefused() throws Exception {
        int code = sai("sources", "check", sheet().toString(), "--db", dir.resolve("db").toString());
        assertEquals(0, code);
        assertTrue(out.toString().contains("3 not checked"), out.toString());
        assertTrue(out.toString().contains("loopback"), out.toString());
    }

    @Test
    void anUnreadableSheetIsAnIoErrorWithoutAStackTrace() {
        int code = sai("sources", "check", dir.resolve("nope.csv").toString(), "--db", dir.resolve("db").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nope.csv"), err.toString());
        assertTrue(!err.toString().contains("Exception"), err.toString());
    }

    @Test
    void candidatesTurnNewUrlsIntoASheetForCurators() throws Exception {
        Path csv = sheet();
        Path txt = dir.resolve("links.txt");
        Files.writeString(txt, site.url("/news") + "\n" + site.url("/fresh") + "\nnot-a-url\n");
        site.html("/fresh", "<html lang=en><head><title>Fresh model | Ministry</title><meta name=date content=2025-10-01></head>"
                + "<body><p>Built on Qwen2.5 and released under the MIT License.</p></body></html>");
        Path outDir = dir.resolve("candidates");
        int code = sai("sources", "candidates", txt.toString(), "--against", csv.toString(), "--out", outDir.toString(), "--allow-loopback");
        assertEquals(1, code, "a line that is not a URL is reported as bad data");
        assertTrue(err.toString().contains("links.txt, line 3"), err.toString());
        assertTrue(out.toString().contains("1 candidate records written"), out.toString());
        Path sheet;
        try (Stream<Path> s = Files.list(outDir)) {
            sheet = s.findFirst().orElseThrow();
        }
        assertEquals("links.csv", sheet.getFileName().toString());
        String text = Files.readString(sheet);
        assertTrue(text.contains("fresh-model,Fresh model,,,,,2025-10-01,,," + site.url("/fresh") + ",,,,qwen,,MIT,"), text);
        assertTrue(!text.contains(site.url("/news")), "already cited URLs are skipped");
    }
}
