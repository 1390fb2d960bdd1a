package org.sovereignai.curation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.release.Provenance;

/**
 * The quarter's draft: the base release's records with every approved change applied in approval order. It is
 * computed, never stored, so it cannot drift from the decisions that make it.
 */
public final class Draft {
    private final String quarter;
    private final String baseRelease;
    private final Map<String, Project> records;
    private final List<ProposedChange> approved;

    private Draft(String quarter, String baseRelease, Map<String, Project> records, List<ProposedChange> approved) {
        this.quarter = quarter;
        this.baseRelease = baseRelease;
        this.records = records;
        this.approved = approved;
    }

    static Draft load(Connection c, CurationRepository repo, Schema schema, QuarterInfo q) throws SQLException {
        Map<String, Project> records = new LinkedHashMap<>();
        for (Project p : repo.baseRecords(c, q)) records.put(p.id(), p);
        List<ProposedChange> approved = repo.approvedInOrder(c, q.name());
        for (ProposedChange ch : approved) apply(schema, records, ch);
        return new Draft(q.name(), q.baseRelease(), records, approved);
    }

    /**
     * The number of records {@link #load} would give, from the base's ids and the approved additions and removals
     * alone (a field change never changes it): the status pages count the draft without building it.
     */
    static int size(CurationRepository repo, Connection c, QuarterInfo q) throws SQLException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Project p : repo.baseRecords(c, q)) ids.add(p.id());
        for (CurationRepository.Membership m : repo.approvedMembership(c, q.name())) {
            if (m.kind() == ChangeKind.ADD) ids.add(m.recordId());
            else ids.remove(m.recordId());
        }
        return ids.size();
    }

    static void apply(Schema schema, Map<String, Project> records, ProposedChange ch) {
        switch (ch.kind()) {
            case ADD -> records.put(ch.recordId(), RecordJson.read(schema, ch.newValue()));
            case REMOVE -> records.remove(ch.recordId());
            case SET -> records.computeIfPresent(ch.recordId(), (id, p) -> p.with(ch.field(), ch.newValue()));
        }
    }

    public String quarter() {
        return quarter;
    }

    /** Records by id in draft order (base release order, then additions). */
    public Map<String, Project> records() {
        return records;
    }

    public Project record(String id) {
        return records.get(id);
    }

    /** The seam to the release step: records plus the provenance of every approved change. */
    public DraftRelease release() {
        Map<Provenance.Key, Provenance> provenance = new LinkedHashMap<>();
        TreeSet<String> curators = new TreeSet<>();
        for (ProposedChange ch : approved) {
            Provenance.Key key = new Provenance.Key(ch.recordId(), ch.kind() == ChangeKind.SET ? ch.field() : null);
            provenance.remove(key); // keep insertion order = order of the last approval
            provenance.put(key, new Provenance(ch.curator(), ch.submissionLabel(), ch.sheet(), ch.cell(), ch.decidedBy(), ch.label()));
            curators.add(ch.curator());
        }
        return new DraftRelease(quarter, baseRelease, List.copyOf(new ArrayList<>(records.values())),
                java.util.Collections.unmodifiableMap(provenance), List.copyOf(approved), List.copyOf(curators));
    }
}
