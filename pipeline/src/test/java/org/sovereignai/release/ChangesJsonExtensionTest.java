package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;

/** Artifacts may add top-level keys to changes.json ({@link ReleaseArtifact#changesJson}); the core keys stay theirs. */
class ChangesJsonExtensionTest {
    private static final LocalDate DATE = LocalDate.of(2026, 4, 2);

    @TempDir
    Path tmp;

    static ReleaseArtifact contributing(Map<String, Object> keys) {
        return new ReleaseArtifact() {
            @Override
            public void write(ReleaseContext ctx, Path dir) {
            }

            @Override
            public Map<String, Object> changesJson(ReleaseContext ctx) {
                return keys;
            }
        };
    }

    Path sheet() throws Exception {
        return TestRecords.sheet(tmp.resolve("q1.csv"), compute("alps", "jurisdiction", "CH"));
    }

    @Test
    void contributedKeysAreWrittenInSortedPlaceAmongTheCoreKeys() throws Exception {
        Path dir = tmp.resolve("a");
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet(), dir, DATE).withArtifacts(List.of(
                contributing(Map.of("aardvark", List.of(1, 2), "zebra", Map.of("b", "2", "a", "1"))),
                contributing(Map.of("sourceDrift", List.of())))));
        String json = Files.readString(dir.resolve("2026-Q1").resolve(ReleaseFiles.CHANGES_JSON));
        List<String> keys = new ArrayList<>();
        Json.mapper().readTree(json).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("aardvark", "changes", "from", "possibleRenames", "sourceDrift", "summary", "to", "zebra"), keys);
        assertTrue(json.endsWith("\"zebra\": {\n    \"a\": \"1\",\n    \"b\": \"2\"\n  }\n}\n"), json);
        assertTrue(Releases.verify(dir).ok());
    }

    @Test
    void withNoContributionChangesJsonIsByteIdentical() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet(), a, DATE).withArtifacts(List.of(contributing(Map.of()))));
        Releases.publish(ReleaseRequest.of("2026-Q1", sheet(), b, DATE));
        assertArrayEquals(Files.readAllBytes(b.resolve("2026-Q1").resolve(ReleaseFiles.CHANGES_JSON)),
                Files.readAllBytes(a.resolve("2026-Q1").resolve(ReleaseFiles.CHANGES_JSON)));
    }

    @Test
    void aCoreKeyOrAKeyGivenTwiceIsRefusedAndNothingIsPublished() throws Exception {
        Path dir = tmp.resolve("a");
        assertThrows(IllegalStateException.class, () -> Releases.publish(ReleaseRequest.of("2026-Q1", sheet(), dir, DATE)
                .withArtifacts(List.of(contributing(Map.of("summary", 1))))));
        assertThrows(IllegalStateException.class, () -> Releases.publish(ReleaseRequest.of("2026-Q1", sheet(), dir, DATE)
                .withArtifacts(List.of(contributing(Map.of("x", 1)), contributing(Map.of("x", 2))))));
        assertFalse(Files.exists(dir.resolve("2026-Q1")));
    }
}
