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
 * they share the machine. A start slot is handed out only once the host and global permits are held, so two starts
 * to one host are never closer together than the interval, whatever the thread timing.
 */
public final class HostLimiter {
    private final int perHost;
    private final long intervalNanos;
    private final Semaphore global;
    private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int perHost, Duration interval, int global) {
        this.perHost = perHost;
        this.intervalNanos = interval.toNanos();
        this.global = new Semaphore(global, true);
    }

    public static HostLimiter of(FetchPolicy policy) {
        return new HostLimiter(policy.perHostConcurrency(), policy.perHostInterval(), policy.globalConcurrency());
    }

    private static final class Host {
        final Semaphore running;
        long nextStart = Long.MIN_VALUE;

        Host(int permits) {
            running = new Semaphore(permits, true);
        }
    }

    /** A granted request slot; close it when the request is over (body read or abandoned). */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Blocks until a request to this host may start, then returns its permit. */
    public Permit acquire(String hostName) throws InterruptedException {
        Host h = hosts.computeIfAbsent(hostName.toLowerCase(Locale.ROOT), k -> new Host(perHost));
        h.running.acquire();
        try {
            global.acquire();
        } catch (InterruptedException e) {
            h.running.release();
            throw e;
        }
        try {
            // the slot is taken only once every other permit is held, so nothing can delay the start past it
            long start;
            synchronized (h) {
                long now = System.nanoTime();
                start = h.nextStart == Long.MIN_VALUE ? now : Math.max(now, h.nextStart);
                h.nextStart = start + intervalNanos;
            }
            long wait = start - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
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
