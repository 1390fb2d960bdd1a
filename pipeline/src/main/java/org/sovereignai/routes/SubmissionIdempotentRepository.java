package org.sovereignai.routes;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.sovereignai.curation.Submissions;

/**
 * The idempotent consumer's memory is the curation database itself: a key ({@code QUARTER:SHA256}) is known once a
 * submission with that content is recorded for the quarter. Recording happens in the domain's own transaction, so
 * there is one source of truth and no second table to drift from it; {@link #add} therefore records nothing.
 * Used with {@code eager(false)}: Camel asks {@link #contains} before processing.
 */
final class SubmissionIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private final Submissions submissions;

    SubmissionIdempotentRepository(Submissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public boolean contains(String key) {
        int colon = key.indexOf(':');
        return submissions.known(key.substring(0, colon), key.substring(colon + 1));
    }

    /** Nothing to store: the submission's transaction recorded the key. True means "new" to Camel. */
    @Override
    public boolean add(String key) {
        return true;
    }

    @Override
    public boolean remove(String key) {
        return false;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // the database is the record of what was received; it is never cleared from a route
    }
}
