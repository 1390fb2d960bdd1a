package org.sovereignai.sheet;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a sheet's rows start in its file, for tools that point at lines (GitHub annotations). A CSV row whose quoted
 * cell holds line breaks spans several lines, so every row after it starts further down the file than its row number.
 * Only those shifts are kept (from which row on, by how many lines), so a sheet without line breaks in its cells costs
 * nothing. A workbook's rows are its lines. Filled while the sheet is read, possibly on the reading thread.
 */
public final class Lines {
    /** Rows are lines: a workbook, or a CSV without line breaks inside cells. */
    public static final Lines SAME = new Lines();

    private final TreeMap<Integer, Integer> shifts = new TreeMap<>();

    /** From {@code row} on, rows start {@code shift} lines further down than their number. */
    synchronized void shift(int row, int shift) {
        if (this == SAME) throw new IllegalStateException("Lines.SAME is fixed");
        shifts.put(row, shift);
    }

    /** The line of the file on which {@code row} starts (1-based, as an editor numbers them). */
    public synchronized int lineOf(int row) {
        Map.Entry<Integer, Integer> e = shifts.floorEntry(row);
        return e == null ? row : row + e.getValue();
    }

    /** True when some rows start on another line than their number. */
    public synchronized boolean shifted() {
        return !shifts.isEmpty();
    }
}
