package org.sovereignai.app;

import java.util.List;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.ProposedChange;
import org.sovereignai.curation.Review;

/**
 * Use case: decide proposed changes one by one. Labels name changes ({@code C12}) or whole submissions ({@code S3}:
 * all its pending changes); a decision on several is all or none, and a change in conflict cannot be approved while
 * its rival is pending.
 */
public final class ReviewChanges {
    private final Curation curation;

    public ReviewChanges(Curation curation) {
        this.curation = curation;
    }

    /** The open quarter's pending changes, each with its rivals. */
    public List<Review.Item> pending() {
        return curation.review().pending();
    }

    /** A page of {@link #pending()}: after change {@code afterId}, at most {@code limit}. */
    public List<Review.Item> pending(long afterId, int limit) {
        return curation.review().pending(afterId, limit);
    }

    public Review.Item show(String label) {
        return curation.review().show(label);
    }

    public List<ProposedChange> approve(List<String> labels, String reviewer) {
        return curation.review().approve(labels, reviewer);
    }

    /** @param reason why, for the curator who proposed them */
    public List<ProposedChange> reject(List<String> labels, String reviewer, String reason) {
        return curation.review().reject(labels, reviewer, reason);
    }

    /** Approves one change of several in conflict and rejects its rivals, naming it, in one transaction. */
    public List<ProposedChange> keep(String label, String reviewer) {
        return curation.review().keep(label, reviewer);
    }
}
