package org.sovereignai.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sovereignai.release.Releases;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/** A record's story: the releases it appeared in (from {@code snapshots/}) and every change to it (from the audit log). */
public final class History {
    private final CurationRepository repo;
    private final Path snapshots;
    private final Schema schema;

    public History(CurationRepository repo, Path snapshots, Schema schema) {
        this.repo = repo;
        this.snapshots = snapshots;
        this.schema = schema;
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
        for (Releases.Release r : Quarters.published(snapshots)) {
            for (Project p : Quarters.records(r, schema)) {
                if (recordId.equals(p.id())) {
                    seen.add(new Appearance(r.id().toString(), p.name()));
                    break;
                }
            }
        }
        return repo.read(c -> new RecordHistory(recordId, seen, repo.changesOfRecord(c, recordId), repo.auditOfRecord(c, recordId)));
    }
}
