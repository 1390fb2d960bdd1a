package org.sovereignai.sources;

import java.time.Duration;

/**
 * How politely and how safely sources are fetched. {@link #defaults()} is what {@code ./sai sources} uses;
 * tests shorten the timeouts and turn on {@link #allowLoopback()} (never do that in production: it opens the
 * door to server-side request forgery against the machine itself).
 *
 * @param connectTimeout     time to open a connection
 * @param totalTimeout       time for one request, from sending it to the last byte of the body
 * @param maxRetries         extra attempts after a 5xx answer or a timeout (nothing else is retried)
 * @param backoff            wait before the first retry; doubled for each further retry
 * @param maxRedirects       redirects followed before giving up
 * @param maxBodyBytes       bodies longer than this are abandoned mid-stream
 * @param userAgent          the User-Agent header, also the name looked up in robots.txt
 * @param perHostConcurrency requests to one host name at once
 * @param perHostInterval    least time between the starts of two requests to one host name
 * @param globalConcurrency  requests in flight at once over all hosts (also the worker thread count)
 * @param allowLoopback      let 127.0.0.0/8 and ::1 through the address guard (tests and benchmarks only)
 */
public record FetchPolicy(Duration connectTimeout, Duration totalTimeout, int maxRetries, Duration backoff,
                          int maxRedirects, long maxBodyBytes, String userAgent,
                          int perHostConcurrency, Duration perHostInterval, int globalConcurrency,
                          boolean allowLoopback) {

    /** The robots.txt product token: the part of the User-Agent before the slash. */
    public static final String AGENT_TOKEN = "SovereignAIIndexBot";

    public FetchPolicy {
        if (maxRetries < 0 || maxRedirects < 0 || maxBodyBytes <= 0 || perHostConcurrency < 1 || globalConcurrency < 1) {
            throw new IllegalArgumentException("fetch limits must be positive");
        }
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20), 2, Duration.ofMillis(500),
                5, 5L * 1024 * 1024,
                AGENT_TOKEN + "/1.0 (+https://github.com/sovereign-ai-index; source checks for the Sovereign AI Index)",
                2, Duration.ofMillis(100), 32, false);
    }

    public FetchPolicy withAllowLoopback(boolean allow) {
        return new FetchPolicy(connectTimeout, totalTimeout, maxRetries, backoff, maxRedirects, maxBodyBytes, userAgent,
                perHostConcurrency, perHostInterval, globalConcurrency, allow);
    }

    public FetchPolicy withTimeouts(Duration connect, Duration total) {
        return new FetchPolicy(connect, total, maxRetries, backoff, maxRedirects, maxBodyBytes, userAgent,
                perHostConcurrency, perHostInterval, globalConcurrency, allowLoopback);
    }

    public FetchPolicy withRetries(int retries, Duration firstBackoff) {
        return new FetchPolicy(connectTimeout, totalTimeout, retries, firstBackoff, maxRedirects, maxBodyBytes, userAgent,
                perHostConcurrency, perHostInterval, globalConcurrency, allowLoopback);
    }

    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(connectTimeout, totalTimeout, maxRetries, backoff, maxRedirects, bytes, userAgent,
                perHostConcurrency, perHostInterval, globalConcurrency, allowLoopback);
    }

    public FetchPolicy withHostLimits(int concurrency, Duration interval) {
        return new FetchPolicy(connectTimeout, totalTimeout, maxRetries, backoff, maxRedirects, maxBodyBytes, userAgent,
                concurrency, interval, globalConcurrency, allowLoopback);
    }

    public FetchPolicy withGlobalConcurrency(int concurrency) {
        return new FetchPolicy(connectTimeout, totalTimeout, maxRetries, backoff, maxRedirects, maxBodyBytes, userAgent,
                perHostConcurrency, perHostInterval, concurrency, allowLoopback);
    }
}
