package org.sovereignai.app;

import java.io.IOException;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.History;

/** Use case: a record's story: every release it appeared in and every change proposed to it, who and when. */
public final class ShowHistory {
    private final Curation curation;

    public ShowHistory(Curation curation) {
        this.curation = curation;
    }

    /** The record's history; a {@link Refusal} (data) when no release and no change mentions the id. */
    public History.RecordHistory run(String recordId) throws IOException {
        History.RecordHistory h = curation.history().of(recordId);
        if (h.empty()) throw Refusal.data("no release and no change mentions '" + recordId + "'");
        return h;
    }
}
