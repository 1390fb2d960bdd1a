package org.sovereignai.curation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.sovereignai.io.ValueDiff;

/**
 * Reviewing proposed changes one by one (or a whole submission at once). A change in conflict cannot be approved until
 * its rivals are rejected. Every decision is one transaction that also writes the audit log; it changes a change only
 * while it is pending (a conditional update, so two reviewers at once get one decision), and an approval first locks
 * the changes of its records as it reads them ({@link CurationRepository#pendingOf}), so the conflicts it checked
 * hold when it commits. Decisions on different records do not wait for each other (the quarter's row is not locked).
 */
public final class Review {
    private final CurationRepository repo;
    private final Quarters quarters;

    public Review(CurationRepository repo, Quarters quarters) {
        this.repo = repo;
        this.quarters = quarters;
    }

    /** A pending change with the pending changes it conflicts with. */
    public record Item(ProposedChange change, List<ProposedChange> rivals) {
        public boolean conflicted() {
            return !rivals.isEmpty();
        }
    }

    /** Pending changes of the open quarter, oldest first, conflicts flagged. */
    public List<Item> pending() {
        QuarterInfo q = quarters.requireOpen();
        List<ProposedChange> pending = repo.read(c -> repo.changes(c, q.name(), ChangeState.PENDING));
        var byRecord = Conflicts.byRecord(pending);
        List<Item> out = new ArrayList<>(pending.size());
        for (ProposedChange p : pending) out.add(new Item(p, Conflicts.rivalsOf(p, byRecord)));
        return out;
    }

    /**
     * One page of the open quarter's pending changes, after change {@code afterId} by id, at most {@code limit}; each
     * with all its rivals, on this page or not (read for the page's records only).
     */
    public List<Item> pending(long afterId, int limit) {
        QuarterInfo q = quarters.requireOpen();
        return repo.read(c -> {
            List<ProposedChange> page = repo.changesAfter(c, q.name(), ChangeState.PENDING, null, afterId, limit);
            List<String> records = new ArrayList<>();
            for (ProposedChange p : page) records.add(p.recordId());
            var byRecord = Conflicts.byRecord(repo.pendingOf(c, q.name(), records, false));
            List<Item> out = new ArrayList<>(page.size());
            for (ProposedChange p : page) out.add(new Item(p, Conflicts.rivalsOf(p, byRecord)));
            return out;
        });
    }

    /** One change (any state, any quarter) with its current rivals. */
    public Item show(String label) {
        long id = changeId(label);
        ProposedChange ch = repo.read(c -> repo.change(c, id)).orElseThrow(() -> CurationException.usage("no change " + label));
        if (!ch.pending()) return new Item(ch, List.of());
        List<ProposedChange> pending = repo.read(c -> repo.pendingOf(c, ch.quarter(), List.of(ch.recordId()), false));
        return new Item(ch, Conflicts.rivalsOf(ch, Conflicts.byRecord(pending)));
    }

    /**
     * Approves changes, all or none: each label is a change ({@code C12}) or a submission ({@code S3}, meaning all its
     * pending changes). Refused when one is not pending or is in conflict, naming the rival.
     */
    public List<ProposedChange> approve(List<String> labels, String reviewer) {
        String who = requireReviewer(reviewer);
        QuarterInfo q = quarters.requireOpen();
        return repo.inTransaction(c -> {
            List<ProposedChange> targets = resolve(c, q, labels);
            List<String> records = targets.stream().map(ProposedChange::recordId).toList();
            // locked: decisions on the same records wait for each other, on other records they do not
            var pending = Conflicts.byRecord(repo.pendingOf(c, q.name(), records, true));
            List<String> problems = new ArrayList<>();
            for (ProposedChange t : targets) {
                List<ProposedChange> rivals = Conflicts.rivalsOf(t, pending);
                if (!rivals.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    for (ProposedChange r : rivals) names.add(r.label() + " (" + r.curator() + ": " + ValueDiff.quote(ValueDiff.of(t.newValue(), r.newValue()).after()) + ")");
                    problems.add(t.label() + " (" + t.describe() + ") conflicts with " + String.join(", ", names)
                            + "; reject one of them first");
                }
            }
            if (problems.size() > 10) {
                int more = problems.size() - 10;
                problems = new ArrayList<>(problems.subList(0, 10));
                problems.add("... and " + more + " more changes in conflict");
            }
            if (!problems.isEmpty()) throw CurationException.data(String.join("\n", problems));
            var now = CurationRepository.now();
            List<ProposedChange> done = new ArrayList<>();
            for (ProposedChange t : targets) done.add(decide(c, q, t, ChangeState.APPROVED, who, null, now));
            return done;
        });
    }

    /** Rejects changes (or all pending changes of a submission), all or none; a reason is required. */
    public List<ProposedChange> reject(List<String> labels, String reviewer, String reason) {
        String who = requireReviewer(reviewer);
        String why = HumanText.note(reason);
        if (why == null) throw CurationException.usage("a rejection needs --reason: the curator reads it");
        QuarterInfo q = quarters.requireOpen();
        return repo.inTransaction(c -> {
            // no conflicts to check: the conditional update of each change (which locks its row) is enough
            List<ProposedChange> targets = resolve(c, q, labels);
            var now = CurationRepository.now();
            List<ProposedChange> done = new ArrayList<>();
            for (ProposedChange t : targets) done.add(decide(c, q, t, ChangeState.REJECTED, who, why, now));
            return done;
        });
    }

    /**
     * Keeps one change of several in conflict, in one transaction: its rivals are rejected with a reason that names
     * it, and it is approved. Another reviewer's decision on the same record waits for this one (the record's changes
     * are locked), so no rival proposed or decided meanwhile slips between the rejections and the approval.
     *
     * @return the kept change first, then the rejected rivals
     */
    public List<ProposedChange> keep(String label, String reviewer) {
        String who = requireReviewer(reviewer);
        QuarterInfo q = quarters.requireOpen();
        return repo.inTransaction(c -> {
            List<ProposedChange> targets = resolve(c, q, List.of(label));
            if (targets.size() != 1 || !label.strip().toUpperCase(Locale.ROOT).startsWith("C")) {
                throw CurationException.usage("keep one change (like C12), not " + label);
            }
            ProposedChange kept = targets.get(0);
            var pending = Conflicts.byRecord(repo.pendingOf(c, q.name(), List.of(kept.recordId()), true));
            var now = CurationRepository.now();
            String why = "another proposal for the same field was kept: " + kept.label() + " by " + kept.curator()
                    + " (" + ProposedChange.show(kept.newValue()) + ")";
            List<ProposedChange> done = new ArrayList<>();
            List<ProposedChange> rejected = new ArrayList<>();
            for (ProposedChange r : Conflicts.rivalsOf(kept, pending)) rejected.add(decide(c, q, r, ChangeState.REJECTED, who, why, now));
            done.add(decide(c, q, kept, ChangeState.APPROVED, who, null, now));
            done.addAll(rejected);
            return done;
        });
    }

    /** One decision with its audit line; refused (the transaction rolled back) when another decided it meanwhile. */
    private ProposedChange decide(Connection c, QuarterInfo q, ProposedChange t, ChangeState state, String who, String why,
                                  java.time.OffsetDateTime now) throws SQLException {
        boolean approved = state == ChangeState.APPROVED;
        long auditId = repo.audit(c, now, who, approved ? "change-approved" : "change-rejected", q.name(), t.submissionId(),
                t.id(), t.recordId(), t.label() + " " + t.describe() + " proposed by " + t.curator() + (approved ? "" : "; reason: " + why));
        if (!repo.decide(c, t.id(), state, who, why, now, auditId)) throw decidedMeanwhile(c, t);
        return t.decided(state, who, now, why);
    }

    /**
     * The conditional update found the change no longer pending: another decision committed after this one read it
     * (two reviewers at once, on one server or two). The transaction, with its audit line, is rolled back.
     */
    private CurationException decidedMeanwhile(Connection c, ProposedChange t) throws SQLException {
        return alreadyDecided(repo.change(c, t.id()).orElse(t));
    }

    private static CurationException alreadyDecided(ProposedChange p) {
        return CurationException.usage(p.label() + " was already " + p.state().value() + " by " + p.decidedBy() + " on " + p.decidedAt());
    }

    private List<ProposedChange> resolve(Connection c, QuarterInfo q, List<String> labels) throws SQLException {
        if (labels == null || labels.isEmpty()) throw CurationException.usage("name at least one change (C12) or submission (S3)");
        Set<Long> seen = new LinkedHashSet<>();
        List<ProposedChange> out = new ArrayList<>();
        for (String raw : labels) {
            String label = raw.strip().toUpperCase(Locale.ROOT);
            List<ProposedChange> found;
            if (label.startsWith("S")) {
                long sid = number(label, raw);
                Submission s = repo.submission(c, sid).orElseThrow(() -> CurationException.usage("no submission " + raw));
                if (!s.quarter().equals(q.name())) throw CurationException.usage(raw + " belongs to quarter " + s.quarter());
                found = new ArrayList<>();
                for (ProposedChange p : repo.changesOfSubmission(c, sid)) if (p.pending()) found.add(p);
                if (found.isEmpty()) throw CurationException.usage(raw + " has no pending changes");
            } else {
                long id = changeId(label);
                ProposedChange p = repo.change(c, id).orElseThrow(() -> CurationException.usage("no change " + raw));
                if (!p.quarter().equals(q.name())) throw CurationException.usage(raw + " belongs to quarter " + p.quarter());
                if (!p.pending()) throw alreadyDecided(p);
                found = List.of(p);
            }
            for (ProposedChange p : found) if (seen.add(p.id())) out.add(p);
        }
        return out;
    }

    static long changeId(String label) {
        String l = label.strip().toUpperCase(Locale.ROOT);
        if (!l.startsWith("C")) throw CurationException.usage("'" + label + "' is not a change id (like C12)");
        return number(l, label);
    }

    private static long number(String label, String raw) {
        try {
            return Long.parseLong(label.substring(1));
        } catch (NumberFormatException e) {
            throw CurationException.usage("'" + raw + "' is not a change (C12) or submission (S3) id");
        }
    }

    private static String requireReviewer(String reviewer) {
        String who = HumanText.note(reviewer);
        if (who == null) throw CurationException.usage("--reviewer NAME is required: every decision names its reviewer");
        return who;
    }
}
