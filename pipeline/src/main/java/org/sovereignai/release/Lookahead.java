package org.sovereignai.release;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over items fetched one at a time: {@link #fetch} gives the next one, or null at the end. */
abstract class Lookahead<T> implements Iterator<T> {
    private T next;
    private boolean done;

    /** The next item, or null when there are no more (it is not called again after that). */
    protected abstract T fetch();

    @Override
    public final boolean hasNext() {
        if (next == null && !done) {
            next = fetch();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public final T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T item = next;
        next = null;
        return item;
    }
}
