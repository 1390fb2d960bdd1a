package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;
import static org.sovereignai.release.TestRecords.model;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;
import org.sovereignai.release.Provenance;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.StatsArtifact;
import org.sovereignai.release.TestRecords;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;

/**
 * The API over HTTP, end to end: two releases made by the real release code in a temporary project, the real server
 * on a loopback port ({@link TestServer}), the JDK HttpClient. Every endpoint, every kind of error, the caching,
 * range, compression and CORS rules, traversal attempts, and the OpenAPI document.
 */
class ApiTest {
    static final String API = "/api/v1";
    /** Markup, a quote, a comma and a line break in one cell: escaped in JSON, quoted in CSV, and one record still. */
    static final String SCRIPT = "<script>alert(1)</script> \"quoted\", and\na second line";

    @TempDir
    static Path home;
    static TestServer server;
    static Path snapshots;

    @BeforeAll
    static void publishTwoReleasesAndStart() throws Exception {
        snapshots = home.resolve("snapshots");
        Path q1 = TestRecords.sheet(home.resolve("q1.csv"),
                compute("c-alpha", "jurisdiction", "FR", "status", "operational", "sources", "https://example.org/a; https://example.org/a2"),
                model("m-base", "build_approach", "scratch", "release_status", "open_permissive", "aliases", "Basis"),
                model("m-child", "base_models", "m-base", "jurisdiction", "JP"),
                model("m-llama", "base_models", "llama:3-8b", "lead_org", "Llama Lab"),
                compute("z-last", "notes", SCRIPT));
        Path q2 = TestRecords.sheet(home.resolve("q2.csv"),
                compute("c-alpha", "name", "Alpha Renamed", "jurisdiction", "FR", "status", "operational", "sources", "https://example.org/a; https://example.org/a2"),
                model("m-base", "build_approach", "scratch", "release_status", "open_permissive", "aliases", "Basis"),
                model("m-child", "base_models", "m-base", "jurisdiction", "JP"),
                model("m-llama", "base_models", "llama:3-8b", "lead_org", "Llama Lab"),
                compute("n-new"),
                compute("z-last", "notes", SCRIPT));
        LocalDate date = LocalDate.of(2026, 4, 2);
        Releases.publish(ReleaseRequest.of("2026-Q1", q1, snapshots, date).withArtifacts(List.of(new StatsArtifact())));
        Releases.publish(ReleaseRequest.of("2026-Q2", q2, snapshots, date.plusMonths(3)).withArtifacts(List.of(new StatsArtifact()))
                .withProvenance(Map.of(new Provenance.Key("c-alpha", "name"), new Provenance("alice", "S1", "B2", "rita"))));
        server = new TestServer(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    static void assertProblem(HttpResponse<String> r, int status, String detailHas) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = json(r);
        assertEquals(status, p.path("status").asInt());
        assertFalse(p.path("title").asText().isEmpty());
        assertTrue(p.path("detail").asText().contains(detailHas), p.path("detail").asText());
        assertFalse(r.body().contains("at org."), "no stack trace: " + r.body());
    }

    @Test
    void theReleasesAreListedWithCountsAndLatestRedirectsShortLived() throws Exception {
        HttpResponse<String> r = server.get(API + "/releases");
        assertEquals(200, r.statusCode());
        assertEquals(Caching.SHORT, r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode n = json(r);
        assertEquals("2026-Q2", n.path("latest").asText());
        assertEquals(2, n.path("releases").size());
        JsonNode q2 = n.path("releases").get(1);
        assertEquals("2026-Q1", q2.path("previous").asText());
        assertEquals("1.1.0", q2.path("version").asText());
        assertEquals(6, q2.path("counts").path("total").asInt());
        assertEquals(3, q2.path("counts").path("compute").asInt());

        HttpResponse<String> latest = server.get(API + "/releases/latest");
        assertEquals(307, latest.statusCode());
        assertEquals(API + "/releases/2026-Q2", latest.headers().firstValue("Location").orElse(""));
        assertEquals(Caching.NO_CACHE, latest.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void aReleaseHasItsManifestSummaryAndLinksToEveryFile() throws Exception {
        HttpResponse<String> r = server.get(API + "/releases/2026-Q1");
        assertEquals(200, r.statusCode());
        assertEquals(Caching.IMMUTABLE, r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode n = json(r);
        assertEquals("1.0.0", n.path("version").asText());
        JsonNode files = n.path("files");
        assertTrue(files.has("projects.json") && files.has("stats.json") && files.has("charts/adoption-by-quarter.svg"), files.toString());
        String href = files.path("CHANGES.md").path("href").asText();
        HttpResponse<byte[]> f = server.getBytes(href);
        assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q1/CHANGES.md")), f.body());
        assertProblem(server.get(API + "/releases/2031-Q1"), 404, "no release '2031-Q1'");
        assertProblem(server.get(API + "/releases/latest-ish"), 404, "published: 2026-Q1, 2026-Q2");
    }

    @Test
    void recordsAreFilteredByLayerJurisdictionFamilyStatusAndText() throws Exception {
        assertEquals(List.of("m-base", "m-child", "m-llama"), ids(API + "/releases/2026-Q1/projects?layer=models"));
        assertEquals(List.of("c-alpha"), ids(API + "/releases/2026-Q1/projects?jurisdiction=FR"));
        // m-child is built on m-base, a project of the index: its root family is m-base, as the figures count it
        assertEquals(List.of("m-child"), ids(API + "/releases/2026-Q1/projects?family=m-base"));
        assertEquals(List.of("m-llama"), ids(API + "/releases/2026-Q1/projects?family=llama"));
        assertEquals(List.of("c-alpha"), ids(API + "/releases/2026-Q1/projects?status=operational&layer=compute"));
        assertEquals(List.of("m-base"), ids(API + "/releases/2026-Q1/projects?q=BASIS"));       // an alias
        assertEquals(List.of("m-llama"), ids(API + "/releases/2026-Q1/projects?q=llama+lab"));  // lead_org
        assertEquals(List.of(), ids(API + "/releases/2026-Q1/projects?q=nothing-like-it"));
        // the record is the line of projects.json, byte for byte
        String line = Files.readAllLines(snapshots.resolve("2026-Q1/projects.json")).get(5);
        assertTrue(line.contains("\"id\":\"z-last\""), line);
        assertTrue(server.get(API + "/releases/2026-Q1/projects?q=z-last").body().contains("[" + line + "]"));
        JsonNode z = json(server.get(API + "/releases/2026-Q1/projects?limit=1&next=m-llama"));
        assertEquals(SCRIPT, z.path("projects").get(0).path("notes").asText());
    }

    @Test
    void pagesFollowTheNextCursorToTheEnd() throws Exception {
        List<String> seen = new ArrayList<>();
        String url = API + "/releases/2026-Q2/projects?limit=4";
        int pages = 0;
        while (url != null) {
            JsonNode page = json(server.get(url));
            for (JsonNode p : page.path("projects")) seen.add(p.path("id").asText());
            url = page.path("links").path("next").isTextual() ? page.path("links").path("next").asText() : null;
            pages++;
        }
        assertEquals(2, pages);
        assertEquals(List.of("c-alpha", "m-base", "m-child", "m-llama", "n-new", "z-last"), seen);
    }

    @Test
    void badParametersAreProblemsThatNameTheParameterAndWhatIsAllowed() throws Exception {
        String p = API + "/releases/2026-Q1/projects";
        assertProblem(server.get(p + "?limit=1001"), 400, "parameter 'limit'");
        assertProblem(server.get(p + "?limit=ten"), 400, "from 1 to 1000");
        assertProblem(server.get(p + "?layer=rockets"), 400, "allowed: compute, models, data");
        assertProblem(server.get(p + "?jurisdiction=XX"), 400, "more (schemas/vocabularies/jurisdictions.csv)");
        assertProblem(server.get(p + "?status=done"), 400, "operational");
        assertProblem(server.get(p + "?sort=name"), 400, "parameter 'sort' is not known here; allowed: family, jurisdiction");
        assertProblem(server.get(p + "?layer=data&layer=models"), 400, "given twice");
        assertProblem(server.get(p + "?next=%3Cx%3E"), 400, "parameter 'next'");
        assertProblem(server.get(API + "/releases?x=1"), 400, "allowed: none");
        assertProblem(server.get(API + "/diff?to=2026-Q2"), 400, "parameter 'from': required");
        assertProblem(server.get(API + "/diff?from=2026-Q1&to=2026-Q2&format=xml"), 400, "allowed: json, md");
        assertProblem(server.get(API + "/diff?from=2026-Q1&to=1999-Q1"), 404, "parameter 'to'");
    }

    @Test
    void projectsAsCsvHaveTheColumnsAndRowsOfProjectsCsv() throws Exception {
        List<String> file = Files.readAllLines(snapshots.resolve("2026-Q1/projects.csv"));
        HttpResponse<String> suffix = server.get(API + "/releases/2026-Q1/projects.csv?layer=models");
        assertEquals(200, suffix.statusCode());
        assertTrue(suffix.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = suffix.body().lines().toList();
        assertEquals(file.get(0), lines.get(0));
        assertEquals(List.of(file.get(2), file.get(3), file.get(4)), lines.subList(1, 4));
        HttpResponse<String> accept = server.get(API + "/releases/2026-Q1/projects?layer=models", "Accept", "text/csv");
        assertEquals(suffix.body(), accept.body());
        assertEquals("Accept", accept.headers().firstValue("Vary").orElse(""));
        String all = Files.readString(snapshots.resolve("2026-Q1/projects.csv"));
        String last = all.substring(all.indexOf("\nz-last,") + 1);
        assertEquals(file.get(0) + "\n" + last, server.get(API + "/releases/2026-Q1/projects.csv?next=n-new").body());
        HttpResponse<String> paged = server.get(API + "/releases/2026-Q1/projects.csv?limit=2");
        assertTrue(paged.headers().firstValue("Link").orElse("").contains("/projects.csv?limit=2&next=m-base"), paged.headers().map().toString());
    }

    @Test
    void oneRecordComesWithItsSourcesAndTheirCheckState() throws Exception {
        JsonNode n = json(server.get(API + "/releases/2026-Q1/projects/c-alpha"));
        assertEquals("c-alpha", n.path("project").path("id").asText());
        assertEquals(2, n.path("sources").size());
        assertEquals("https://example.org/a", n.path("sources").get(0).path("url").asText());
        assertTrue(n.path("sources").get(0).has("state") && n.path("sources").get(0).has("checked_at"));
        assertEquals(API + "/projects/c-alpha/history", n.path("links").path("history").asText());
        assertProblem(server.get(API + "/releases/2026-Q1/projects/n-new"), 404, "holds no record 'n-new'");
    }

    @Test
    void historyListsEveryReleaseWithTheChangeAndWhoProposedAndReviewedIt() throws Exception {
        JsonNode h = json(server.get(API + "/projects/c-alpha/history"));
        assertEquals(2, h.path("releases").size());
        JsonNode first = h.path("releases").get(0);
        assertEquals("2026-Q1", first.path("id").asText());
        assertEquals("added", first.path("change").path("op").asText());
        JsonNode second = h.path("releases").get(1);
        assertEquals("Alpha Renamed", second.path("project").path("name").asText());
        JsonNode field = second.path("change").path("fields").get(0);
        assertEquals("name", field.path("field").asText());
        assertEquals("Project c-alpha", field.path("old").asText());
        assertEquals("alice", field.path("provenance").path("curator").asText());
        assertEquals("rita", field.path("provenance").path("reviewer").asText());
        assertEquals(1, json(server.get(API + "/projects/n-new/history")).path("releases").size());
        assertProblem(server.get(API + "/projects/never-was/history"), 404, "never-was");
    }

    @Test
    void theDiffOfTwoReleasesHasTheShapeOfChangesJsonOrIsMarkdown() throws Exception {
        JsonNode d = json(server.get(API + "/diff?from=2026-Q1&to=2026-Q2"));
        JsonNode published = Json.mapper().readTree(snapshots.resolve("2026-Q2/changes.json").toFile());
        assertEquals(published.path("summary"), d.path("summary"));
        assertEquals(published.path("changes").size(), d.path("changes").size());
        assertEquals(published.path("changes").get(0).path("id"), d.path("changes").get(0).path("id"));
        // from the release's previous release: its own published changes.json, provenance included
        assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q2/changes.json")),
                server.getBytes(API + "/diff?from=2026-Q1&to=2026-Q2").body());
        JsonNode back = json(server.get(API + "/diff?from=2026-Q2&to=2026-Q1"));   // any other pair is computed
        assertEquals(1, back.path("summary").path("removed").asInt());
        assertEquals(1, back.path("summary").path("modified").asInt());
        assertEquals(0, back.path("summary").path("added").asInt());
        HttpResponse<String> md = server.get(API + "/diff?from=2026-Q1&to=2026-Q2&format=md");
        assertTrue(md.headers().firstValue("Content-Type").orElse("").startsWith("text/markdown"));
        assertTrue(md.body().startsWith("# Changes"), md.body());
        assertTrue(server.get(API + "/diff?from=2026-Q2&to=2026-Q1&format=md").body().startsWith("# Changes"));
    }

    @Test
    void statsAndFilesAreThePublishedBytesAndNothingElse() throws Exception {
        HttpResponse<byte[]> stats = server.getBytes(API + "/releases/2026-Q2/stats");
        assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q2/stats.json")), stats.body());
        HttpResponse<byte[]> svg = server.getBytes(API + "/releases/2026-Q2/files/charts/adoption-by-quarter.svg");
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q2/charts/adoption-by-quarter.svg")), svg.body());
        assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q2/manifest.json")),
                server.getBytes(API + "/releases/2026-Q2/files/manifest.json").body());
        Files.writeString(snapshots.resolve("2026-Q2/extra.txt"), "not published");
        Files.writeString(snapshots.resolve("secret.txt"), "outside every release");
        String f = API + "/releases/2026-Q2/files/";
        for (String attempt : List.of("extra.txt", "../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "charts%2Fadoption-by-quarter.svg",
                "%2Fetc%2Fpasswd", "charts/../projects.json", "charts//adoption-by-quarter.svg", "..%5Csecret.txt", "nope", ".%2e/2026-Q1/projects.json")) {
            HttpResponse<String> r = server.get(f + attempt);
            assertEquals(404, r.statusCode(), attempt + ": " + r.body());
            assertFalse(r.body().contains("outside every release") || r.body().contains("not published"), attempt);
        }
        assertEquals(404, server.get(API + "/releases/2026-Q2/../../secret.txt").statusCode());
        // a listed file replaced by a symbolic link to something outside: not served
        Path chart = snapshots.resolve("2026-Q1/charts/base-instances-by-family.svg");
        Files.delete(chart);
        Files.createSymbolicLink(chart, snapshots.resolve("secret.txt"));
        HttpResponse<String> linked = server.get(API + "/releases/2026-Q1/files/charts/base-instances-by-family.svg");
        assertEquals(404, linked.statusCode(), linked.body());
        assertFalse(linked.body().contains("outside every release"));
    }

    @Test
    void etagsAnswer304AndReleasePinnedUrlsAreImmutable() throws Exception {
        for (String url : List.of(API + "/releases/2026-Q1/projects?layer=models", API + "/releases/2026-Q1/files/projects.json",
                API + "/releases/2026-Q1/projects/m-base", API + "/diff?from=2026-Q1&to=2026-Q2", API + "/releases", "/feed.atom")) {
            HttpResponse<String> first = server.get(url);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(url + ": no ETag"));
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
            HttpResponse<String> again = server.get(url, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), url);
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElse(""));
            assertEquals(200, server.get(url, "If-None-Match", "\"other\"").statusCode());
        }
        String fileTag = server.get(API + "/releases/2026-Q1/files/projects.json").headers().firstValue("ETag").orElse("");
        JsonNode manifest = Json.mapper().readTree(snapshots.resolve("2026-Q1/manifest.json").toFile());
        assertEquals("\"" + manifest.path("files").path("projects.json").path("sha256").asText() + "\"", fileTag);
        assertEquals(Caching.IMMUTABLE, server.get(API + "/releases/2026-Q1/projects/m-base").headers().firstValue("Cache-Control").orElse(""));
        // another query, another tag
        assertFalse(server.get(API + "/releases/2026-Q1/projects?layer=data").headers().firstValue("ETag").orElse("").equals(
                server.get(API + "/releases/2026-Q1/projects?layer=models").headers().firstValue("ETag").orElse("x")));
    }

    @Test
    void rangesOfFilesAre206Or416() throws Exception {
        byte[] all = Files.readAllBytes(snapshots.resolve("2026-Q1/projects.csv"));
        String url = API + "/releases/2026-Q1/files/projects.csv";
        HttpResponse<byte[]> part = server.getBytes(url, "Range", "bytes=3-9");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 3-9/" + all.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 3, 10), part.body());
        HttpResponse<byte[]> tail = server.getBytes(url, "Range", "bytes=-5");
        assertArrayEquals(java.util.Arrays.copyOfRange(all, all.length - 5, all.length), tail.body());
        HttpResponse<String> beyond = server.get(url, "Range", "bytes=" + all.length + "-");
        assertProblem(beyond, 416, "bytes=0-" + (all.length - 1));
        assertEquals("bytes */" + all.length, beyond.headers().firstValue("Content-Range").orElse(""));
        assertEquals("bytes", server.get(url).headers().firstValue("Accept-Ranges").orElse(""));
    }

    @Test
    void gzipWhenAskedWithItsOwnTag() throws Exception {
        String url = API + "/releases/2026-Q1/files/projects.json";
        HttpResponse<byte[]> z = server.getBytes(url, "Accept-Encoding", "gzip");
        assertEquals("gzip", z.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("Accept-Encoding", z.headers().firstValue("Vary").orElse(""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z.body()))) {
            assertArrayEquals(Files.readAllBytes(snapshots.resolve("2026-Q1/projects.json")), in.readAllBytes());
        }
        String tag = z.headers().firstValue("ETag").orElse("");
        assertTrue(tag.endsWith("-gz\""), tag);
        assertEquals(304, server.get(url, "If-None-Match", tag).statusCode());
        assertTrue(server.getBytes(url).headers().firstValue("Content-Encoding").isEmpty());
    }

    @Test
    void corsOnEveryAnswerAndOnlyGetAndHead() throws Exception {
        for (String url : List.of(API + "/releases", API + "/releases/2026-Q1/files/stats.json", API + "/releases/9999-Q1", "/feed.atom")) {
            assertEquals("*", server.get(url, "Origin", "https://example.net").headers().firstValue("Access-Control-Allow-Origin").orElse(""), url);
        }
        HttpResponse<String> preflight = server.send("OPTIONS", API + "/releases", "Origin", "https://example.net",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "if-none-match");
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("If-None-Match"));
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = server.send(method, API + "/releases");
            assertProblem(r, 405, method + " is not allowed");
            assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(""));
        }
        HttpResponse<String> head = server.send("HEAD", API + "/releases/2026-Q1/files/projects.csv");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertTrue(head.headers().firstValue("ETag").isPresent());
        assertEquals(Long.toString(Files.size(snapshots.resolve("2026-Q1/projects.csv"))), head.headers().firstValue("Content-Length").orElse(""));
        assertProblem(server.get(API + "/no/such/endpoint"), 404, "openapi.json");
        // only the headers the reply sets: no request header is echoed, no Camel header leaks
        HttpResponse<String> plain = server.get(API + "/releases", "X-Probe", "echo?");
        assertTrue(plain.headers().firstValue("X-Probe").isEmpty());
        assertTrue(plain.headers().map().keySet().stream().noneMatch(k -> k.toLowerCase().startsWith("camel")), plain.headers().map().toString());
    }

    @Test
    void theOpenApiDocumentListsEveryRoute() throws Exception {
        JsonNode doc = json(server.get(API + "/openapi.json"));
        assertTrue(doc.path("openapi").asText().startsWith("3."), doc.path("openapi").asText());
        assertEquals(server.base + API, doc.path("servers").get(0).path("url").asText());
        Set<String> paths = new HashSet<>();
        doc.path("paths").fieldNames().forEachRemaining(paths::add);
        for (String p : List.of("/releases", "/releases/latest", "/releases/{id}", "/releases/{id}/projects", "/releases/{id}/projects.csv",
                "/releases/{id}/projects/{projectId}", "/projects/{projectId}/history", "/diff", "/releases/{id}/stats")) {
            assertTrue(paths.contains(p), p + " missing from " + paths);
            assertTrue(doc.path("paths").path(p).has("get"), p);
        }
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("/releases/{id}/files/")), paths.toString());
        List<String> params = new ArrayList<>();
        doc.path("paths").path("/releases/{id}/projects").path("get").path("parameters").forEach(n -> params.add(n.path("name").asText()));
        assertTrue(params.containsAll(List.of("layer", "jurisdiction", "family", "status", "q", "limit", "next")), params.toString());
    }

    @Test
    void theFeedHasOneEntryPerReleaseNewestFirst() throws Exception {
        HttpResponse<String> r = server.get("/feed.atom");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(r.body()));
        assertEquals(2, feed.getEntries().size());
        assertTrue(feed.getEntries().get(0).getTitle().contains("2026-Q2"));
        assertTrue(feed.getEntries().get(0).getSummary().getValue().contains("1 added, 1 modified, 0 removed"),
                feed.getEntries().get(0).getSummary().getValue());
        assertTrue(feed.getEntries().get(0).getSummary().getValue().contains("Figures: ") && feed.getEntries().get(0).getSummary().getValue().contains("; Projects 5 -> 6 (+1)"),
                feed.getEntries().get(0).getSummary().getValue());
        assertTrue(feed.getEntries().get(0).getAlternateLinks().get(0).getHref().endsWith("/api/v1/releases/2026-Q2/files/CHANGES.md"));
    }

    private static List<String> ids(String url) throws Exception {
        HttpResponse<String> r = server.get(url);
        assertEquals(200, r.statusCode(), url + ": " + r.body());
        List<String> out = new ArrayList<>();
        for (JsonNode p : json(r).path("projects")) out.add(p.path("id").asText());
        return out;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
