package org.sovereignai.check;

import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Position;

/**
 * What a {@link Check} learns when a sheet starts: its columns, where it is, the header's row number, and whether
 * it is a CSV (XLSX rows are stored short whenever their last cells are empty; CSV rows are not).
 *
 * @param sheet the sheet's position (file and sheet name, no row), from which findings' positions are made
 */
record Header(Columns columns, Position sheet, int row, boolean csv) {
}
