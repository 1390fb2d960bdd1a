package org.sovereignai.sources;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sovereignai.curation.TestDatabase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check runs against a real loopback server and a real H2 file database in a temp folder. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SourceCheckerTest {
    /** The suite runs on each database the program supports. */
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    TestSite site;
    org.sovereignai.curation.CurationDatabase db;
    SourceStore store;
    SourceChecker checker;
    final AtomicReference<String> news = new AtomicReference<>();
    final AtomicReference<Integer> goneStatus = new AtomicReference<>(200);

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        site.robots("User-agent: *\nAllow: /\n");
        news.set(TestSite.article("2 September 2025, 10:15", "Buy shoes", ""));
        site.page("/news", ex -> TestSite.send(ex, 200, "text/html", news.get().getBytes(StandardCharsets.UTF_8)));
        site.page("/gone", ex -> TestSite.send(ex, goneStatus.get(), "text/html", "<title>Here</title><p>text</p>".getBytes(StandardCharsets.UTF_8)));
        site.page("/etag", ex -> {
            ex.getResponseHeaders().add("ETag", "\"e1\"");
            if ("\"e1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) ex.sendResponseHeaders(304, -1);
            else TestSite.send(ex, 200, "text/html", "<title>Tagged</title><p>stable</p>".getBytes(StandardCharsets.UTF_8));
        });
        db = database.open(dir.resolve("db"));
        store = new SourceStore(db.dataSource());
        BatchFetcher batch = new BatchFetcher(new Fetcher(TestSite.policy()));
        checker = new SourceChecker(store, batch::fetchAll, Clock.fixed(Instant.parse("2026-01-15T09:30:00.123Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        db.close();
        site.close();
    }

    SourceCheck only(SourceChecker.Run run) {
        assertEquals(1, run.checks().size());
        return run.checks().get(0);
    }

    @Test
    void aPageWhoseOnlyChangeIsADateStampKeepsItsFingerprint() throws Exception {
        SourceCheck first = only(checker.check(List.of(site.url("/news")), "first", null));
        assertEquals(SourceState.OK, first.state());
        news.set(TestSite.article("Sep 3, 2025 11:20 am", "Buy a car instead", ""));
        SourceCheck second = only(checker.check(List.of(site.url("/news")), "second", null));
        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(SourceState.OK, second.state());
    }

    @Test
    void aPageWhoseTextChangedGetsANewFingerprintAndIsReportedChanged() throws Exception {
        SourceCheck first = only(checker.check(List.of(site.url("/news")), "first", null));
        news.set(TestSite.article("2 September 2025, 10:15", "Buy shoes", "<p>The project has since been cancelled.</p>"));
        SourceCheck second = only(checker.check(List.of(site.url("/news")), "second", null));
        assertNotEquals(first.fingerprint(), second.fingerprint());
        assertEquals(SourceState.CHANGED, second.state());
        SourceCheck third = only(checker.check(List.of(site.url("/news")), "third", null));
        assertEquals(SourceState.OK, third.state(), "changed is relative to the last check");
    }

    @Test
    void aNotModifiedAnswerKeepsTheStoredPageAndIsOk() throws Exception {
        SourceCheck first = only(checker.check(List.of(site.url("/etag")), "first", null));
        SourceCheck second = only(checker.check(List.of(site.url("/etag")), "second", null));
        assertEquals(SourceState.OK, second.state());
        assertEquals(200, second.status());
        assertEquals("Tagged", second.title());
        assertEquals(first.fingerprint(), second.fingerprint());
        TestSite.Hit last = site.hits.stream().filter(h -> h.path().equals("/etag")).reduce((a, b) -> b).orElseThrow();
        assertEquals("\"e1\"", last.headers().get("If-none-match").get(0));
    }

    @Test
    void sourcesCsvRowsComeFromTheStoreAndAreByteStable() throws Exception {
        List<CitedUrl> cited = List.of(new CitedUrl("sea-lion", site.url("/news")), new CitedUrl("sea-lion", site.url("/missing")),
                new CitedUrl("other", site.url("/news")), new CitedUrl("never", "https://example.org/not-checked"));
        SourceChecker.Run run = checker.check(List.of(site.url("/news"), site.url("/missing")), "release", null);
        List<SourceRow> rows = store.rows(cited, run.runId());
        assertEquals(4, rows.size());
        SourceRow ok = rows.get(0);
        assertEquals(200, ok.status());
        assertEquals("SEA-LION v3 released | AI Singapore", ok.title());
        assertEquals("2024-12-19", ok.published());
        assertEquals("2026-01-15T09:30:00Z", ok.checkedAt());
        assertEquals(SourceState.OK, ok.state());
        assertEquals(SourceState.DEAD, rows.get(1).state());
        assertEquals(404, rows.get(1).status());
        assertEquals(List.of("never", "https://example.org/not-checked", "", "", "", "", "", "", ""), rows.get(3).cells());
        byte[] a = SourcesCsv.bytes(rows);
        byte[] b = SourcesCsv.bytes(store.rows(cited, store.latestRun().getAsLong()));
        assertArrayEquals(a, b);
        String text = new String(a, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,url,status,final_url,title,published,checked_at,fingerprint,state\n"), text);
        Path file = dir.resolve("sources.csv");
        Files.write(file, a);
        assertEquals(rows, SourcesCsv.read(file));
    }

    @Test
    void driftListsSourcesThatDiedOrChangedPerRecord() throws Exception {
        List<CitedUrl> cited = List.of(new CitedUrl("a", site.url("/news")), new CitedUrl("b", site.url("/gone")),
                new CitedUrl("c", site.url("/etag")));
        List<String> urls = cited.stream().map(CitedUrl::url).toList();
        long before = checker.check(urls, "2026-Q1", null).runId();
        news.set(TestSite.article("2 September 2025", "Buy shoes", "<p>New paragraph.</p>"));
        goneStatus.set(410);
        long after = checker.check(urls, "2026-Q2", null).runId();
        List<SourceDrift.Entry> drift = store.drift(cited, before, after);
        assertEquals(2, drift.size(), drift.toString());
        assertEquals(new SourceDrift.Entry("a", site.url("/news"), "changed", drift.get(0).then(), drift.get(0).now()), drift.get(0));
        assertNotEquals(drift.get(0).before(), drift.get(0).after());
        assertEquals("b", drift.get(1).id());
        assertEquals("died", drift.get(1).kind());
        assertEquals("dead (HTTP 410)", drift.get(1).after());
        // the same answer from two releases' sources.csv files
        assertEquals(drift, SourceDrift.between(store.rows(cited, before), store.rows(cited, after)));
        String md = SourceDrift.markdown(drift);
        assertTrue(md.startsWith("## Sources to recheck\n\n- `a`\n  - changed: <" + site.url("/news") + "> (main text differs from the earlier check)\n- `b`\n"), md);
        assertTrue(md.contains("died: <" + site.url("/gone") + "> (was ok (HTTP 200), now dead (HTTP 410))"), md);
        assertEquals("", SourceDrift.markdown(List.of()));
    }

    @Test
    void aSourceRedirectedToAnotherSiteIsReportedRedirected() throws Exception {
        try (TestSite elsewhere = new TestSite("127.0.0.2")) {
            elsewhere.html("/landing", "<title>Parked domain</title>");
            site.redirect("/moved", 301, elsewhere.url("/landing"));
            SourceCheck k = only(checker.check(List.of(site.url("/moved")), "run", null));
            assertEquals(SourceState.REDIRECTED, k.state());
            assertEquals(elsewhere.url("/landing"), k.finalUrl());
        }
    }

    @Test
    void theDatabaseSurvivesReopeningAndMigratesOnce() throws Exception {
        checker.check(List.of(site.url("/news")), "first", null);
        db.close();
        db = database.open(dir.resolve("db"));
        store = new SourceStore(db.dataSource());
        assertEquals(1L, store.latestRun().getAsLong());
        Map<String, StoredPage> pages = store.pages(List.of(site.url("/news")));
        assertTrue(pages.get(site.url("/news")).page().text().contains("Meta-Llama"));
        assertNull(store.check("https://example.org/x", 1));
    }
}
