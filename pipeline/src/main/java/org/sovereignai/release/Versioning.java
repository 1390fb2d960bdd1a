package org.sovereignai.release;

import java.util.List;

import org.sovereignai.diff.Diff;

/**
 * The dataset version rule (docs/releases.md):
 * <ul>
 * <li>the first release is 1.0.0;</li>
 * <li>a contract change that breaks consumers (field removed or renamed, retyped, multi-valued changed, enum value
 *     removed) bumps MAJOR;</li>
 * <li>any added, removed or modified record, or an additive contract change, bumps MINOR;</li>
 * <li>an errata ({@code QUARTER.N}) bumps PATCH, and so does a new quarter whose records and contract are unchanged
 *     (every release has its own version).</li>
 * </ul>
 */
final class Versioning {
    private Versioning() {
    }

    static SemVer next(Manifest previous, SchemaContract contract, Diff diff, boolean errata) throws ReleaseException {
        if (previous == null) return SemVer.FIRST;
        SemVer was;
        try {
            was = SemVer.parse(previous.version());
        } catch (IllegalArgumentException e) {
            throw ReleaseException.data("release " + previous.release() + " has an unreadable version in its manifest: " + previous.version());
        }
        List<String> breaking = contract.breakingChangesFrom(previous.schema());
        if (errata) {
            if (!breaking.isEmpty()) {
                throw ReleaseException.data("an errata may only correct records, but the record contract changed in a way that "
                        + "breaks consumers (" + String.join("; ", breaking) + "); publish it as the next quarter (MAJOR version)");
            }
            return was.bumpPatch();
        }
        if (!breaking.isEmpty()) return was.bumpMajor();
        if (!diff.isEmpty() || contract.differsFrom(previous.schema())) return was.bumpMinor();
        return was.bumpPatch();
    }
}
