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
}
