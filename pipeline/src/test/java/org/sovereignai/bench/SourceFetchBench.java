package org.sovereignai.bench;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.SourceFetchRoute;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.FetchedPage;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.HostLimiter;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue 6 benchmark (not a test): 1,000 URLs over 50 hosts (127.0.1.1 ... 127.0.1.50, one HTTP server each) that
 * answer every request after 50 ms, fetched with the default limits (loopback allowed). The servers count, per
 * host, the most requests in flight at once and the gaps between request arrivals; the limiter reports the start of
 * every request. The run fails if a host ever had more than 2 requests at once or two starts closer than 100 ms.
 *
 * <pre>
 * mvn -q -B test-compile
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -f pipeline/pom.xml
 * java -Xmx512m -cp pipeline/target/classes:pipeline/target/test-classes:$(cat pipeline/target/cp.txt) org.sovereignai.bench.SourceFetchBench
 * </pre>
 */
public final class SourceFetchBench {
    static final int HOSTS = 50;
    static final int URLS = 1000;
    static final int DELAY_MS = 50;

    static final class Host {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

        void reset() {
            most.set(0);
            arrivals.clear();
        }

        /** Gaps between consecutive request arrivals, in microseconds. */
        List<Long> gapsMicros() {
            List<Long> a = new ArrayList<>(arrivals);
            Collections.sort(a);
            List<Long> gaps = new ArrayList<>();
            for (int i = 1; i < a.size(); i++) gaps.add((a.get(i) - a.get(i - 1)) / 1000);
            return gaps;
        }
    }

    public static void main(String[] args) throws Exception {
        ExecutorService serverPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-server");
            t.setDaemon(true);
            return t;
        });
        Map<String, Host> hosts = new ConcurrentHashMap<>();
        List<HttpServer> servers = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            String address = "127.0.1." + h;
            Host host = new Host();
            hosts.put(address, host);
            HttpServer s = HttpServer.create(new InetSocketAddress(address, 0), 200);
            s.setExecutor(serverPool);
            s.createContext("/", ex -> {
                host.arrivals.add(System.nanoTime());
                host.most.accumulateAndGet(host.running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(DELAY_MS);
                    boolean robots = ex.getRequestURI().getPath().equals("/robots.txt");
                    byte[] body = robots ? new byte[0] : ("<html><head><title>Doc " + ex.getRequestURI().getPath()
                            + "</title></head><body><main><p>Some text about national models.</p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    ex.sendResponseHeaders(robots ? 404 : 200, body.length == 0 ? -1 : body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    host.running.decrementAndGet();
                    ex.close();
                }
            });
            s.start();
            servers.add(s);
            bases.add("http://" + address + ":" + s.getAddress().getPort());
        }
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < URLS; i++) urls.add(bases.get(i % HOSTS) + "/doc/" + i);
        Collections.shuffle(urls, new Random(42));

        FetchPolicy policy = FetchPolicy.defaults().withAllowLoopback(true);
        if (Integer.getInteger("bench.intervalMs") != null) {
            policy = policy.withHostLimits(policy.perHostConcurrency(), java.time.Duration.ofMillis(Integer.getInteger("bench.intervalMs")));
        }
        System.out.printf("policy: per host %d at once, %d ms between starts; %d at once overall; %d URLs over %d hosts, %d ms per answer%n",
                policy.perHostConcurrency(), policy.perHostInterval().toMillis(), policy.globalConcurrency(), URLS, HOSTS, DELAY_MS);

        // warm-up on other paths (JIT, connection pools), not counted
        run("warm-up", urls.subList(0, 200), policy, hosts, Mode.PLAIN, false);
        for (int round = 1; round <= 2; round++) {
            run("plain Java (BatchFetcher)        #" + round, urls, policy, hosts, Mode.PLAIN, true);
            run("Camel route, one exchange/batch  #" + round, urls, policy, hosts, Mode.ROUTE, true);
            run("Camel split per URL, parallel    #" + round, urls, policy, hosts, Mode.SPLIT, true);
        }
        for (HttpServer s : servers) s.stop(0);
        serverPool.shutdownNow();
    }

    enum Mode { PLAIN, ROUTE, SPLIT }

    static void run(String label, List<String> urls, FetchPolicy policy, Map<String, Host> hosts, Mode mode, boolean print) throws Exception {
        hosts.values().forEach(Host::reset);
        Map<String, List<Long>> starts = new ConcurrentHashMap<>();
        HostLimiter limiter = new HostLimiter(policy.perHostConcurrency(), policy.perHostInterval(), policy.globalConcurrency(),
                (host, nanos) -> starts.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(nanos));
        BatchFetcher batch = new BatchFetcher(new Fetcher(policy, limiter));
        List<FetchedPage> pages;
        long t0;
        long ms;
        switch (mode) {
            case PLAIN -> {
                t0 = System.nanoTime();
                pages = batch.fetchAll(new BatchFetcher.Batch(urls, null, null));
                ms = (System.nanoTime() - t0) / 1_000_000;
            }
            case ROUTE -> {
                try (CamelRuntime camel = CamelRuntime.of(new org.sovereignai.curation.Workspace(java.nio.file.Path.of(
                        System.getProperty("java.io.tmpdir"))), new SourceFetchRoute(batch)).start()) {
                    t0 = System.nanoTime();
                    pages = camel.fetchRunner().run(new BatchFetcher.Batch(urls, null, null));
                    ms = (System.nanoTime() - t0) / 1_000_000;
                }
            }
            default -> {
                List<FetchedPage> out = Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(policy.globalConcurrency());
                CamelContext ctx = new DefaultCamelContext();
                ctx.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:split").split(body()).parallelProcessing().executorService(pool)
                                .process(e -> out.add(batch.fetchOne(e.getMessage().getBody(String.class), null)));
                    }
                });
                ctx.start();
                try (ProducerTemplate template = ctx.createProducerTemplate()) {
                    t0 = System.nanoTime();
                    template.requestBody("direct:split", urls);
                    ms = (System.nanoTime() - t0) / 1_000_000;
                }
                ctx.close();
                pool.shutdownNow();
                pages = out;
            }
        }
        long ok = pages.stream().filter(p -> p.outcome().ok()).count();
        int most = hosts.values().stream().mapToInt(h -> h.most.get()).max().orElse(0);
        List<Long> gaps = new ArrayList<>();
        for (Host h : hosts.values()) gaps.addAll(h.gapsMicros());
        Collections.sort(gaps);
        long under = gaps.stream().filter(g -> g < policy.perHostInterval().toMillis() * 1000).count();
        long clientMin = Long.MAX_VALUE;
        List<Long> delays = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : starts.entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            for (int i = 1; i < sorted.size(); i++) clientMin = Math.min(clientMin, sorted.get(i) - sorted.get(i - 1));
            // client and servers share one JVM and one clock: pair the n-th start with the n-th arrival on that host
            List<Long> arrived = new ArrayList<>(hosts.get(e.getKey()).arrivals);
            Collections.sort(arrived);
            for (int i = 0; i < Math.min(sorted.size(), arrived.size()); i++) delays.add((arrived.get(i) - sorted.get(i)) / 1000);
        }
        Collections.sort(delays);
        if (most > policy.perHostConcurrency() || clientMin < policy.perHostInterval().toNanos()) {
            throw new AssertionError(label + ": a host limit was broken: " + most + " at once, starts " + clientMin + " ns apart");
        }
        if (print) {
            System.out.printf("%s: client-side shortest gap between request starts to one host: %.1f ms;"
                    + " delay from start to the server's handler: median %.1f ms, 99th percentile %.1f ms, max %.1f ms%n",
                    label, clientMin / 1e6, delays.get(delays.size() / 2) / 1000.0, delays.get(delays.size() * 99 / 100) / 1000.0,
                    delays.get(delays.size() - 1) / 1000.0);
            System.out.printf("%s: %d URLs (%d ok) in %d ms = %.0f URLs/s; most at once on one host: %d;"
                    + " gaps between arrivals on one host: min %.1f ms, 1st percentile %.1f ms, median %.1f ms, %d of %d under %d ms%n",
                    label, pages.size(), ok, ms, pages.size() * 1000.0 / ms, most, gaps.get(0) / 1000.0,
                    gaps.get(gaps.size() / 100) / 1000.0, gaps.get(gaps.size() / 2) / 1000.0, under, gaps.size(),
                    policy.perHostInterval().toMillis());
        }
    }
}
