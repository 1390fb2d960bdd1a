package org.sovereignai.app;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.Quarters;

/** Use case: the open quarter as it stands: its draft, its submissions, its changes by state. */
public final class QuarterStatus {
    private final Curation curation;

    public QuarterStatus(Curation curation) {
        this.curation = curation;
    }

    public Quarters.Status run() {
        return curation.quarters().status();
    }
}
