package org.sovereignai.app;

import java.io.IOException;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.SubmissionResult;
import org.sovereignai.curation.Submissions;
import org.sovereignai.sources.SourceChecker;
import org.sovereignai.sources.UrlSubmission;

/**
 * Use case: receive one file for the open quarter, from either door ({@code ./sai submit} or the watched inbox; both
 * reach it through the {@code direct:submit} route). A sheet becomes proposed changes; a {@code .txt} list of URLs
 * becomes a candidate sheet, its pages fetched by {@code urlFetcher}. Content already received for the quarter is
 * recognised by its sha256 and answered with the earlier submission (the unique {@code (quarter, sha256)} constraint
 * makes that hold across processes too).
 */
public final class SubmitFile {
    private final Curation curation;
    private final UrlSubmission urls;

    public SubmitFile(Curation curation, SourceChecker.Runner urlFetcher) {
        this.curation = curation;
        this.urls = new UrlSubmission(curation.schema(), urlFetcher);
    }

    /**
     * Submissions processed at once in this process: as many as it has processors. Validating a sheet against the
     * draft is CPU work, so more at once only queue for the processors, and among them is the one holding the
     * quarter's lock, whose short transaction then waits for the CPU behind all the others (on PostgreSQL with 20
     * uploads at once the lock was waited for 0.6 s on average). Fair: the first to wait goes first.
     */
    private static final java.util.concurrent.Semaphore AT_ONCE =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public SubmissionResult run(Submissions.Request request) throws IOException {
        Submissions submissions = curation.submissions();
        try {
            AT_ONCE.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to process " + request.originalName());
        }
        try {
            return submissions.submit(request, submissions.identify(request), urls);
        } finally {
            AT_ONCE.release();
        }
    }

    /**
     * A dry run of {@link #run}: the same readers, guards and validation against the open quarter's draft (blank = no
     * change), and the changes it would propose; nothing is archived or recorded. Both dry-run doors call it
     * ({@code ./sai submit --dry-run}, the API's {@code ?dryRun=true}).
     */
    public SubmissionResult check(Submissions.Request request) throws IOException {
        return curation.submissions().check(request);
    }
}
