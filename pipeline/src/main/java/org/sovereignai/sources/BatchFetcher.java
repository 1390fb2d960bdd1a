package org.sovereignai.sources;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ExecutionException;

/**
 * Fetches and parses many URLs at once on a pool of {@link FetchPolicy#globalConcurrency()} threads.
 * The {@link HostLimiter} inside the {@link Fetcher} keeps every host within its limits; the work is handed out
 * host by host in turn (round robin) so the threads spread over hosts instead of queueing behind one of them.
 * Results come back in the order of the input.
 */
public final class BatchFetcher {
    private final Fetcher fetcher;

    public BatchFetcher(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Told about each URL as it finishes; called from worker threads, one call at a time. */
    public interface Progress {
        Progress NONE = (done, total, page) -> { };

        void finished(int done, int total, FetchedPage page);
    }

    /** One batch of work: the URLs, what the store knows for conditional GETs, and whom to tell about progress. */
    public record Batch(List<String> urls, Map<String, CachedValidators> cached, Progress progress) {
        public Batch {
            urls = List.copyOf(urls);
            cached = cached == null ? Map.of() : cached;
            progress = progress == null ? Progress.NONE : progress;
        }
    }

    public List<FetchedPage> fetchAll(Batch batch) throws InterruptedException {
        List<String> urls = batch.urls();
        int threads = Math.max(1, Math.min(fetcher.policy().globalConcurrency(), urls.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "source-fetch");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        try {
            Map<Integer, Future<FetchedPage>> futures = new LinkedHashMap<>();
            for (int i : roundRobinByHost(urls)) {
                String url = urls.get(i);
                futures.put(i, pool.submit(() -> {
                    FetchedPage page = fetchOne(url, batch.cached().get(url));
                    synchronized (progressLock) {
                        batch.progress().finished(done.incrementAndGet(), urls.size(), page);
                    }
                    return page;
                }));
            }
            FetchedPage[] out = new FetchedPage[urls.size()];
            for (Map.Entry<Integer, Future<FetchedPage>> e : futures.entrySet()) {
                try {
                    out[e.getKey()] = e.getValue().get();
                } catch (ExecutionException ex) {
                    // a bug, not a network problem (those are outcomes): keep going, record it against the URL
                    String url = urls.get(e.getKey());
                    out[e.getKey()] = new FetchedPage(FetchOutcome.failed(url, url, 0, Failure.IO,
                            "internal error: " + ex.getCause(), 0, 0), null);
                }
            }
            return List.of(out);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fetches one URL and parses the body when there is a new one. */
    public FetchedPage fetchOne(String url, CachedValidators cached) throws InterruptedException {
        FetchOutcome o = fetcher.fetch(url, cached);
        PageInfo page = o.ok() && !o.notModified() ? PageParser.parse(o.body(), o.contentType(), o.finalUrl()) : null;
        // the body is not kept past parsing: the page info holds what matters
        FetchOutcome slim = new FetchOutcome(o.url(), o.finalUrl(), o.status(), o.contentType(), o.etag(), o.lastModified(),
                new byte[0], o.failure(), o.detail(), o.redirects(), o.attempts(), o.notModified());
        return new FetchedPage(slim, page);
    }

    /** Indexes of the URLs, taking one URL per host in turn. */
    static List<Integer> roundRobinByHost(List<String> urls) {
        Map<String, Deque<Integer>> byHost = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) byHost.computeIfAbsent(hostOf(urls.get(i)), h -> new ArrayDeque<>()).add(i);
        List<Integer> order = new ArrayList<>(urls.size());
        while (!byHost.isEmpty()) {
            byHost.values().removeIf(q -> {
                order.add(q.poll());
                return q.isEmpty();
            });
        }
        return order;
    }

    static String hostOf(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
