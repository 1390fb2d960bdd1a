package org.sovereignai.sources;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness and load limits, shared by every request of a fetcher (robots.txt, retries and redirect hops included):
 * at most {@code perHost} requests at once to one host name, at least {@code interval} between the starts of two
 * requests to it, and at most {@code global} requests at once overall.
 *
 * <p>Hosts are keyed by host name, lower-cased, without the port: two ports of one machine share a budget, because
 * they share the machine. The start is recorded only once the host and global permits are held, so nothing
 * can delay a request between its recorded start and its sending except the scheduler.
 */
public final class HostLimiter {
    private final java.util.function.ObjLongConsumer<String> onStart;
    private final int perHost;
    private final long intervalNanos;
    private final Semaphore global;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int perHost, Duration interval, int global) {
        this(perHost, interval, global, null);
    }

    /** With a listener told the recorded start of every request (host, nanoTime), for tests and benchmarks. */
    public HostLimiter(int perHost, Duration interval, int global, java.util.function.ObjLongConsumer<String> onStart) {
        this.onStart = onStart;
        this.perHost = perHost;
        this.intervalNanos = interval.toNanos();
        this.global = new Semaphore(global, true);
    }

    public static HostLimiter of(FetchPolicy policy) {
        return new HostLimiter(policy.perHostConcurrency(), policy.perHostInterval(), policy.globalConcurrency());
    }

    private static final class Host {
        final Semaphore running;
        private boolean started;
        private long lastStart;

        Host(int permits) {
            running = new Semaphore(permits, true);
        }

        /**
         * Waits until the interval since the last start has passed, then records now as the new start. The clock is
         * read under the lock at the moment of starting, so recorded starts are never closer than the interval,
         * even when a waiting thread wakes late.
         */
        synchronized long awaitStart(long intervalNanos) throws InterruptedException {
            while (true) {
                long now = System.nanoTime();
                long wait = started ? lastStart + intervalNanos - now : 0;
                if (wait <= 0) {
                    started = true;
                    lastStart = now;
                    return now;
                }
                wait(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }

    /** A granted request slot; close it when the request is over (body read or abandoned). */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until a request to this host may start, then returns its permit. */
    public Permit acquire(String hostName) throws InterruptedException {
        String key = hostName.toLowerCase(Locale.ROOT);
        Host h = hosts.computeIfAbsent(key, k -> new Host(perHost));
        h.running.acquire();
        try {
            global.acquire();
        } catch (InterruptedException e) {
            h.running.release();
            throw e;
        }
        try {
            long started = h.awaitStart(intervalNanos);
            if (onStart != null) onStart.accept(key, started);
        } catch (InterruptedException e) {
            global.release();
            h.running.release();
            throw e;
        }
        return () -> {
            global.release();
            h.running.release();
        };
    }
}
