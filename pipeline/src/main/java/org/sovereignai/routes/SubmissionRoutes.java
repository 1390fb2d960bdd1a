package org.sovereignai.routes;

import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.app.SubmitFile;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.Fetcher;

/**
 * The one submission route both doors use: {@code direct:submit} takes a {@link Submissions.Request} (the file, its
 * original name, curator, note and door) and answers with a {@link SubmissionResult}, computed by the {@link SubmitFile}
 * use case. A {@code .txt} file is a URL list: its pages are fetched with this route's fetch policy (the defaults
 * refuse loopback and private addresses; only tests allow loopback).
 *
 * <p>No idempotent consumer: the domain already de-duplicates. A file whose content was received for the quarter is
 * recognised by its sha256 and answered with the earlier submission ("already submitted", exit 0), which is the reply
 * both doors must give, whereas an idempotent consumer would skip the exchange and leave no reply. A Camel repository
 * (camel-sql's JDBC one) would also be a second record of the same fact beside the submission table, and only the
 * table's unique {@code (quarter, sha256)} constraint settles two processes racing with the same file.
 */
public final class SubmissionRoutes extends RouteBuilder {
    public static final String SUBMIT = "direct:submit";

    private final SubmitFile submitFile;

    public SubmissionRoutes(Curation curation) {
        this(curation, FetchPolicy.defaults());
    }

    /** With the fetch policy for submitted URL lists (tests: loopback allowed, short timeouts). */
    public SubmissionRoutes(Curation curation, FetchPolicy fetchPolicy) {
        this.submitFile = new SubmitFile(curation, new BatchFetcher(new Fetcher(fetchPolicy))::fetchAll);
    }

    @Override
    public void configure() {
        // Failures go back to the caller (the CLI prints a message, the inbox moves the file to rejected/ with a
        // report); the default handler would also log a stack trace, which curators must never see.
        errorHandler(noErrorHandler());
        from(SUBMIT).routeId("submission")
                .process(ex -> ex.getMessage().setBody(submitFile.run(ex.getIn().getMandatoryBody(Submissions.Request.class))));
    }
}
