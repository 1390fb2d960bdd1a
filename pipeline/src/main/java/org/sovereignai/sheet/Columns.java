package org.sovereignai.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * How a sheet's header maps to the record contract. Header names are matched after trimming and lower-casing.
 * Columns starting with {@code _} are control columns (such as {@code _action}), kept apart from the record.
 */
public final class Columns {
    private final Schema schema;
    private final List<String> header;
    private final int[] columnOfField;      // field index -> 0-based column, -1 when absent
    private final Map<String, Integer> control;
    private final List<Integer> unknown;
    private final List<Integer> duplicates;

    private Columns(Schema schema, List<String> header) {
        this.schema = schema;
        this.header = List.copyOf(header);
        this.columnOfField = new int[schema.fields().size()];
        Arrays.fill(columnOfField, -1);
        Map<String, Integer> ctl = new HashMap<>();
        List<Integer> unk = new ArrayList<>();
        List<Integer> dup = new ArrayList<>();
        for (int col = 0; col < header.size(); col++) {
            String name = normalise(header.get(col));
            if (name.isEmpty()) {
                unk.add(col);
                continue;
            }
            if (name.startsWith("_")) {
                if (ctl.putIfAbsent(name, col) != null) dup.add(col);
                continue;
            }
            FieldSpec f = schema.field(name);
            if (f == null) {
                unk.add(col);
            } else if (columnOfField[f.index()] >= 0) {
                dup.add(col);
            } else {
                columnOfField[f.index()] = col;
            }
        }
        this.control = Collections.unmodifiableMap(ctl);
        this.unknown = List.copyOf(unk);
        this.duplicates = List.copyOf(dup);
    }

    public static Columns of(Schema schema, List<String> header) {
        return new Columns(schema, header);
    }

    static String normalise(String headerCell) {
        return headerCell == null ? "" : headerCell.strip().toLowerCase(Locale.ROOT);
    }

    public Schema schema() {
        return schema;
    }

    public List<String> header() {
        return header;
    }

    /** 0-based column holding the field, or -1. */
    public int columnOf(FieldSpec field) {
        return columnOfField[field.index()];
    }

    /** 0-based column of a control column such as {@code _action}, or -1. */
    public int controlColumn(String name) {
        return control.getOrDefault(name, -1);
    }

    /** 0-based columns whose header names no field. */
    public List<Integer> unknownColumns() {
        return unknown;
    }

    /** 0-based columns that repeat an earlier column's name (the first one is used). */
    public List<Integer> duplicateColumns() {
        return duplicates;
    }

    /** Required fields (for any layer) with no column. */
    public List<FieldSpec> missingRequired() {
        List<FieldSpec> out = new ArrayList<>();
        for (FieldSpec f : schema.fields()) if (f.required() && columnOfField[f.index()] < 0) out.add(f);
        return out;
    }

    /** The row's raw cell text per field index (null where the column is absent or the row short). */
    public String[] rawValues(Row row) {
        String[] raw = new String[columnOfField.length];
        for (int i = 0; i < raw.length; i++) {
            int col = columnOfField[i];
            if (col >= 0) raw[i] = row.cell(col);
        }
        return raw;
    }

    /** The row as a canonical project. */
    public Project project(Row row) {
        return Project.of(schema, rawValues(row));
    }
}
