package org.sovereignai.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sovereignai.sheet.Position;

/**
 * The outcome of validating one or more sheets: findings (data first) and counts.
 * Counts are exact; the stored list is capped so a million bad rows cannot exhaust memory.
 */
public final class Report {
    /** Findings kept for display; beyond this only the counts grow. */
    public static final int MAX_KEPT_FINDINGS = 10_000;

    private final List<Finding> findings = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    /** Where rows start in each file (by the name findings give it), when that is not the row number. */
    private final java.util.Map<String, org.sovereignai.sheet.Lines> lines = new java.util.HashMap<>();
    private long errors;
    private long warnings;
    private long records;
    private boolean ioFailure;

    public void add(Finding f) {
        if (f.isError()) errors++;
        else warnings++;
        if (findings.size() < MAX_KEPT_FINDINGS) findings.add(f);
    }

    /** Adds another report's findings and counts (the kept list stays capped). */
    public void addAll(Report other) {
        for (Finding f : other.findings) if (findings.size() < MAX_KEPT_FINDINGS) findings.add(f);
        notes.addAll(other.notes);
        lines.putAll(other.lines);
        errors += other.errors;
        warnings += other.warnings;
        records += other.records;
        ioFailure |= other.ioFailure;
    }

    /**
     * How a file was read when a curator might assume otherwise (a CSV separated by semicolons, in UTF-16): said in
     * every rendering, but not a finding and not counted.
     */
    public record Note(Position position, String message) {
    }

    public void addNote(Position position, String message) {
        notes.add(new Note(position, message));
    }

    public List<Note> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Where the rows of {@code file} (as findings name it) start in it; kept while the sheet is read. */
    public void addLines(String file, org.sovereignai.sheet.Lines rows) {
        if (file != null && rows != org.sovereignai.sheet.Lines.SAME) lines.put(file, rows);
    }

    /**
     * The line of {@code file} on which {@code row} starts: the row number, except in a CSV after a cell with line
     * breaks. What GitHub annotations point at.
     */
    public int line(String file, int row) {
        org.sovereignai.sheet.Lines l = file == null ? null : lines.get(file);
        return l == null ? row : l.lineOf(row);
    }

    public void countRecord() {
        records++;
    }

    /** Marks that a file could not be read at all (exit code 2 rather than 1). */
    public void markIoFailure() {
        ioFailure = true;
    }

    public boolean ioFailure() {
        return ioFailure;
    }

    public List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }

    public long errors() {
        return errors;
    }

    public long warnings() {
        return warnings;
    }

    public long records() {
        return records;
    }

    public boolean valid() {
        return errors == 0 && !ioFailure;
    }

    /** True when some findings were counted but not kept. */
    public boolean truncated() {
        return errors + warnings > findings.size();
    }

    /** 0 valid (warnings allowed), 1 data errors, 2 a file could not be read. */
    public int exitCode() {
        return ioFailure ? 2 : errors > 0 ? 1 : 0;
    }
}
