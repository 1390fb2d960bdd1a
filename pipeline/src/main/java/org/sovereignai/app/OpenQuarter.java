package org.sovereignai.app;

import java.io.IOException;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.Quarters;

/**
 * Use case: open a quarter for curation. Its draft starts from the newest release and the curators' templates are
 * written; opening the quarter that is already open only rewrites its templates.
 */
public final class OpenQuarter {
    private final Curation curation;

    public OpenQuarter(Curation curation) {
        this.curation = curation;
    }

    /** @param actor who opens it (recorded in the audit log) */
    public Quarters.Opened run(String quarter, String actor) throws IOException {
        return curation.quarters().open(quarter, actor);
    }
}
