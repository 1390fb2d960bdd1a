package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.check.Finding;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.routes.SubmissionRoutes;
import org.sovereignai.sources.FetchPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;


/**
 * {@code sai submit FILE --curator NAME [--note TEXT]}: the one-shot door. It goes through the same Camel route as the
 * inbox ({@code direct:submit}), so both doors are handled identically.
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
        SubmissionResult r = send(cur, file, curator, note, FetchPolicy.defaults().withAllowLoopback(allowLoopback));
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

    /** Sends one file through {@code direct:submit} in a short-lived Camel context. */
    static SubmissionResult send(Curation cur, Path file, String curator, String note) throws IOException {
        return send(cur, file, curator, note, FetchPolicy.defaults());
    }

    /** As {@link #send(Curation, Path, String, String)}, fetching a URL list's pages with this policy. */
    static SubmissionResult send(Curation cur, Path file, String curator, String note, FetchPolicy fetchPolicy) throws IOException {
        try (CamelContext ctx = new DefaultCamelContext()) {
            ctx.addRoutes(new SubmissionRoutes(cur, fetchPolicy));
            ctx.start();
            Map<String, Object> headers = new HashMap<>();
            headers.put(SubmissionRoutes.CURATOR, curator);
            if (note != null) headers.put(SubmissionRoutes.NOTE, note);
            headers.put(SubmissionRoutes.ORIGINAL_NAME, file.getFileName() == null ? file.toString() : file.getFileName().toString());
            headers.put(SubmissionRoutes.DOOR, "cli");
            try {
                return ctx.createProducerTemplate().requestBodyAndHeaders(SubmissionRoutes.SUBMIT, file.toAbsolutePath(), headers,
                        SubmissionResult.class);
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CurationException ce) throw ce;
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException re) throw re;
                throw new IOException(cause == null ? e.getMessage() : cause.getMessage(), cause);
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
