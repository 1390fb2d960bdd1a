package org.sovereignai.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.check.Validator;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.release.Releases;
import org.sovereignai.sheet.Position;
import org.sovereignai.sheet.SheetException;

/**
 * A record set a use case is given: a release folder (its projects.csv, trusted: {@code verify} checks it) or a curator
 * sheet (validated while it is read; errors refuse it).
 */
public final class RecordInput {
    /** Findings listed before the rest is summarised. */
    public static final int SHOWN_FINDINGS = 50;

    private RecordInput() {
    }

    /** A short name for reports: the release id (folder name) or the sheet's file name. */
    public static String label(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? p.toString() : name.toString();
    }

    /**
     * Streams the records to {@code sink} (a sheet's, validated) or {@code rows} (a release folder's raw rows); the
     * report says whether the input was usable (what the sinks got is void if not).
     */
    public static Report read(Path input, String sheetName, Schema schema, Consumer<Project> sink, Consumer<String[]> rows) {
        if (Files.isDirectory(input)) {
            Report report = new Report();
            Path csv = input.resolve(ReleaseFiles.PROJECTS_CSV);
            if (!Files.isRegularFile(csv)) {
                report.markIoFailure();
                report.add(Finding.error("not-a-release", Position.ofFile(label(input)), null, null,
                        "'" + input + "' is a folder without projects.csv: name a release folder (e.g. snapshots/2026-Q1) or a sheet"));
                return report;
            }
            try {
                Releases.readRows(csv, schema, r -> {
                    report.countRecord();
                    rows.accept(r);
                });
            } catch (SheetException e) {
                if (e.isIo()) report.markIoFailure();
                report.add(Finding.error(e.code(), e.position(), null, null, e.getMessage()));
            }
            return report;
        }
        boolean[] broken = {false};
        Report report = new Validator(schema).validate(input, sheetName, rr -> {
            // once the sheet is known to be bad its records are not used, but reading goes on to report every finding
            if (broken[0] || rr.project().id() == null) {
                broken[0] = true;
                return;
            }
            try {
                sink.accept(rr.project());
            } catch (IllegalArgumentException e) {
                broken[0] = true; // a repeated id: the validator reports it with its row
            }
        });
        if (broken[0] && report.valid()) {
            // belt and braces: a row without an id, or a repeated id, can never be diffed, whatever the validator says
            report.add(Finding.error("missing-or-duplicate-id", Position.ofFile(label(input)), null, null,
                    "a row has no id or repeats one; every project needs its own id"));
        }
        return report;
    }

    /** The findings as lines ({@code error CODE at WHERE: MESSAGE}), the first {@link #SHOWN_FINDINGS} of them. */
    public static String findings(Report report) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (Finding f : report.findings()) {
            if (shown++ == SHOWN_FINDINGS) {
                sb.append("... and ").append(report.errors() + report.warnings() - SHOWN_FINDINGS).append(" more\n");
                break;
            }
            sb.append(f.severity().value()).append(' ').append(f.code()).append(" at ").append(f.position().describe())
                    .append(": ").append(f.message()).append('\n');
        }
        return sb.toString();
    }
}
