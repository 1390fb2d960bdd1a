package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Hashes;

/** verify rechecks a release's JSON against the published JSON Schema, not only its checksums. */
class VerifyJsonSchemaTest {
    private static final Path HOME = Path.of(System.getProperty("sai.home", "..")).toAbsolutePath().normalize();

    @Test
    void aRecordThatBreaksTheSchemaIsReportedEvenWhenTheManifestWasForgedToMatch(@TempDir Path tmp) throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Releases.publish(ReleaseRequest.of("2025-Q4", HOME.resolve("curation/baseline/2025-Q4.csv"), snapshots, LocalDate.of(2025, 12, 31)));
        assertTrue(Releases.verify(snapshots).ok());

        Path json = snapshots.resolve("2025-Q4/projects.json");
        String before = Files.readString(json);
        String after = before.replaceFirst("\"layer\":\"compute\"", "\"layer\":\"computx\"");
        assertFalse(before.equals(after));
        Files.writeString(json, after);
        // same length, and a forged manifest hash, so the checksum test passes and only the content check can notice
        Path manifest = snapshots.resolve("2025-Q4/manifest.json");
        String m = Files.readString(manifest)
                .replace(Hashes.sha256(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Hashes.sha256(json));
        Files.writeString(manifest, m);

        Verification v = Releases.verify(snapshots);
        assertFalse(v.ok());
        assertTrue(v.errorMessages().stream().anyMatch(s -> s.contains("projects.json") && s.contains("project.schema.json")),
                v.errorMessages().toString());
    }

    @Test
    void aProjectsJsonThatNoLongerHoldsTheCsvRecordsIsReportedThoughItStillConformsToTheSchema(@TempDir Path tmp) throws Exception {
        // a schema-valid edit of the same length: a project's name
        Verification v = Releases.verify(publishThenForge(tmp, "\"name\":\"ABCI 3.0\"", "\"name\":\"ABCI 9.9\""));
        assertFalse(v.ok());
        assertTrue(v.errorMessages().stream().anyMatch(m -> m.contains("projects.json") && m.contains("does not hold the records of projects.csv")),
                v.errorMessages().toString());
    }

    /** The bundled release, then projects.json edited and its manifest hash forged to match; the snapshots folder. */
    private static Path publishThenForge(Path tmp, String from, String to) throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Releases.publish(ReleaseRequest.of("2025-Q4", HOME.resolve("curation/baseline/2025-Q4.csv"), snapshots, LocalDate.of(2025, 12, 31)));
        Path json = snapshots.resolve("2025-Q4/projects.json");
        String before = Files.readString(json);
        String after = before.replaceFirst(from, to);
        assertFalse(before.equals(after));
        Files.writeString(json, after);
        Path manifest = snapshots.resolve("2025-Q4/manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace(Hashes.sha256(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Hashes.sha256(json)));
        return snapshots;
    }

    @Test
    void anUntouchedReleaseIsIntactWithoutItsJsonBeingParsed(@TempDir Path tmp) throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Releases.publish(ReleaseRequest.of("2025-Q4", HOME.resolve("curation/baseline/2025-Q4.csv"), snapshots, LocalDate.of(2025, 12, 31)));
        Verification v = Releases.verify(snapshots);
        assertTrue(v.ok(), v.problems().toString());
        assertTrue(v.problems().isEmpty(), v.problems().toString());
    }
}
