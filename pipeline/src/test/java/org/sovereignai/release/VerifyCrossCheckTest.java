package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * verify cross-checks a release's files against each other, so that an edit whose manifest entry was recomputed is
 * still found: datapackage.json's sizes and hashes, projects.json against projects.csv record by record, the counts
 * in index.json. Each mismatch is named.
 */
class VerifyCrossCheckTest {
    @TempDir
    Path tmp;

    @Test
    void anEditedCsvWithItsManifestEntryRecomputedIsStillFoundAndTheFirstDifferingRecordNamed() throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Path sheet = TestRecords.sheet(tmp.resolve("q1.csv"), compute("alpha"), compute("beta"), compute("gamma"));
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet, snapshots, LocalDate.of(2026, 3, 31)));
        Path dir = snapshots.resolve("2026-Q1");
        Path csv = dir.resolve(ReleaseFiles.PROJECTS_CSV);
        String edited = Files.readString(csv).replaceFirst("(?m)^(beta,[^,]*),", "$1 EDITED,");
        assertTrue(!edited.equals(Files.readString(csv)), "the edit took");
        Files.writeString(csv, edited);
        ObjectNode manifest = (ObjectNode) Json.mapper().readTree(dir.resolve(ReleaseFiles.MANIFEST_JSON).toFile());
        ObjectNode entry = (ObjectNode) manifest.path("files").path(ReleaseFiles.PROJECTS_CSV);
        entry.put("sha256", Hashes.sha256(csv));
        entry.put("bytes", Files.size(csv));
        Files.writeString(dir.resolve(ReleaseFiles.MANIFEST_JSON), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest));

        Verification v = Releases.verify(snapshots);
        assertFalse(v.ok(), "not intact");
        List<String> errors = v.errorMessages();
        assertTrue(errors.stream().anyMatch(e -> e.contains("datapackage.json") && e.contains("projects.csv") && e.contains("hash")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("projects.json") && e.contains("record 2 (beta, field name)")), errors.toString());
    }

    @Test
    void indexCountsThatDisagreeWithTheManifestAreNamed() throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Path sheet = TestRecords.sheet(tmp.resolve("q1.csv"), compute("alpha"), compute("beta"));
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet, snapshots, LocalDate.of(2026, 3, 31)));
        Path index = snapshots.resolve("index.json");
        ObjectNode n = (ObjectNode) Json.mapper().readTree(index.toFile());
        ((ObjectNode) n.path("releases").get(0).path("counts")).put("total", 99);
        Files.writeString(index, Json.mapper().writeValueAsString(n));
        Verification v = Releases.verify(snapshots);
        assertFalse(v.ok());
        assertTrue(v.errorMessages().stream().anyMatch(e -> e.contains("index.json") && e.contains("counts 99 total")), v.errorMessages().toString());
    }
}
