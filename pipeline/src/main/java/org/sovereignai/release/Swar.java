package org.sovereignai.release;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes tested at once ("SIMD within a register"): release files are scanned for the few bytes that matter (quotes,
 * line ends, escapes, non-ASCII) without looking at every byte one by one.
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;

    private Swar() {
    }

    /** The eight bytes from {@code at} as one word (the first byte lowest). */
    static long word(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /** High bit set in a byte where w has a zero byte (and possibly above it: callers only ask whether there is one). */
    static long zeroByte(long w) {
        return (w - ONES) & ~w;
    }

    /** High bit set where w holds byte {@code c} (same caveat as {@link #zeroByte}). */
    static long byteIs(long w, char c) {
        return zeroByte(w ^ (ONES * c));
    }

    /** High bit set in a byte of w that is below {@code n} (n at most 128; same caveat as {@link #zeroByte}). */
    static long byteBelow(long w, int n) {
        return (w - ONES * n) & ~w;
    }
}
