package org.sovereignai.check;

import java.util.Arrays;

/**
 * A map from id to a non-negative int (row and layer) for millions of ids, held in a handful of flat arrays: the id
 * characters in one growing char array, and an open-addressing table of entry numbers. Compared with a
 * {@code HashMap<String, Integer>} it keeps about a third of the memory and no per-id objects, which is what lets a
 * million-row sheet validate in a 512 MiB heap without the garbage collector tracing a million entries.
 */
final class IdIndex {
    private char[] chars = new char[1 << 14];
    private int used;
    private int[] start = new int[1 << 10];
    private int[] values = new int[1 << 10];
    private int size;
    /**
     * Per slot: the id's hash in the high half and its entry number + 1 in the low half; 0 is empty. Keeping the hash
     * in the slot means a new id usually costs one memory access, not three. Kept at most half full.
     */
    private long[] slots = new long[1 << 11];

    /** The value already stored for the id, or -1 after storing {@code value} (which must be >= 0). */
    int putIfAbsent(String id, int value) {
        int h = spread(id.hashCode());
        int mask = slots.length - 1;
        int i = h & mask;
        for (long s; (s = slots[i]) != 0; i = (i + 1) & mask) {
            if ((int) (s >>> 32) == h && same((int) s - 1, id)) return values[(int) s - 1];
        }
        if (size == start.length) grow();
        int e = size++;
        if (used + id.length() > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + id.length()));
        id.getChars(0, id.length(), chars, used);
        start[e] = used;
        used += id.length();
        values[e] = value;
        slots[i] = slot(h, e);
        if (size * 2 > slots.length) rehash();
        return -1;
    }

    /** The value stored for the id, or -1. */
    int get(String id) {
        int h = spread(id.hashCode());
        int mask = slots.length - 1;
        for (long s, i = h & mask; (s = slots[(int) i]) != 0; i = (i + 1) & mask) {
            if ((int) (s >>> 32) == h && same((int) s - 1, id)) return values[(int) s - 1];
        }
        return -1;
    }

    int size() {
        return size;
    }

    private boolean same(int e, String id) {
        int from = start[e];
        int to = e + 1 < size ? start[e + 1] : used;
        if (to - from != id.length()) return false;
        for (int k = 0; k < id.length(); k++) if (chars[from + k] != id.charAt(k)) return false;
        return true;
    }

    private void grow() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        values = Arrays.copyOf(values, n);
    }

    private void rehash() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (long s : slots) {
            if (s == 0) continue;
            int i = (int) (s >>> 32) & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = s;
        }
        slots = bigger;
    }

    private static long slot(int hash, int entry) {
        return ((long) hash << 32) | (entry + 1L);
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
