package org.sovereignai.curation;

import java.util.List;
import java.util.Map;

import org.sovereignai.record.Project;
import org.sovereignai.release.Provenance;

/**
 * The seam to the release step: the records the quarter's draft holds once every approved change is applied (base
 * release order, additions after), and who made each change. Pending and rejected changes are not in it.
 *
 * @param baseRelease the release the draft started from, or null
 * @param provenance  the last approved change per (record, field); field null for an added or removed record
 * @param curators    every curator with at least one approved change, sorted
 */
public record DraftRelease(String quarter, String baseRelease, List<Project> projects,
                           Map<Provenance.Key, Provenance> provenance, List<ProposedChange> approved,
                           List<String> curators) {
}
