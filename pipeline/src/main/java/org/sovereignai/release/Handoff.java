package org.sovereignai.release;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Items handed from one thread (which {@link #put}s them, then calls {@link #end}) to another (which reads them through
 * {@link #iterator}), through a small bounded queue, so the producer runs at most a few thousand items ahead. If the
 * reader stops early it calls {@link #abandon}, and the producer's next {@code put} throws a
 * {@link CancellationException} instead of blocking for ever.
 */
final class Handoff<T> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private volatile boolean abandoned;

    Handoff(int capacity) {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    void put(T item) {
        offer(item);
    }

    /** No more items (also after a failure: the producer's own exception tells the caller what went wrong). */
    void end() {
        offer(END);
    }

    /** The reader has stopped: the producer's next {@code put} ends it. */
    void abandon() {
        abandoned = true;
        queue.clear();
    }

    private void offer(Object o) {
        try {
            while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                if (abandoned) throw new CancellationException("the reader stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** The items in the order they were put, until {@link #end}. */
    Iterator<T> iterator() {
        return new Lookahead<>() {
            @Override
            @SuppressWarnings("unchecked")
            protected T fetch() {
                try {
                    Object item = queue.take();
                    return item == END ? null : (T) item;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                }
            }
        };
    }
}
