package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.io.Json;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.TestRecords;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Releases get their sources.csv check columns and their drift from the sources database: real loopback HTTP server,
 * real H2 file database under a project home, real {@link Releases#publish}.
 */
class SourcesReleaseTest {
    static final LocalDate DATE = LocalDate.parse("2026-03-31");

    @TempDir
    Path home;
    TestSite site;
    TestSite elsewhere;
    final AtomicReference<String> news = new AtomicReference<>(TestSite.article("2 September 2025", "ad", ""));
    final AtomicReference<Integer> goneStatus = new AtomicReference<>(200);
    final AtomicReference<Boolean> moved = new AtomicReference<>(false);

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        elsewhere = new TestSite("127.0.0.2");
        site.robots("");
        elsewhere.robots("");
        elsewhere.html("/landing", "<title>Parked domain</title><p>for sale</p>");
        site.page("/news", ex -> TestSite.send(ex, 200, "text/html", news.get().getBytes(StandardCharsets.UTF_8)));
        site.page("/gone", ex -> TestSite.send(ex, goneStatus.get(), "text/html", "<title>Here</title><p>text</p>".getBytes(StandardCharsets.UTF_8)));
        site.page("/moved", ex -> {
            if (moved.get()) {
                ex.getResponseHeaders().add("Location", elsewhere.url("/landing"));
                ex.sendResponseHeaders(301, -1);
            } else {
                TestSite.send(ex, 200, "text/html", "<title>Project page</title><p>the project</p>".getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @AfterEach
    void stop() {
        site.close();
        elsewhere.close();
    }

    String u(String path) {
        return site.namedUrl(path);
    }

    Path snapshots() {
        return home.resolve("snapshots");
    }

    /** Three records citing /news, /gone and /moved; one also cites a URL that is never checked. */
    Path sheet() throws Exception {
        return TestRecords.sheet(home.resolve("in").resolve("reviewed.csv"),
                TestRecords.compute("alpha", "sources", u("/news") + "; https://example.org/never"),
                TestRecords.compute("beta", "sources", u("/gone")),
                TestRecords.compute("gamma", "sources", u("/moved")));
    }

    /** A check run of every URL the sheet cites, as `sai sources check` does it, at a fixed time. */
    void checkAt(String instant) throws Exception {
        try (org.sovereignai.curation.CurationDatabase db = org.sovereignai.app.Home.of(home).openDatabase()) {
            SourceStore store = new SourceStore(db.dataSource());
            BatchFetcher batch = new BatchFetcher(new Fetcher(TestSite.policy()));
            new SourceChecker(store, batch::fetchAll, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                    .check(List.of(u("/news"), u("/gone"), u("/moved")), "check", null);
        }
    }

    Releases.Published publish(Path snapshots, String id) throws Exception {
        SourcesRelease sources = org.sovereignai.app.Home.of(home).sourcesRelease();
        return Releases.publish(ReleaseRequest.of(id, sheet(), snapshots, DATE)
                .withSources(sources.columns()).withArtifacts(List.of(sources.artifact())));
    }

    static String read(Path folder, String file) throws Exception {
        return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void sourcesCsvOfAReleaseIsFilledFromTheNewestStoredCheck() throws Exception {
        checkAt("2026-01-15T09:30:00.500Z");
        Path q1 = publish(snapshots(), "2026-Q1").release().folder();
        List<String> lines = read(q1, "sources.csv").lines().toList();
        assertEquals("id,url,status,final_url,title,published,checked_at,fingerprint,state", lines.get(0));
        String alpha = lines.stream().filter(l -> l.startsWith("alpha," + u("/news"))).findFirst().orElseThrow();
        assertTrue(alpha.contains(",200," + u("/news") + ",SEA-LION v3 released | AI Singapore,2024-12-19,2026-01-15T09:30:00Z,"), alpha);
        assertTrue(alpha.endsWith(",ok"), alpha);
        assertTrue(lines.contains("alpha,https://example.org/never,,,,,,,"), lines.toString());
        // the first release has nothing to drift from
        assertFalse(read(q1, "changes.json").contains("sourceDrift"));
        assertFalse(read(q1, "CHANGES.md").contains("Sources to recheck"));
        assertTrue(Releases.verify(snapshots()).ok(), Releases.verify(snapshots()).errorMessages().toString());
    }

    @Test
    void sourcesThatDiedMovedOrChangedSinceThePreviousReleaseAreListedPerRecord() throws Exception {
        checkAt("2026-01-15T09:30:00Z");
        publish(snapshots(), "2026-Q1");
        news.set(TestSite.article("2 September 2025", "ad", "<p>The project was cancelled.</p>"));
        goneStatus.set(410);
        moved.set(true);
        checkAt("2026-04-10T08:00:00Z");
        Path q2 = publish(snapshots(), "2026-Q2").release().folder();

        String md = read(q2, "CHANGES.md");
        String section = md.substring(md.indexOf("## Sources to recheck"));
        assertTrue(section.contains("since 2026-Q1, per record"), section);
        assertTrue(section.contains("- `alpha`\n  - changed: <" + u("/news") + ">"), section);
        assertTrue(section.contains("- `beta`\n  - died: <" + u("/gone") + "> (was ok (HTTP 200), now dead (HTTP 410))"), section);
        assertTrue(section.contains("- `gamma`\n  - redirected: <" + u("/moved") + "> (was ok (HTTP 200), now ends on <"
                + elsewhere.url("/landing") + ">)"), section);

        JsonNode drift = Json.mapper().readTree(read(q2, "changes.json")).get("sourceDrift");
        assertEquals(3, drift.size(), drift.toString());
        assertEquals(List.of("alpha:changed", "beta:died", "gamma:redirected"),
                List.of(key(drift.get(0)), key(drift.get(1)), key(drift.get(2))));
        JsonNode died = drift.get(1);
        assertEquals(u("/gone"), died.get("url").asText());
        assertEquals(200, died.get("old").get("status").asInt());
        assertEquals("ok", died.get("old").get("state").asText());
        assertEquals(410, died.get("new").get("status").asInt());
        assertEquals("dead", died.get("new").get("state").asText());
        assertEquals("2026-04-10T08:00:00Z", died.get("new").get("checked_at").asText());
        JsonNode changed = drift.get(0);
        assertFalse(changed.get("old").get("fingerprint").asText().equals(changed.get("new").get("fingerprint").asText()));
        assertEquals(elsewhere.url("/landing"), drift.get(2).get("new").get("final_url").asText());
        // keys stay sorted: sourceDrift between possibleRenames and summary
        List<String> keys = new ArrayList<>();
        Json.mapper().readTree(read(q2, "changes.json")).fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("changes", "from", "possibleRenames", "sourceDrift", "summary", "to"), keys);
        assertTrue(Releases.verify(snapshots()).ok());
    }

    static String key(JsonNode entry) {
        return entry.get("id").asText() + ":" + entry.get("kind").asText();
    }

    @Test
    void noDriftSectionWhenNothingChangedButChangesJsonSaysSo() throws Exception {
        checkAt("2026-01-15T09:30:00Z");
        publish(snapshots(), "2026-Q1");
        news.set(TestSite.article("3 October 2025", "another ad", "")); // only the date stamp and the ad differ
        checkAt("2026-04-10T08:00:00Z");
        Path q2 = publish(snapshots(), "2026-Q2").release().folder();
        assertFalse(read(q2, "CHANGES.md").contains("Sources to recheck"), read(q2, "CHANGES.md"));
        JsonNode drift = Json.mapper().readTree(read(q2, "changes.json")).get("sourceDrift");
        assertTrue(drift.isArray() && drift.isEmpty(), String.valueOf(drift));
        assertTrue(read(q2, "sources.csv").contains("2026-04-10T08:00:00Z"));
    }

    @Test
    void twoPublishesFromTheSameStoreAreByteIdentical() throws Exception {
        checkAt("2026-01-15T09:30:00Z");
        Path a = home.resolve("snapshots-a");
        Path b = home.resolve("snapshots-b");
        publish(a, "2026-Q1");
        publish(b, "2026-Q1");
        goneStatus.set(404);
        checkAt("2026-04-10T08:00:00Z");
        Path qa = publish(a, "2026-Q2").release().folder();
        Path qb = publish(b, "2026-Q2").release().folder();
        assertTrue(read(qa, "changes.json").contains("\"died\""));
        for (String f : List.of("sources.csv", "changes.json", "CHANGES.md", "datapackage.json", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(qa.resolve(f)), Files.readAllBytes(qb.resolve(f)), f);
        }
    }

    @Test
    void withoutASourcesDatabaseNothingIsCreatedAndTheReleaseIsAsWithoutSources() throws Exception {
        SourcesRelease none = org.sovereignai.app.Home.of(home).sourcesRelease();
        assertFalse(Files.exists(home.resolve("curation/db")), "no database folder created");
        Path a = home.resolve("snapshots-a");
        Path b = home.resolve("snapshots-b");
        for (String id : List.of("2026-Q1", "2026-Q2")) {
            Releases.publish(ReleaseRequest.of(id, sheet(), a, DATE).withSources(none.columns()).withArtifacts(List.of(none.artifact())));
            Releases.publish(ReleaseRequest.of(id, sheet(), b, DATE));
        }
        for (String f : List.of("sources.csv", "changes.json", "CHANGES.md", "manifest.json")) {
            assertArrayEquals(Files.readAllBytes(a.resolve("2026-Q2").resolve(f)), Files.readAllBytes(b.resolve("2026-Q2").resolve(f)), f);
        }
        assertEquals(Map.of(), none.columns().lookup("alpha", u("/news")));
        assertFalse(Files.exists(home.resolve("curation/db")));
    }
}
