package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class HostLimiterTest {
    @Test
    void startsToOneHostAreSpacedByTheIntervalAndAtMostTwoRunAtOnce() throws Exception {
        Map<String, List<Long>> starts = new ConcurrentHashMap<>();
        HostLimiter limiter = new HostLimiter(2, Duration.ofMillis(20), 16,
                (host, nanos) -> starts.computeIfAbsent(host, h -> Collections.synchronizedList(new ArrayList<>())).add(nanos));
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        AtomicInteger globalRunning = new AtomicInteger();
        AtomicInteger globalMost = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String host = "h" + (i % 3);
            futures.add(pool.submit(() -> {
                try (HostLimiter.Permit p = limiter.acquire(host.toUpperCase())) {
                    int now = running.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                    most.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                    globalMost.accumulateAndGet(globalRunning.incrementAndGet(), Math::max);
                    Thread.sleep(30);
                    globalRunning.decrementAndGet();
                    running.get(host).decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        assertEquals(3, starts.size(), "host names are keyed case-insensitively");
        for (List<Long> s : starts.values()) {
            List<Long> sorted = new ArrayList<>(s);
            Collections.sort(sorted);
            for (int i = 1; i < sorted.size(); i++) {
                assertTrue(sorted.get(i) - sorted.get(i - 1) >= 20_000_000L, "starts " + (sorted.get(i) - sorted.get(i - 1)) + " ns apart");
            }
        }
        for (AtomicInteger m : most.values()) assertTrue(m.get() <= 2, "per host at once: " + m.get());
        assertTrue(globalMost.get() <= 6);
    }

    @Test
    void theGlobalLimitCapsAllHostsTogether() throws Exception {
        HostLimiter limiter = new HostLimiter(2, Duration.ZERO, 3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String host = "host" + i;
            futures.add(pool.submit(() -> {
                try (HostLimiter.Permit p = limiter.acquire(host)) {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(10);
                    running.decrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        assertTrue(most.get() <= 3, "at once overall: " + most.get());
    }
}
