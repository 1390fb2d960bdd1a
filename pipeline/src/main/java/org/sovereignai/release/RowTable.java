package org.sovereignai.release;

import java.util.Arrays;

/**
 * The rows of one release file, held compactly for a diff: per row its id (ASCII bytes), a 128-bit hash of the row's
 * bytes and where the row sits in the file, in flat arrays (about 60 bytes a row and no object per row), so a million
 * rows cost ~60 MB and nothing for the garbage collector to trace. Rows are numbered in file order.
 */
final class RowTable {
    private byte[] ids;
    private int idsUsed;
    private int[] idEnd;          // row i's id is ids[idEnd[i-1] (0 for i = 0) .. idEnd[i])
    private long[] idHash;
    private long[] hashLo;
    private long[] hashHi;
    private long[] offset;
    private int[] length;
    private int size;
    private int[] slots;          // open addressing: row + 1, 0 when free; built on first use while ids ascend
    private int mask;
    private boolean ascending = true;

    RowTable(int expectedRows) {
        int cap = Math.max(16, expectedRows);
        ids = new byte[cap * 16];
        idEnd = new int[cap];
        idHash = new long[cap];
        hashLo = new long[cap];
        hashHi = new long[cap];
        offset = new long[cap];
        length = new int[cap];
    }

    int size() {
        return size;
    }

    /**
     * Adds a row whose id is {@code buf[from, to)}; false (and nothing added) when the id is already in the table.
     * While ids arrive in ascending order (a release file's do) a repeat can only be the previous id, so no hash
     * table is kept until one is needed.
     */
    boolean add(byte[] buf, int from, int to, long hLo, long hHi, long rowOffset, int rowLength) {
        long h = hashId(buf, from, to);
        if (ascending && size > 0) {
            int c = Arrays.compareUnsigned(ids, idStart(size - 1), idEnd[size - 1], buf, from, to);
            if (c == 0) return false;
            if (c > 0) ascending = false;
        }
        if (!ascending && find(buf, from, to, h) >= 0) return false;
        if (size == idEnd.length) grow();
        int n = to - from;
        if (idsUsed + n > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idsUsed + n));
        System.arraycopy(buf, from, ids, idsUsed, n);
        idsUsed += n;
        idEnd[size] = idsUsed;
        idHash[size] = h;
        hashLo[size] = hLo;
        hashHi[size] = hHi;
        offset[size] = rowOffset;
        length[size] = rowLength;
        size++;
        if (slots != null) {
            if (size * 2 > slots.length) rehash(slots.length * 2);
            else insertSlot(size - 1);
        }
        return true;
    }

    /** True when every row's id is greater than the previous row's (byte order, which is String order for ASCII). */
    boolean ascending() {
        return ascending;
    }

    /** Row {@code row}'s id compared with the id of {@code other}'s row {@code otherRow}. */
    int compareId(int row, RowTable other, int otherRow) {
        return compareId(row, other.ids, other.idStart(otherRow), other.idEnd[otherRow]);
    }

    /** Row {@code row}'s id compared with the id {@code other[from, to)}, byte by byte (String order for ASCII ids). */
    int compareId(int row, byte[] other, int from, int to) {
        return Arrays.compareUnsigned(ids, idStart(row), idEnd[row], other, from, to);
    }

    /** The row with this id, or -1. */
    int find(byte[] buf, int from, int to, long h) {
        if (slots == null) rehash(Integer.highestOneBit(Math.max(16, size) * 2 - 1) * 2);
        for (int s = (int) h & mask; ; s = (s + 1) & mask) {
            int r = slots[s] - 1;
            if (r < 0) return -1;
            if (idHash[r] == h && Arrays.equals(ids, idStart(r), idEnd[r], buf, from, to)) return r;
        }
    }

    /** The row of this table with the id of {@code other}'s row {@code row}, or -1. */
    int find(RowTable other, int row) {
        return find(other.ids, other.idStart(row), other.idEnd[row], other.idHash[row]);
    }

    /** True when the two rows' bytes hash alike (128 bits: equal in practice exactly when the bytes are equal). */
    boolean sameHash(int row, RowTable other, int otherRow) {
        return hashLo[row] == other.hashLo[otherRow] && hashHi[row] == other.hashHi[otherRow];
    }

    boolean sameHash(int row, long hLo, long hHi) {
        return hashLo[row] == hLo && hashHi[row] == hHi;
    }

    long offset(int row) {
        return offset[row];
    }

    int length(int row) {
        return length[row];
    }

    static long hashId(byte[] buf, int from, int to) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = from; i < to; i++) h = (h ^ buf[i]) * 0x100000001B3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private int idStart(int row) {
        return row == 0 ? 0 : idEnd[row - 1];
    }

    private void insertSlot(int row) {
        int s = (int) idHash[row] & mask;
        while (slots[s] != 0) s = (s + 1) & mask;
        slots[s] = row + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        for (int r = 0; r < size; r++) insertSlot(r);
    }

    private void grow() {
        int cap = idEnd.length * 2;
        idEnd = Arrays.copyOf(idEnd, cap);
        idHash = Arrays.copyOf(idHash, cap);
        hashLo = Arrays.copyOf(hashLo, cap);
        hashHi = Arrays.copyOf(hashHi, cap);
        offset = Arrays.copyOf(offset, cap);
        length = Arrays.copyOf(length, cap);
    }
}
