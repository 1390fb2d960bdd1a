package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.sovereignai.app.SubmitFile;
import org.sovereignai.check.Finding;
import org.sovereignai.check.Report;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.FileNames;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Submission;
import org.sovereignai.curation.SubmissionReport;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.io.Json;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.SubmissionRoutes;
import org.sovereignai.sources.FetchPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sai submit FILE --curator NAME [--note TEXT] [--dry-run] [--format text|json]}: the one-shot door. It starts
 * the program's Camel runtime with the submission route, sends the file through {@code direct:submit} as the inbox
 * does (so both doors run the same {@code SubmitFile} use case), and stops it again. {@code --dry-run} runs the same
 * validation against the open draft through {@code SubmitFile.check}, as the API's {@code ?dryRun=true} does, and
 * records nothing.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a curator sheet (CSV, XLSX or ODS, full or only changed rows) to the open quarter, or a list of URLs"
                + " (.txt, one a line) to turn into candidate records under curation/candidates/.",
                "With --dry-run, check the sheet exactly as a submission would be checked against the open draft (a blank cell"
                + " means no change) and list which rows change which fields; nothing is archived or recorded.",
                "Exit 0 accepted (or already submitted; with --dry-run: valid), 1 invalid or too large (see the report), 2 usage or I/O."})
public final class SubmitCommand extends CurationCommand {
    @Parameters(paramLabel = "FILE", description = "the sheet (.csv, .xlsx, .ods) or URL list (.txt)")
    Path file;

    @Option(names = "--curator", required = true, paramLabel = "NAME", description = "who made the changes (credited in the release)")
    String curator;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note for the reviewer")
    String note;

    @Option(names = "--dry-run", description = "only check the sheet against the open draft and show the changes it would propose; record nothing")
    boolean dryRun;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (the default) or json (the submission report: findings and changes, camelCase, formatVersion)")
    String format;

    @Option(names = "--allow-loopback", hidden = true, description = "tests only: let a URL list's loopback addresses through the address guard")
    boolean allowLoopback;

    @Override
    int execute(Curation cur, PrintWriter out) throws IOException {
        if (curator.isBlank()) {
            throw org.sovereignai.curation.CurationException.usage("--curator is empty: name who made the changes"
                    + " (they are credited in the release)");
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw org.sovereignai.curation.CurationException.usage("--format must be text or json, not '" + format + "'");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Submissions.Request request = new Submissions.Request(file.toAbsolutePath(), name, curator, note, "cli");
        SubmissionResult r = dryRun ? new SubmitFile(cur, null).check(request) : viaRoute(cur, request);
        if (format.equals("json")) {
            out.print(json(r, name));
            return r.exitCode();
        }
        out.println(r.message());
        for (Report.Note n : r.report().notes()) out.println("  note: " + n.message());
        for (Finding f : r.report().findings()) {
            out.println("  " + f.severity().value() + " " + f.code() + " at " + f.position().describe() + ": " + f.message());
        }
        if (r.outcome() == SubmissionResult.Outcome.ACCEPTED) {
            if (dryRun && !r.changes().isEmpty()) out.println("changes it would propose:");
            for (ProposedChange c : r.changes()) {
                out.println("  " + (dryRun ? "" : c.label() + " ") + SubmissionReport.line(c));
            }
        }
        if (r.submission() != null) out.println("archived: " + r.submission().archivePath());
        return r.exitCode();
    }

    /** The file through {@code direct:submit}, in the program's Camel runtime started for this one request. */
    private SubmissionResult viaRoute(Curation cur, Submissions.Request request) throws IOException {
        try (CamelRuntime camel = CamelRuntime.of(cur.workspace(),
                new SubmissionRoutes(cur, FetchPolicy.defaults().withAllowLoopback(allowLoopback))).start()) {
            return camel.request(SubmissionRoutes.SUBMIT, request, null, SubmissionResult.class);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The submission report (as archived beside a submission), with whether it was a dry run, the submission and the message. */
    private String json(SubmissionResult r, String name) {
        Submission s = r.submission();
        String outcome = r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        var m = SubmissionReport.map(FileNames.display(name), r.file() == null ? null : r.file().sha256(),
                r.file() == null ? null : r.file().quarter(), curator, outcome, r.report(), r.changes());
        m.put("dryRun", dryRun);
        m.put("submission", s == null ? null : s.label());
        m.put("message", r.message());
        return Json.write(m);
    }
}
