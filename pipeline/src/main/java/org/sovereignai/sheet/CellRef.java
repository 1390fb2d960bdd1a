package org.sovereignai.sheet;

/** Spreadsheet A1 references: column 0 is A, 25 is Z, 26 is AA. */
public final class CellRef {
    private CellRef() {
    }

    /** Column letters for a 0-based column index. */
    public static String column(int index) {
        StringBuilder sb = new StringBuilder(3);
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.append((char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }

    /** A1 reference for a 0-based column and a 1-based row. */
    public static String of(int columnIndex, int row) {
        return column(columnIndex) + row;
    }
}
