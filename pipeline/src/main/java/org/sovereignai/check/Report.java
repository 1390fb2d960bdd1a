package org.sovereignai.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of validating one or more sheets: findings (data first) and counts.
 * Counts are exact; the stored list is capped so a million bad rows cannot exhaust memory.
 */
public final class Report {
    /** Findings kept for display; beyond this only the counts grow. */
    public static final int MAX_KEPT_FINDINGS = 10_000;

    private final List<Finding> findings = new ArrayList<>();
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
        errors += other.errors;
        warnings += other.warnings;
        records += other.records;
        ioFailure |= other.ioFailure;
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
