package org.sovereignai.sources;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Fetches one URL the careful way: every hop passes the {@link AddressGuard} and robots.txt, waits for its
 * {@link HostLimiter} slot, and is bounded in time and size; redirects are followed by hand (at most
 * {@link FetchPolicy#maxRedirects()}), 5xx answers and timeouts are retried with doubling backoff, nothing else is.
 * Only bytes are fetched: nothing is ever executed. Thread-safe; one instance serves a whole run.
 */
public final class Fetcher implements AutoCloseable {
    private static final long ROBOTS_MAX_BYTES = 500 * 1024;

    private final FetchPolicy policy;
    private final HttpClient client;
    private final HostLimiter limiter;
    private final AddressGuard guard;
    private final ConcurrentHashMap<String, CompletableFuture<Robots>> robots = new ConcurrentHashMap<>();

    public Fetcher(FetchPolicy policy) {
        this(policy, HostLimiter.of(policy));
    }

    /** With a limiter of the caller's (one that reports request starts, for the benchmark). */
    public Fetcher(FetchPolicy policy, HostLimiter limiter) {
        this.policy = policy;
        this.limiter = limiter;
        this.guard = new AddressGuard(policy.allowLoopback());
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public FetchPolicy policy() {
        return policy;
    }

    /** Fetches a URL; {@code cached} (may be null) turns the request into a conditional GET. Never throws for network trouble. */
    public FetchOutcome fetch(String url, CachedValidators cached) throws InterruptedException {
        URI uri;
        try {
            uri = asciiHost(new URI(url.strip()).normalize());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return FetchOutcome.failed(url, url, 0, Failure.BAD_URL, "not an absolute URL with a host", 0, 0);
            }
        } catch (URISyntaxException e) {
            return FetchOutcome.failed(url, url, 0, Failure.BAD_URL, "not a valid URL: " + e.getReason(), 0, 0);
        }
        return follow(url, uri, cached, true, policy.maxBodyBytes());
    }

    /** An internationalised host name (bücher.de) in its ASCII form (xn--bcher-kva.de), which java.net.URI can read. */
    static URI asciiHost(URI uri) throws URISyntaxException {
        if (uri.getHost() != null || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) return uri;
        String authority = uri.getRawAuthority();
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
        String port = host.length() < authority.length() ? authority.substring(host.length()) : "";
        try {
            String ascii = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
            return new URI(uri.getScheme() + "://" + ascii + port + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return uri;
        }
    }

    private FetchOutcome follow(String url, URI start, CachedValidators cached, boolean obeyRobots, long maxBytes)
            throws InterruptedException {
        URI uri = start;
        Set<URI> seen = new HashSet<>();
        int attempts = 0;
        for (int hop = 0; ; hop++) {
            seen.add(uri);
            String current = uri.toString();
            FetchOutcome refused = checkAllowed(url, uri, hop, attempts);
            if (refused != null) return refused;
            if (obeyRobots) {
                Robots r = robotsFor(uri);
                if (r.failure != null) {
                    return FetchOutcome.failed(url, current, r.failure.status(), r.failure.failure(),
                            "robots.txt could not be fetched: " + r.failure.detail(), hop, attempts);
                }
                if (!r.rules.isAllowed(current)) {
                    String why = r.rules.isAllowNone() && r.rules.isDeferVisits()
                            ? "robots.txt answered with a server error, so the host asks not to be crawled for now"
                            : "robots.txt of " + uri.getHost() + " disallows this path for our agent";
                    return FetchOutcome.failed(url, current, 0, Failure.ROBOTS, why, hop, attempts);
                }
            }
            boolean conditional = cached != null && cached.any() && current.equals(cached.finalUrl());
            Attempt a = null;
            for (int attempt = 0; attempt <= policy.maxRetries(); attempt++) {
                if (attempt > 0) Thread.sleep(policy.backoff().toMillis() << (attempt - 1));
                attempts++;
                a = send(uri, conditional ? cached : null, maxBytes);
                boolean retry = a.failure == Failure.TIMEOUT || (a.failure == null && a.status >= 500);
                if (!retry) break;
            }
            if (a.failure != null) return FetchOutcome.failed(url, current, a.status, a.failure, a.detail, hop, attempts);
            int s = a.status;
            if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
                if (a.location == null) {
                    return FetchOutcome.failed(url, current, s, Failure.HTTP_ERROR, "redirect without a Location header", hop, attempts);
                }
                if (hop >= policy.maxRedirects()) {
                    return FetchOutcome.failed(url, current, s, Failure.TOO_MANY_REDIRECTS,
                            "more than " + policy.maxRedirects() + " redirects", hop, attempts);
                }
                URI next;
                try {
                    next = asciiHost(uri.resolve(new URI(a.location.strip())).normalize());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return FetchOutcome.failed(url, current, s, Failure.HTTP_ERROR, "redirect to an invalid URL: " + a.location, hop, attempts);
                }
                if (seen.contains(next)) {
                    return FetchOutcome.failed(url, next.toString(), s, Failure.REDIRECT_LOOP,
                            "the redirects go round in a loop through " + next, hop + 1, attempts);
                }
                uri = next;
                continue;
            }
            if (s == 304 && conditional) {
                return new FetchOutcome(url, current, 304, null, cached.etag(), cached.lastModified(), new byte[0],
                        null, null, hop, attempts, true);
            }
            if (s == 429) {
                return FetchOutcome.failed(url, current, s, Failure.RATE_LIMITED, "the site answered 429 Too Many Requests", hop, attempts);
            }
            if (s >= 400 || s < 200 || s >= 300) {
                return FetchOutcome.failed(url, current, s, Failure.HTTP_ERROR, "HTTP status " + s, hop, attempts);
            }
            return new FetchOutcome(url, current, s, a.contentType, a.etag, a.lastModified, a.body, null, null, hop, attempts, false);
        }
    }

    private FetchOutcome checkAllowed(String url, URI uri, int hop, int attempts) {
        try {
            String why = guard.refusal(uri);
            if (why == null) return null;
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            Failure f = scheme.equals("http") || scheme.equals("https") ? Failure.REFUSED_ADDRESS : Failure.REFUSED_SCHEME;
            return FetchOutcome.failed(url, uri.toString(), 0, f, (hop > 0 ? "redirect refused: " : "") + why, hop, attempts);
        } catch (UnknownHostException e) {
            return FetchOutcome.failed(url, uri.toString(), 0, Failure.DNS, "the host name " + uri.getHost() + " does not resolve", hop, attempts);
        }
    }

    private record Attempt(int status, String contentType, String etag, String lastModified, String location,
                           byte[] body, Failure failure, String detail) {
        static Attempt failed(int status, Failure f, String detail) {
            return new Attempt(status, null, null, null, null, new byte[0], f, detail);
        }
    }

    private Attempt send(URI uri, CachedValidators conditional, long maxBytes) throws InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
                .timeout(policy.totalTimeout())
                .header("User-Agent", policy.userAgent())
                .header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8")
                .GET();
        if (conditional != null) {
            if (conditional.etag() != null) rb.header("If-None-Match", conditional.etag());
            if (conditional.lastModified() != null) rb.header("If-Modified-Since", conditional.lastModified());
        }
        HttpRequest request = rb.build();
        try (HostLimiter.Permit permit = limiter.acquire(uri.getHost())) {
            CompletableFuture<HttpResponse<byte[]>> future =
                    client.sendAsync(request, info -> new CappedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
            try {
                HttpResponse<byte[]> r = future.get(policy.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return new Attempt(r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(null),
                        r.headers().firstValue("ETag").orElse(null),
                        r.headers().firstValue("Last-Modified").orElse(null),
                        r.headers().firstValue("Location").orElse(null),
                        r.body(), null, null);
            } catch (TimeoutException e) {
                future.cancel(true);
                return Attempt.failed(0, Failure.TIMEOUT, "no complete answer within " + policy.totalTimeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                future.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                return classify(e.getCause(), maxBytes);
            }
        }
    }

    private Attempt classify(Throwable t, long maxBytes) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BodyTooLargeException) {
                return Attempt.failed(200, Failure.TOO_LARGE, "the body is larger than the cap of " + maxBytes + " bytes; reading stopped");
            }
            if (c instanceof HttpConnectTimeoutException) {
                return Attempt.failed(0, Failure.TIMEOUT, "no connection within " + policy.connectTimeout().toMillis() + " ms");
            }
            if (c instanceof HttpTimeoutException) {
                return Attempt.failed(0, Failure.TIMEOUT, "no answer within " + policy.totalTimeout().toMillis() + " ms");
            }
            if (c instanceof UnknownHostException) return Attempt.failed(0, Failure.DNS, "the host name does not resolve");
            if (c instanceof ConnectException) return Attempt.failed(0, Failure.CONNECTION, "connection refused or unreachable");
        }
        String msg = t == null ? "unknown" : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return Attempt.failed(0, Failure.IO, msg);
    }

    // ---- robots.txt, fetched once per origin and shared by all threads

    private record RobotsFailure(int status, Failure failure, String detail) {
    }

    private record Robots(BaseRobotRules rules, RobotsFailure failure) {
    }

    private Robots robotsFor(URI uri) throws InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        CompletableFuture<Robots> mine = new CompletableFuture<>();
        CompletableFuture<Robots> existing = robots.putIfAbsent(origin, mine);
        if (existing != null) {
            try {
                return existing.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        try {
            Robots r = loadRobots(origin);
            mine.complete(r);
            return r;
        } catch (InterruptedException | RuntimeException e) {
            mine.completeExceptionally(e);
            robots.remove(origin, mine);
            throw e;
        }
    }

    private Robots loadRobots(String origin) throws InterruptedException {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        String robotsUrl = origin + "/robots.txt";
        FetchOutcome o = follow(robotsUrl, URI.create(robotsUrl), null, false, ROBOTS_MAX_BYTES);
        if (o.ok()) {
            return new Robots(parser.parseContent(robotsUrl, o.body(), o.contentType(), List.of(FetchPolicy.AGENT_TOKEN.toLowerCase(Locale.ROOT))), null);
        }
        if (o.failure() == Failure.HTTP_ERROR && o.status() >= 400) {
            // 4xx: no robots.txt, everything allowed; 5xx: the host is struggling, nothing allowed (RFC 9309 2.3.1)
            return new Robots(parser.failedFetch(o.status()), null);
        }
        if (o.failure() == Failure.TOO_LARGE) {
            return new Robots(parser.failedFetch(503), null);
        }
        // the host itself is unreachable (DNS, refused, timeout, refused address): the page would be too
        return new Robots(null, new RobotsFailure(o.status(), o.failure(), o.detail()));
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close(); its threads die with the last reference
        robots.clear();
    }

    // ---- the body, read as a stream and abandoned past the cap

    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long bytes) {
            super("body over the cap after " + bytes + " bytes");
        }
    }

    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private long total;

        CappedBody(long cap, long declared) {
            this.cap = cap;
            this.declared = declared;
        }

        @Override
        public java.util.concurrent.CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > cap) {
                s.cancel();
                result.completeExceptionally(new BodyTooLargeException(declared));
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                total += b.remaining();
                if (total > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(total));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
