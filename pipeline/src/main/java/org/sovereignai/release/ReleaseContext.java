package org.sovereignai.release;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.sovereignai.diff.Diff;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetException;

/**
 * What a {@link ReleaseArtifact} gets to work with.
 *
 * @param records          the new release's records, sorted by id (unmodifiable; each access unpacks the record from the
 *                         packed string the release holds, so iterate once rather than index the same record repeatedly)
 * @param diff             the changes against the previous release (against nothing for the first)
 * @param previous         the previous release, or null for the first
 */
public record ReleaseContext(
        ReleaseId id,
        SemVer version,
        String date,
        Schema schema,
        List<Project> records,
        Diff diff,
        Releases.Release previous) {

    /** The previous release's folder, or null. */
    public Path previousFolder() {
        return previous == null ? null : previous.folder();
    }

    /** The previous release's records (read from its projects.csv on each call), or an empty list. */
    public List<Project> previousRecords() throws IOException {
        try {
            return previous == null ? List.of() : previous.records(schema);
        } catch (SheetException e) {
            throw new IOException("cannot read " + previous.id() + "/projects.csv: " + e.getMessage(), e);
        }
    }
}
