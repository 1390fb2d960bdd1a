package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sovereignai.release.TestRecords.compute;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.CrashPoints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A release process killed part-way (a real separate JVM, {@code destroyForcibly} = SIGKILL) leaves the snapshots folder
 * either as it was or with the complete new release: verify passes, index.json and latest name only complete releases,
 * nothing half-written is visible, and the next release goes through.
 */
class ReleaseCrashTest {
    private static final LocalDate DATE = LocalDate.of(2026, 6, 30);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "killed {0}")
    @ValueSource(strings = {"after-record-files", "before-manifest", "before-rename", "after-rename", "after-index"})
    void aReleaseKilledPartWayLeavesEitherTheOldStateOrTheCompleteRelease(String point) throws Exception {
        Path snapshots = tmp.resolve("snapshots");
        Path q1 = TestRecords.sheet(tmp.resolve("q1.csv"), compute("a"), compute("b"));
        Path q2 = TestRecords.sheet(tmp.resolve("q2.csv"), compute("a", "status", "operational"), compute("c"));
        Releases.publish(ReleaseRequest.of("2026-Q1", q1, snapshots, DATE));

        killAt(point, "release", "2026-Q2", "--from", q2.toString(), "--snapshots", snapshots.toString(), "--date", DATE.toString());

        Verification v = Releases.verify(snapshots);
        assertTrue(v.ok(), v.problems().toString());
        boolean published = point.startsWith("after-rename") || point.equals("after-index");
        List<String> visible = ReleasesTest.visible(snapshots);
        assertEquals(published ? List.of("2026-Q1", "2026-Q2", "index.json", "latest") : List.of("2026-Q1", "index.json", "latest"),
                visible, "only complete releases are visible");
        if (published) assertTrue(Files.isRegularFile(snapshots.resolve("2026-Q2/manifest.json")));
        String latest = Files.readString(snapshots.resolve("latest")).strip();
        assertTrue(Files.isRegularFile(snapshots.resolve(latest).resolve("manifest.json")), "latest names a complete release");
        JsonNode index = Json.mapper().readTree(snapshots.resolve("index.json").toFile());
        for (JsonNode r : index.get("releases")) {
            assertTrue(Files.isRegularFile(snapshots.resolve(r.get("id").asText()).resolve("manifest.json")), r.toString());
        }
        assertEquals(published ? "2026-Q2" : "2026-Q1", Releases.newest(snapshots).orElseThrow().id().toString(),
                "the newest release is judged from the folders");

        // the next release goes through and leaves no temporary folder behind
        String next = published ? "2026-Q3" : "2026-Q2";
        Releases.publish(ReleaseRequest.of(next, q2, snapshots, DATE));
        assertEquals(next + "\n", Files.readString(snapshots.resolve("latest")));
        try (var s = Files.list(snapshots)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".tmp-")), "leftover temporary folder removed");
        }
        assertTrue(Releases.verify(snapshots).problems().isEmpty(), Releases.verify(snapshots).problems().toString());
    }

    /** Runs {@code sai ARGS} in a new JVM that pauses at {@code point}, then kills it there. */
    private static void killAt(String point, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-D" + CrashPoints.PROPERTY + "=" + point, "-cp", System.getProperty("java.class.path"), "org.sovereignai.cli.Sai"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            CompletableFuture<List<String>> reached = CompletableFuture.supplyAsync(() -> {
                List<String> seen = new ArrayList<>();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        seen.add(line);
                        if (line.equals(CrashPoints.MARKER + point)) return seen;
                    }
                } catch (java.io.IOException e) {
                    seen.add(e.toString());
                }
                seen.add("(process ended without reaching " + point + ")");
                return seen;
            });
            List<String> output = reached.get(60, TimeUnit.SECONDS);
            if (!output.get(output.size() - 1).equals(CrashPoints.MARKER + point)) fail(String.join("\n", output));
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
    }
}
