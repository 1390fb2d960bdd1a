package org.sovereignai.diff;

import java.math.BigDecimal;
import java.util.List;

/**
 * A removed record and an added record that look like the same project under a new id. Reported only:
 * the diff still counts one removal and one addition, and the curator decides.
 *
 * @param reasons        what matched, in a fixed order: {@code name} (name or an alias, case-insensitive), {@code sources}
 * @param sourcesOverlap Jaccard overlap of the two records' source URLs, two decimals
 */
public record PossibleRename(String removed, String added, List<String> reasons, BigDecimal sourcesOverlap) {
}
