package org.sovereignai.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback address for the tests: pages are registered per path and can be swapped
 * between fetches; every request is recorded (path, request headers, arrival time).
 */
public final class TestSite implements AutoCloseable {
    @FunctionalInterface
    public interface Page {
        void serve(HttpExchange ex) throws IOException, InterruptedException;
    }

    public record Hit(String path, String query, Map<String, List<String>> headers, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-site");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    public final List<Hit> hits = new CopyOnWriteArrayList<>();

    public TestSite(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 100);
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            try {
                hits.add(new Hit(ex.getRequestURI().getPath(), ex.getRequestURI().getQuery(), Map.copyOf(ex.getRequestHeaders()), System.nanoTime()));
                Page p = pages.get(ex.getRequestURI().getPath());
                if (p == null) send(ex, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
                else p.serve(ex);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (timeouts, size caps): nothing to answer
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    public TestSite() throws IOException {
        this("127.0.0.1");
    }

    /** http://127.0.0.1:PORT */
    public String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    /** The URL under the host name {@code localhost}: what a record may cite (the contract accepts no IP addresses). */
    public String namedUrl(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    /** A site that allows every robot and serves {@link #article} at {@code /news}. */
    public static TestSite withNews() throws IOException {
        TestSite site = new TestSite();
        site.robots("");
        site.html("/news", article("2 September 2025", "ad", ""));
        return site;
    }

    public TestSite page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    public TestSite html(String path, String html) {
        return page(path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    public TestSite redirect(String path, int status, String location) {
        return page(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    public TestSite robots(String text) {
        return page("/robots.txt", ex -> send(ex, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8)));
    }

    public long hitsOn(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    public static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fetch policy of the tests: loopback allowed, short timeouts and backoff, a 50 ms host interval. */
    public static FetchPolicy policy() {
        return FetchPolicy.defaults().withAllowLoopback(true)
                .withTimeouts(java.time.Duration.ofMillis(300), java.time.Duration.ofMillis(300))
                .withRetries(2, java.time.Duration.ofMillis(10))
                .withHostLimits(2, java.time.Duration.ofMillis(5));
    }

    /** An article page: the text is fixed, the date stamp and the ad are parameters. */
    public static String article(String dateStamp, String ad, String extraParagraph) {
        return """
                <!DOCTYPE html>
                <html lang="en-SG"><head>
                <meta charset="utf-8">
                <title>SEA-LION v3 released | AI Singapore</title>
                <link rel="canonical" href="/news/sea-lion-v3">
                <meta name="description" content="AI Singapore releases SEA-LION v3, built on Gemma 2 and Llama 3.1.">
                <meta property="article:published_time" content="2024-12-19T08:00:00+08:00">
                <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","dateModified":"2025-01-05T10:00:00Z"}]}</script>
                <script>var tracking = "%s";</script>
                </head><body>
                <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
                <div class="ad">%s</div>
                <main><article>
                <h1>SEA-LION v3 released</h1>
                <p class="dateline">Updated %s</p>
                <p>AI Singapore has released SEA-LION v3, a family of models for Southeast Asian languages.
                The models are built on Meta-Llama 3.1 and Gemma 2 and are released under the Apache License, Version 2.0.</p>
                %s
                </article></main>
                <footer>© AI Singapore. Page generated %s</footer>
                </body></html>
                """.formatted(dateStamp, ad, dateStamp, extraParagraph, dateStamp);
    }
}
