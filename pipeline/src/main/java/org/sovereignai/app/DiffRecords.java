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

import org.sovereignai.check.GithubAnnotations;
import org.sovereignai.check.Report;
import org.sovereignai.diff.Change;
import org.sovereignai.diff.Diff;
import org.sovereignai.diff.Gate;
import org.sovereignai.diff.KeyedDiff;
import org.sovereignai.io.Json;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.release.Releases;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sheet.Sheets;

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

    /**
     * How the diff is rendered: CHANGES.md; changes.json with the command line's {@code formatVersion}; changes.json
     * exactly as a release publishes it (what the HTTP door serves beside the published files); or GitHub workflow
     * annotations on the lines of the records.
     */
    public enum Format {
        MD, JSON, RELEASE_JSON, GITHUB;

        /** The value of {@code --format}: md, json or github; null for anything else. */
        public static Format of(String name) {
            for (Format f : List.of(MD, JSON, GITHUB)) if (f.name().equalsIgnoreCase(name)) return f;
            return null;
        }
    }

    private final Home home;

    public DiffRecords(Home home) {
        this.home = home;
    }

    /**
     * @param sheet the XLSX sheet to read from sheet inputs, or null for the first
     * @param only  the kinds of change to list (empty: all; the summary counts all)
     * @param format the rendering
     * @throws Refusal an input that is missing, unreadable or has validation errors
     */
    public Result run(Path oldInput, Path newInput, String sheet, Set<Change.Op> only, List<Gate> gates, Format format) {
        for (Path p : List.of(oldInput, newInput)) {
            if (!Files.exists(p)) throw Refusal.usage(p + ": no such file or folder");
        }
        Schema schema = home.schema();
        Diff diff = releaseFiles(oldInput, newInput, schema);
        if (diff == null) diff = readAndDiff(oldInput, newInput, sheet, schema);
        ChangesReport report = new ChangesReport(diff, RecordInput.label(oldInput), RecordInput.label(newInput)).only(only);
        List<String> tripped = new ArrayList<>();
        for (Gate g : gates) if (g.trips(diff)) tripped.add(g.explain(diff));
        String rendered = switch (format) {
            case MD, RELEASE_JSON -> render(report, format == Format.RELEASE_JSON);
            case JSON -> render(report.extra(java.util.Map.of("formatVersion", Json.FORMAT_VERSION)), true);
            case GITHUB -> github(report, diff, oldInput, newInput, sheet, schema, tripped);
        };
        return new Result(diff, rendered, tripped);
    }

    /** The annotations of the diff, one {@code ::error} per tripped gate, then the summary line. */
    private static String github(ChangesReport report, Diff diff, Path oldInput, Path newInput, String sheet, Schema schema,
                                 List<String> tripped) {
        Set<String> removed = new java.util.HashSet<>();
        Set<String> present = new java.util.HashSet<>();
        for (Change c : diff.changes()) (c.op() == Change.Op.REMOVED ? removed : present).add(c.id());
        StringWriter buf = new StringWriter();
        try {
            report.writeGithub(buf, where(oldInput, sheet, removed, schema), where(newInput, sheet, present, schema));
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // in memory: cannot happen
        }
        for (String t : tripped) buf.write(GithubAnnotations.annotation("error", null, null, "gate", t) + "\n");
        buf.write(report.summaryLine() + "\n");
        return buf.toString();
    }

    /**
     * Where an input's records of interest start: the file a release folder keeps them in (projects.csv) or the sheet,
     * named as given on the command line, and the line of each of {@code ids} (for a CSV the physical line, which a
     * cell with line breaks moves down). A second read of the file, for this format only; a file that cannot be read
     * again gives annotations without lines.
     */
    private static ChangesReport.Where where(Path input, String sheet, Set<String> ids, Schema schema) {
        boolean release = Files.isDirectory(input);
        Path file = release ? input.resolve(ReleaseFiles.PROJECTS_CSV) : input;
        java.util.Map<String, Integer> lines = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            try (Sheet s = Sheets.open(file, file.toString(), release ? null : sheet, Sheets.Limits.DEFAULT)) {
                int id = Columns.of(schema, s.header()).columnOf(schema.require(Schema.ID));
                for (Row row = s.next(); id >= 0 && row != null && lines.size() < ids.size(); row = s.next()) {
                    String value = row.cell(id) == null ? null : row.cell(id).strip();
                    if (value != null && ids.contains(value)) lines.putIfAbsent(value, s.lines().lineOf(row.number()));
                }
            } catch (SheetException e) {
                // read once already; if it cannot be read now, the annotations name the file only
            }
        }
        return new ChangesReport.Where(file.toString(), lines);
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
