package org.sovereignai.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.sovereignai.check.Report;
import org.sovereignai.diff.Change;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.Gate;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.release.Releases;
import org.sovereignai.sheet.SheetException;

/**
 * Use case: the keyed diff of two record sets (release folders or curator sheets), rendered as CHANGES.md or
 * changes.json, with CI gates. Two release folders list their records by id, so they are diffed in one merge pass
 * without holding the old side; otherwise the old input is held by id (packed) and the new one streamed past it.
 * (Reading two sheets at once, one per core, was measured slower at a million records: the two sides held at once
 * cost the collector more than the second core gave.)
 */
public final class DiffRecords {
    /** The diff, its rendering, and the explanation of every gate that tripped (none: exit 0). */
    public record Result(Diff diff, String rendered, List<String> tripped) {
    }

    private final Home home;

    public DiffRecords(Home home) {
        this.home = home;
    }

    /**
     * @param sheet the XLSX sheet to read from sheet inputs, or null for the first
     * @param only  the kinds of change to list (empty: all; the summary counts all)
     * @param json  changes.json rather than CHANGES.md
     * @throws Refusal an input that is missing, unreadable or has validation errors
     */
    public Result run(Path oldInput, Path newInput, String sheet, Set<Change.Op> only, List<Gate> gates, boolean json) {
        for (Path p : List.of(oldInput, newInput)) {
            if (!Files.exists(p)) throw Refusal.usage(p + ": no such file or folder");
        }
        Schema schema = home.schema();
        Diff diff = releaseFiles(oldInput, newInput, schema);
        if (diff == null) diff = readAndDiff(oldInput, newInput, sheet, schema);
        ChangesReport report = new ChangesReport(diff, RecordInput.label(oldInput), RecordInput.label(newInput)).only(only);
        List<String> tripped = new ArrayList<>();
        for (Gate g : gates) if (g.trips(diff)) tripped.add(g.explain(diff));
        return new Result(diff, render(report, json), tripped);
    }

    /** Two release folders diffed by one merge pass, or null when the inputs are not two release folders sorted by id. */
    private static Diff releaseFiles(Path oldInput, Path newInput, Schema schema) {
        Path oldCsv = oldInput.resolve(ReleaseFiles.PROJECTS_CSV);
        Path newCsv = newInput.resolve(ReleaseFiles.PROJECTS_CSV);
        if (!Files.isDirectory(oldInput) || !Files.isDirectory(newInput) || !Files.isRegularFile(oldCsv) || !Files.isRegularFile(newCsv)) {
            return null;
        }
        try {
            return Releases.diffReleaseFiles(oldCsv, newCsv, schema);
        } catch (SheetException | IllegalArgumentException e) {
            return null;   // read the general way, which says what is wrong
        }
    }

    /** The old input into the diff, then the new one streamed past it (a sheet with errors is refused, nothing diffed). */
    private static Diff readAndDiff(Path oldInput, Path newInput, String sheet, Schema schema) {
        KeyedDiff kd = new KeyedDiff(schema);
        try {
            refuseInvalid(oldInput, RecordInput.read(oldInput, sheet, schema, kd::addOld, kd::addOld));
            refuseInvalid(newInput, RecordInput.read(newInput, sheet, schema, kd::addNew, kd::addNew));
            return kd.finish();
        } catch (IllegalArgumentException e) {
            throw Refusal.data("cannot diff: " + e.getMessage());
        }
    }

    private static String render(ChangesReport report, boolean json) {
        try {
            if (json) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                report.writeJson(buf);
                return buf.toString(StandardCharsets.UTF_8);
            }
            StringWriter buf = new StringWriter();
            report.writeMarkdown(buf);
            return buf.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // in memory: cannot happen
        }
    }

    private static void refuseInvalid(Path input, Report report) {
        if (report.valid()) return;
        String why = input + (report.ioFailure() ? " cannot be read" : " has " + report.errors()
                + " validation error(s); fix them before diffing");
        String message = why + "\n" + RecordInput.findings(report).stripTrailing();
        throw report.exitCode() == Refusal.DATA ? Refusal.data(message) : Refusal.usage(message);
    }
}
