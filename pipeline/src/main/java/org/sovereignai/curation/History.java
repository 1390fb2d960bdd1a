package org.sovereignai.curation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.release.ReleaseId;
import org.sovereignai.record.Project;

/** A record's story: the releases it appeared in (from {@code snapshots/}) and every change to it (from the audit log). */
public final class History {
    private final CurationRepository repo;
    private final Releases releases;

    public History(CurationRepository repo, Releases releases) {
        this.repo = repo;
        this.releases = releases;
    }

    /** The record as published in one release. */
    public record Appearance(String release, String name) {
    }

    public record RecordHistory(String recordId, List<Appearance> releases, List<ProposedChange> changes,
                                List<CurationRepository.AuditEntry> audit) {
        public boolean empty() {
            return releases.isEmpty() && changes.isEmpty();
        }
    }

    public RecordHistory of(String recordId) throws IOException {
        List<Appearance> seen = new ArrayList<>();
        for (ReleaseId r : releases.all()) {
            for (Project p : releases.read(r)) {
                if (recordId.equals(p.id())) {
                    seen.add(new Appearance(r.toString(), p.name()));
                    break;
                }
            }
        }
        return repo.read(c -> new RecordHistory(recordId, seen, repo.changesOfRecord(c, recordId), repo.auditOfRecord(c, recordId)));
    }
}
