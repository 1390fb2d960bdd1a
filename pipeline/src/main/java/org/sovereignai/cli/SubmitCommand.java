package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.sovereignai.check.Finding;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.SubmissionRoutes;
import org.sovereignai.sources.FetchPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sai submit FILE --curator NAME [--note TEXT]}: the one-shot door. It starts the program's Camel runtime with
 * the submission route, sends the file through {@code direct:submit} as the inbox does (so both doors run the same
 * {@code SubmitFile} use case), and stops it again.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit a curator sheet (CSV or XLSX, full or only changed rows) to the open quarter, or a list of URLs"
                + " (.txt, one a line) to turn into candidate records under curation/candidates/. "
                + "Exit 0 accepted (or already submitted), 1 invalid or too large (see the report), 2 usage or I/O.")
public final class SubmitCommand extends CurationCommand {
    @Parameters(paramLabel = "FILE", description = "the sheet (.csv, .xlsx) or URL list (.txt)")
    Path file;

    @Option(names = "--curator", required = true, paramLabel = "NAME", description = "who made the changes (credited in the release)")
    String curator;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note for the reviewer")
    String note;

    @Option(names = "--allow-loopback", hidden = true, description = "tests only: let a URL list's loopback addresses through the address guard")
    boolean allowLoopback;

    @Override
    int execute(Curation cur, PrintWriter out) throws IOException {
        if (curator.isBlank()) {
            throw org.sovereignai.curation.CurationException.usage("--curator is empty: name who made the changes"
                    + " (they are credited in the release)");
        }
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Submissions.Request request = new Submissions.Request(file.toAbsolutePath(), name, curator, note, "cli");
        SubmissionResult r;
        try (CamelRuntime camel = CamelRuntime.of(cur.workspace(),
                new SubmissionRoutes(cur, FetchPolicy.defaults().withAllowLoopback(allowLoopback))).start()) {
            r = camel.request(SubmissionRoutes.SUBMIT, request, null, SubmissionResult.class);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        out.println(r.message());
        for (Finding f : r.report().findings()) {
            out.println("  " + f.severity().value() + " " + f.code() + " at " + f.position().describe() + ": " + f.message());
        }
        if (r.outcome() == SubmissionResult.Outcome.ACCEPTED) {
            for (ProposedChange c : r.changes()) out.println("  " + c.label() + " " + c.describe() + " (cell " + c.cell() + ")");
        }
        if (r.submission() != null) out.println("archived: " + r.submission().archivePath());
        return r.exitCode();
    }
}
