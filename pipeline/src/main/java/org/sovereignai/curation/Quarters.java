package org.sovereignai.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sovereignai.release.ReleaseId;
import org.sovereignai.release.Releases;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetException;

/** The quarter lifecycle: open one quarter at a time from the newest release, report what is pending, close it. */
public final class Quarters {
    private final Workspace workspace;
    private final CurationRepository repo;
    private final Schema schema;

    public Quarters(Workspace workspace, CurationRepository repo, Schema schema) {
        this.workspace = workspace;
        this.repo = repo;
        this.schema = schema;
    }

    /**
     * The published releases, oldest first: the release package's folders, counting only those whose
     * {@code manifest.json} exists (a publish writes it last), so a hand-made or half-written folder is never taken
     * for a release.
     */
    static List<Releases.Release> published(Path snapshots) throws IOException {
        List<Releases.Release> out = new ArrayList<>();
        for (Releases.Release r : Releases.list(snapshots)) {
            if (Files.isRegularFile(r.folder().resolve("manifest.json"))) out.add(r);
        }
        return out;
    }

    /** The records of a release, from its {@code projects.csv}. */
    static List<Project> records(Releases.Release release, Schema schema) throws IOException {
        try {
            return release.records(schema);
        } catch (SheetException e) {
            throw new IOException("cannot read release " + release.id() + " (" + release.folder().resolve("projects.csv") + "): "
                    + e.getMessage(), e);
        }
    }

    /** What opening did: the quarter, the release it starts from, how many records, the templates written. */
    public record Opened(QuarterInfo quarter, int records, List<Path> templates, boolean alreadyOpen) {
    }

    /**
     * Opens a quarter: its draft starts from the newest release, and the curators' templates are written. Opening the
     * quarter that is already open only rewrites its templates from the current draft.
     */
    public Opened open(String name, String actor) throws IOException {
        ReleaseId q = ReleaseId.parse(name);
        if (q == null) throw CurationException.usage("'" + name + "' is not a quarter: write it as YYYY-Qn, e.g. 2026-Q1");
        Optional<QuarterInfo> open = repo.read(repo::openQuarter);
        if (open.isPresent()) {
            if (!open.get().name().equals(name)) {
                throw CurationException.usage("quarter " + open.get().name() + " is open; only one quarter is open at a time."
                        + " Release it (./sai release " + open.get().name() + ") before opening " + name + ".");
            }
            Draft draft = repo.read(c -> Draft.load(c, repo, schema, open.get()));
            List<Path> t = new Templates(schema).write(workspace.templates(), name, List.copyOf(draft.records().values()));
            return new Opened(open.get(), draft.records().size(), t, true);
        }
        Optional<QuarterInfo> known = repo.read(c -> repo.quarter(c, name));
        if (known.isPresent()) {
            throw CurationException.usage("quarter " + name + " was already " + known.get().state() + "; releases are never"
                    + " rewritten. Open the next quarter, or a revision such as " + name + ".1");
        }
        List<Releases.Release> all = published(workspace.snapshots());
        Optional<Releases.Release> newest = all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        if (newest.isPresent() && newest.get().id().compareTo(q) >= 0) {
            throw CurationException.usage("the newest release is " + newest.get().id() + "; the quarter to open must come after it");
        }
        List<Project> base = newest.isPresent() ? records(newest.get(), schema) : List.of();
        String baseName = newest.map(r -> r.id().toString()).orElse(null);
        QuarterInfo info = repo.inTransaction(c -> {
            var now = CurationRepository.now();
            if (repo.openQuarter(c).isPresent()) throw CurationException.usage("another quarter was opened meanwhile");
            repo.insertQuarter(c, name, baseName, now);
            repo.insertBaseRecords(c, name, base);
            repo.audit(c, now, actor, "quarter-opened", name, null, null, null,
                    "draft from " + (baseName == null ? "no release (empty)" : "release " + baseName) + ", " + base.size() + " records");
            return repo.quarter(c, name).orElseThrow();
        });
        List<Path> t = new Templates(schema).write(workspace.templates(), name, base);
        return new Opened(info, base.size(), t, false);
    }

    public Optional<QuarterInfo> current() {
        return repo.read(repo::openQuarter);
    }

    public QuarterInfo requireOpen() {
        return current().orElseThrow(() -> CurationException.usage("no quarter is open: run './sai quarter open YYYY-Qn' first"));
    }

    /** The open quarter's state: its draft's number of records, its submissions, its changes counted by state. */
    public record Status(QuarterInfo quarter, int records, List<Submission> submissions, Map<ChangeState, Long> changes) {
        public long count(ChangeState s) {
            return changes.getOrDefault(s, 0L);
        }
    }

    /** Counted by the database: no change is read, and the draft is not built (its size follows from its membership). */
    public Status status() {
        QuarterInfo q = requireOpen();
        return repo.read(c -> new Status(q, Draft.size(repo, c, q), repo.submissions(c, q.name()),
                Map.copyOf(repo.changeCounts(c, q.name()))));
    }

    /** Ends the open quarter once its release is published (the release step calls this). */
    public void markReleased(String name, String actor) {
        repo.inTransaction(c -> {
            QuarterInfo q = repo.lockQuarter(c, name).orElseThrow(() -> CurationException.usage("no quarter " + name));
            if (!QuarterInfo.OPEN.equals(q.state())) throw CurationException.usage("quarter " + name + " is not open");
            var now = CurationRepository.now();
            repo.closeQuarter(c, name, QuarterInfo.RELEASED, now);
            repo.audit(c, now, actor, "quarter-released", name, null, null, null, null);
            return null;
        });
    }
}
