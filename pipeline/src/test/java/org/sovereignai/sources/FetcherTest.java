package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher and parser against a real HTTP server on loopback, one page per behaviour of issue 6. */
class FetcherTest {
    static TestSite site;
    static Fetcher fetcher;
    static BatchFetcher batch;
    static final AtomicInteger flaky = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        site = new TestSite();
        site.robots("User-agent: *\nDisallow: /private/\n\nUser-agent: SomeOtherBot\nDisallow: /\n");
        site.html("/article", TestSite.article("2 September 2025", "Buy now!", ""));
        site.redirect("/r1", 302, "/r2").redirect("/r2", 301, site.url("/r3")).redirect("/r3", 307, "/article");
        site.redirect("/loop-a", 302, "/loop-b").redirect("/loop-b", 302, "/loop-a");
        for (int i = 0; i < 7; i++) site.redirect("/hop" + i, 302, "/hop" + (i + 1));
        site.html("/hop7", "<title>end</title>");
        site.page("/flaky", ex -> {
            if (flaky.getAndIncrement() == 0) TestSite.send(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
            else TestSite.send(ex, 200, "text/html", "<title>Back again</title><p>fine</p>".getBytes(StandardCharsets.UTF_8));
        });
        site.page("/busy", ex -> TestSite.send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8)));
        site.page("/always-500", ex -> TestSite.send(ex, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        site.page("/slow", ex -> {
            Thread.sleep(2000);
            TestSite.send(ex, 200, "text/html", "<title>late</title>".getBytes(StandardCharsets.UTF_8));
        });
        site.page("/big", ex -> TestSite.send(ex, 200, "text/html", new byte[300_000]));
        site.page("/big-chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (var out = ex.getResponseBody()) {
                byte[] chunk = new byte[16_384];
                for (int i = 0; i < 200; i++) out.write(chunk);
            }
        });
        site.page("/paper.pdf", ex -> TestSite.send(ex, 200, "application/pdf", pdf()));
        Charset cp1252 = Charset.forName("windows-1252");
        site.page("/cp1252-meta", ex -> TestSite.send(ex, 200, "text/html",
                "<html><head><meta charset=windows-1252><title>Café “naïve” – résumé</title></head><body>Été</body></html>".getBytes(cp1252)));
        site.page("/utf8-labelled-latin1", ex -> TestSite.send(ex, 200, "text/html; charset=ISO-8859-1",
                "<html><head><title>Forschungszentrum Jülich – Łódź</title></head><body>JUPITER in Jülich</body></html>"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        site.page("/cp1252-bare", ex -> TestSite.send(ex, 200, "text/html",
                "<html><head><title>Café “naïve” – résumé</title></head><body>Été</body></html>".getBytes(cp1252)));
        site.html("/malformed", "<html><head><title>Broken <b>page</title><body><p>Open <div>unclosed <table><tr><td>cell"
                + "<p>Llama 3.1 mentioned</i></span></html></html><script>document.write('x')");
        site.html("/private/secret", "<title>secret</title>");
        site.page("/etag", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 02 Sep 2025 10:00:00 GMT");
            if ("\"v1\"".equals(inm)) ex.sendResponseHeaders(304, -1);
            else TestSite.send(ex, 200, "text/html", "<title>Tagged</title><p>stable text</p>".getBytes(StandardCharsets.UTF_8));
        });
        site.redirect("/to-private", 302, "http://10.0.0.1/admin");
        site.redirect("/to-metadata", 302, "http://169.254.169.254/latest/meta-data/");
        site.redirect("/to-file", 302, "file:///etc/passwd");
        fetcher = new Fetcher(TestSite.policy());
        batch = new BatchFetcher(fetcher);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    FetchedPage get(String path) throws InterruptedException {
        return batch.fetchOne(site.url(path), null);
    }

    @Test
    void aNormalArticleIsFetchedAndItsMetadataRead() throws Exception {
        FetchedPage f = get("/article");
        assertTrue(f.outcome().ok(), f.outcome().detail());
        assertEquals(200, f.outcome().status());
        assertEquals(site.url("/article"), f.outcome().finalUrl());
        PageInfo p = f.page();
        assertEquals("text/html", p.contentType());
        assertEquals("UTF-8", p.charset());
        assertEquals("SEA-LION v3 released | AI Singapore", p.title());
        assertEquals(site.url("/news/sea-lion-v3"), p.canonical());
        assertEquals("AI Singapore releases SEA-LION v3, built on Gemma 2 and Llama 3.1.", p.description());
        assertEquals("en-SG", p.language());
        assertEquals("2024-12-19", p.published());
        assertEquals("2025-01-05", p.modified());
        assertEquals(64, p.fingerprint().length());
        assertTrue(p.text().contains("Meta-Llama 3.1"));
        assertFalse(p.text().contains("var tracking"), "scripts are not evidence text");
    }

    @Test
    void theRequestCarriesAClearUserAgent() throws Exception {
        get("/article");
        TestSite.Hit hit = site.hits.stream().filter(h -> h.path().equals("/article")).findFirst().orElseThrow();
        assertTrue(hit.headers().get("User-agent").get(0).startsWith(FetchPolicy.AGENT_TOKEN + "/"));
    }

    @Test
    void aRedirectChainIsFollowedToItsEnd() throws Exception {
        FetchedPage f = get("/r1");
        assertTrue(f.outcome().ok());
        assertEquals(site.url("/article"), f.outcome().finalUrl());
        assertEquals(3, f.outcome().redirects());
        assertEquals("SEA-LION v3 released | AI Singapore", f.page().title());
    }

    @Test
    void aRedirectLoopIsDetectedNotFollowedForever() throws Exception {
        FetchOutcome o = get("/loop-a").outcome();
        assertEquals(Failure.REDIRECT_LOOP, o.failure());
        assertTrue(Failure.REDIRECT_LOOP.dead());
    }

    @Test
    void moreThanFiveRedirectsAreRefused() throws Exception {
        FetchOutcome o = get("/hop0").outcome();
        assertEquals(Failure.TOO_MANY_REDIRECTS, o.failure());
        assertEquals(5, o.redirects());
        assertEquals(0, site.hitsOn("/hop6"), "the sixth redirect is never requested");
    }

    @Test
    void aMissingPageIsDeadWithItsStatus() throws Exception {
        FetchOutcome o = get("/missing").outcome();
        assertEquals(Failure.HTTP_ERROR, o.failure());
        assertEquals(404, o.status());
        assertEquals(1, o.attempts(), "4xx is never retried");
    }

    @Test
    void aRateLimitedAnswerIsNotCheckedRatherThanDead() throws Exception {
        FetchOutcome o = get("/busy").outcome();
        assertEquals(Failure.RATE_LIMITED, o.failure());
        assertFalse(o.failure().dead());
        assertEquals(1, o.attempts(), "only 5xx and timeouts are retried");
    }

    @Test
    void aServerErrorIsRetriedAndTheSecondAnswerCounts() throws Exception {
        FetchedPage f = get("/flaky");
        assertTrue(f.outcome().ok(), f.outcome().detail());
        assertEquals(2, f.outcome().attempts());
        assertEquals("Back again", f.page().title());
    }

    @Test
    void retriesAreBounded() throws Exception {
        FetchOutcome o = get("/always-500").outcome();
        assertEquals(500, o.status());
        assertEquals(3, o.attempts(), "one try and two retries");
        assertEquals(3, site.hitsOn("/always-500"));
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        long t0 = System.nanoTime();
        FetchOutcome o = get("/slow").outcome();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Failure.TIMEOUT, o.failure());
        assertEquals(3, o.attempts(), "timeouts are retried");
        assertTrue(ms < 1800, "gave up after " + ms + " ms, before the server answered");
    }

    @Test
    void aBodyOverTheCapIsAbandoned() throws Exception {
        BatchFetcher small = new BatchFetcher(new Fetcher(TestSite.policy().withMaxBodyBytes(100_000)));
        FetchOutcome declared = small.fetchOne(site.url("/big"), null).outcome();
        assertEquals(Failure.TOO_LARGE, declared.failure());
        FetchOutcome streamed = small.fetchOne(site.url("/big-chunked"), null).outcome();
        assertEquals(Failure.TOO_LARGE, streamed.failure());
        assertEquals(1, streamed.attempts(), "an oversized body is not retried");
    }

    @Test
    void theDefaultCapIsFiveMegabytes() {
        assertEquals(5L * 1024 * 1024, FetchPolicy.defaults().maxBodyBytes());
        assertEquals(5, FetchPolicy.defaults().maxRedirects());
        assertEquals(2, FetchPolicy.defaults().perHostConcurrency());
        assertEquals(Duration.ofMillis(100), FetchPolicy.defaults().perHostInterval());
        assertFalse(FetchPolicy.defaults().allowLoopback());
    }

    @Test
    void aPdfGetsTypeSizeAndHashOnly() throws Exception {
        FetchedPage f = get("/paper.pdf");
        PageInfo p = f.page();
        assertEquals("application/pdf", p.contentType());
        assertEquals(pdf().length, p.bytes());
        assertEquals(org.sovereignai.io.Hashes.sha256(pdf()), p.sha256());
        assertEquals(p.sha256(), p.fingerprint());
        assertNull(p.title());
        assertNull(p.text());
    }

    @Test
    void aWindows1252PageWithoutACharsetHeaderDecodesCorrectly() throws Exception {
        assertEquals("Café “naïve” – résumé", get("/cp1252-meta").page().title());
        PageInfo bare = get("/cp1252-bare").page();
        assertEquals("Café “naïve” – résumé", bare.title(), "no declaration anywhere: bytes that are not UTF-8 read as windows-1252");
        assertEquals("windows-1252", bare.charset());
    }

    @Test
    void aUtf8PageMislabelledAsLatin1IsReadAsUtf8NotStoredAsMojibake() throws Exception {
        PageInfo p = get("/utf8-labelled-latin1").page();
        assertEquals("Forschungszentrum Jülich – Łódź", p.title());
        assertEquals("UTF-8", p.charset());
        assertTrue(p.text().contains("JUPITER in Jülich"), p.text());
        // a real Latin-1 page keeps its declared reading
        assertEquals("Café “naïve” – résumé", get("/cp1252-meta").page().title());
    }

    @Test
    void malformedHtmlIsReadLikeABrowserWould() throws Exception {
        FetchedPage f = get("/malformed");
        assertTrue(f.outcome().ok());
        assertEquals("Broken <b>page", f.page().title());
        assertTrue(f.page().text().contains("Llama 3.1 mentioned"));
        assertNotEquals(null, f.page().fingerprint());
    }

    @Test
    void robotsTxtIsHonouredAndFetchedOncePerHost() throws Exception {
        BatchFetcher fresh = new BatchFetcher(new Fetcher(TestSite.policy()));
        long robotsBefore = site.hitsOn("/robots.txt");
        FetchOutcome o = fresh.fetchOne(site.url("/private/secret"), null).outcome();
        assertEquals(Failure.ROBOTS, o.failure());
        assertEquals(0, site.hitsOn("/private/secret"));
        assertTrue(fresh.fetchOne(site.url("/article"), null).outcome().ok());
        fresh.fetchOne(site.url("/r1"), null);
        assertEquals(1, site.hitsOn("/robots.txt") - robotsBefore);
    }

    @Test
    void aConditionalGetAnswered304KeepsTheStoredPage() throws Exception {
        FetchedPage first = get("/etag");
        assertEquals("\"v1\"", first.outcome().etag());
        CachedValidators cached = new CachedValidators(first.outcome().finalUrl(), first.outcome().etag(), first.outcome().lastModified());
        FetchedPage second = batch.fetchOne(site.url("/etag"), cached);
        assertTrue(second.outcome().notModified());
        assertEquals(304, second.outcome().status());
        assertNull(second.page(), "nothing new to parse");
        TestSite.Hit last = site.hits.stream().filter(h -> h.path().equals("/etag")).reduce((a, b) -> b).orElseThrow();
        assertEquals("\"v1\"", last.headers().get("If-none-match").get(0));
        assertEquals("Tue, 02 Sep 2025 10:00:00 GMT", last.headers().get("If-modified-since").get(0));
    }

    @Test
    void aRedirectIntoAPrivateAddressIsRefused() throws Exception {
        FetchOutcome o = get("/to-private").outcome();
        assertEquals(Failure.REFUSED_ADDRESS, o.failure());
        assertTrue(o.detail().contains("redirect refused"), o.detail());
        assertEquals("http://10.0.0.1/admin", o.finalUrl());
        assertEquals(Failure.REFUSED_ADDRESS, get("/to-metadata").outcome().failure());
        assertEquals(Failure.REFUSED_SCHEME, get("/to-file").outcome().failure());
    }

    @Test
    void loopbackIsRefusedUnlessTheTestAllowanceIsOn() throws Exception {
        Fetcher strict = new Fetcher(TestSite.policy().withAllowLoopback(false));
        FetchOutcome o = strict.fetch(site.url("/article"), null);
        assertEquals(Failure.REFUSED_ADDRESS, o.failure());
        assertTrue(o.detail().contains("loopback"), o.detail());
    }

    @Test
    void anUnknownHostIsDeadByDns() throws Exception {
        FetchOutcome o = fetcher.fetch("http://no-such-host.invalid/page", null);
        assertEquals(Failure.DNS, o.failure());
        assertTrue(o.failure().dead());
    }

    @Test
    void noHostEverServesMoreThanTwoOfOurRequestsAtOnce() throws Exception {
        try (TestSite other = new TestSite("127.0.0.3")) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            other.page("/slowish", ex -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(30);
                running.decrementAndGet();
                TestSite.send(ex, 200, "text/html", "<title>ok</title>".getBytes(StandardCharsets.UTF_8));
            });
            Fetcher limited = new Fetcher(TestSite.policy().withHostLimits(2, Duration.ofMillis(1)));
            List<String> urls = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) urls.add(other.url("/slowish?n=" + i));
            List<FetchedPage> pages = new BatchFetcher(limited).fetchAll(new BatchFetcher.Batch(urls, null, null));
            assertTrue(pages.stream().allMatch(p -> p.outcome().ok()));
            assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
        }
    }
}
