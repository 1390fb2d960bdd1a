package org.sovereignai.routes;

import java.io.File;
import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.UrlSubmission;

/**
 * The one submission route both doors use: {@code direct:submit} takes a file (a {@link Path} or {@link File} body)
 * with the curator, note, original name and door as headers, skips content already received (idempotent consumer
 * keyed on quarter and sha256) and hands the rest to {@link Submissions}. The reply body is a {@link SubmissionResult}.
 * A {@code .txt} file is a URL list: {@link Submissions} turns it into a candidate sheet, fetching the pages with this
 * route's fetch policy (the defaults refuse loopback and private addresses; only tests allow loopback).
 */
public final class SubmissionRoutes extends RouteBuilder {
    public static final String SUBMIT = "direct:submit";
    public static final String CURATOR = "SaiCurator";
    public static final String NOTE = "SaiNote";
    public static final String ORIGINAL_NAME = "SaiOriginalName";
    public static final String DOOR = "SaiDoor";
    static final String FINGERPRINT = "SaiFingerprint";
    static final String KEY = "SaiKey";

    private final Curation curation;
    private final UrlSubmission urls;

    public SubmissionRoutes(Curation curation) {
        this(curation, FetchPolicy.defaults());
    }

    /** With the fetch policy for submitted URL lists (tests: loopback allowed, short timeouts). */
    public SubmissionRoutes(Curation curation, FetchPolicy fetchPolicy) {
        this.curation = curation;
        this.urls = new UrlSubmission(curation.schema(), new BatchFetcher(new Fetcher(fetchPolicy))::fetchAll);
    }

    @Override
    public void configure() {
        // Failures go back to the caller (the CLI prints a message, the inbox moves the file to rejected/ with a
        // report); the default handler would also log a stack trace, which curators must never see.
        errorHandler(noErrorHandler());
        from(SUBMIT).routeId("submission")
                .process(this::identify)
                .filter(header(KEY).isNotNull())
                    .idempotentConsumer(header(KEY))
                        .idempotentRepository(new SubmissionIdempotentRepository(curation.submissions()))
                        .eager(false).skipDuplicate(false).removeOnFailure(true)
                        .process(this::submit)
                    .end()
                .end();
    }

    private void identify(Exchange ex) throws Exception {
        Submissions.Request request = request(ex);
        Submissions.Fingerprint fp = curation.submissions().identify(request);
        ex.getIn().setHeader(FINGERPRINT, fp);
        if (fp.refusal() != null) {
            ex.getIn().setBody(curation.submissions().submit(request, fp));
        } else {
            ex.getIn().setHeader(KEY, fp.key());
        }
    }

    private void submit(Exchange ex) throws Exception {
        Submissions.Request request = request(ex);
        Submissions.Fingerprint fp = ex.getIn().getHeader(FINGERPRINT, Submissions.Fingerprint.class);
        // A duplicate goes through the same call: the domain recognises the hash and reports the earlier submission.
        SubmissionResult result = curation.submissions().submit(request, fp, urls);
        ex.getIn().setBody(result);
    }

    private static Submissions.Request request(Exchange ex) {
        Object body = ex.getIn().getBody();
        Path file = body instanceof Path p ? p : ex.getIn().getBody(File.class).toPath();
        String name = ex.getIn().getHeader(ORIGINAL_NAME, String.class);
        return new Submissions.Request(file, name == null ? file.getFileName().toString() : name,
                ex.getIn().getHeader(CURATOR, String.class), ex.getIn().getHeader(NOTE, String.class),
                ex.getIn().getHeader(DOOR, "cli", String.class));
    }
}
