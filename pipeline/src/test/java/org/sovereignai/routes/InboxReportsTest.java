package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.Submission;
import org.sovereignai.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Feedback that reaches the curator: every file the inbox takes, accepted or not, leaves a dated report in
 * {@code curation/reports/CURATOR/} of whoever dropped it, a file already received included.
 */
class InboxReportsTest {
    private static final String REPORT = "\\d{8}T\\d{6}\\.\\d{3}Z(-\\d+)?-%s\\.report\\.(txt|json)";

    @TempDir
    Path home;

    Curation curation;
    RunningInbox inbox;
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        curation = new CurationFixture(home).openQuarter();
        inbox = new RunningInbox(curation, events::add);
    }

    @AfterEach
    void stop() throws Exception {
        inbox.close();
        curation.close();
    }

    /** Drops a file as a careful copy does (written under a hidden name, then renamed) and waits until it is taken. */
    private void drop(String curator, String name, String content) throws Exception {
        Path dir = curation.workspace().inbox().resolve(curator);
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.writeString(tmp, content);
        Path file = Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        int before = reports(curator).size();
        InboxRouteTest.await(() -> !Files.exists(file) && reports(curator).size() == before + 2, "the report of " + name);
    }

    /** The report files of a curator, oldest first. */
    private List<String> reports(String curator) {
        Path dir = curation.workspace().reports().resolve(curator);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String newestText(String curator) throws Exception {
        List<String> names = reports(curator).stream().filter(n -> n.endsWith(".txt")).toList();
        return Files.readString(curation.workspace().reports().resolve(curator).resolve(names.get(names.size() - 1)));
    }

    private JsonNode newestJson(String curator) throws Exception {
        List<String> names = reports(curator).stream().filter(n -> n.endsWith(".json")).toList();
        return Json.mapper().readTree(curation.workspace().reports().resolve(curator).resolve(names.get(names.size() - 1)).toFile());
    }

    @Test
    void anAcceptedFileLeavesADatedReportSayingWhichRowsChangeWhichFields() throws Exception {
        drop("alice", "q1.csv", "id,funding_usd\nsea-lion,60000000\n");

        List<String> names = reports("alice");
        assertEquals(2, names.size(), names.toString());
        for (String n : names) assertTrue(n.matches(String.format(REPORT, "q1\\.csv")), n);
        String text = newestText("alice");
        assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\d at \\d\\d:\\d\\d UTC, q1\\.csv from alice: S1 accepted: 1 change\\(s\\) proposed for review\n.*"), text);
        assertTrue(text.contains("  row 2 (sea-lion), cell B2: funding_usd '52000000' -> '60000000'\n"), text);
        JsonNode j = newestJson("alice");
        assertEquals(1, j.path("formatVersion").asInt());
        assertEquals("accepted", j.path("outcome").asText());
        assertEquals("S1", j.path("submission").asText());
        assertEquals("alice", j.path("curator").asText());
        assertEquals("funding_usd", j.path("changes").get(0).path("field").asText());
        assertFalse(Files.exists(curation.workspace().rejected().resolve("alice")), "nothing rejected");
    }

    @Test
    void aRejectedFileIsReportedToItsCuratorAndKeptBesideTheSameReport() throws Exception {
        drop("bob", "broken.csv", "id,colour\nsea-lion,blue\n");

        String text = newestText("bob");
        assertTrue(text.contains("S1 rejected: 1 error(s); nothing changed in the draft"), text);
        assertTrue(text.contains("unknown column 'colour'"), text);
        assertEquals("rejected", newestJson("bob").path("outcome").asText());
        Path rejected = curation.workspace().rejected().resolve("bob");
        try (Stream<Path> s = Files.list(rejected)) {
            Path kept = s.filter(p -> p.toString().endsWith(".report.txt")).findFirst().orElseThrow();
            assertEquals(text, Files.readString(kept), "the same report in rejected/ and reports/");
        }
    }

    @Test
    void aFileAlreadyReceivedIsReportedToWhoeverDroppedItWithWhenAndAsWhatItCameFirst() throws Exception {
        drop("alice", "a.csv", "id,funding_usd\nsea-lion,60000000\n");
        drop("bob", "copy.csv", "id,funding_usd\nsea-lion,60000000\n");

        Submission first = CurationFixture.submissions(curation).get(0);
        String day = first.receivedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate().toString();
        String text = newestText("bob");
        assertTrue(text.contains(", copy.csv from bob: this file was already received on " + day), text);
        assertTrue(text.contains(" as S1 from alice (accepted"), text);
        JsonNode j = newestJson("bob");
        assertEquals("duplicate", j.path("outcome").asText());
        assertEquals("bob", j.path("curator").asText(), "credited to the curator who dropped it");
        assertEquals("S1", j.path("alreadyReceived").path("submission").asText());
        assertEquals("alice", j.path("alreadyReceived").path("curator").asText());
        assertEquals(0, j.path("changes").size(), "bob proposed nothing");
        assertEquals(2, reports("alice").size(), "alice's folder holds only her own report");
        assertTrue(events.get(1).startsWith("inbox: bob/copy.csv: this file was already received on "), events.toString());
        assertEquals(1, CurationFixture.submissions(curation).size());
    }

    @Test
    void aRejectedFileDroppedAgainLeavesASecondReportNamingTheFirstReceipt() throws Exception {
        drop("bob", "broken.csv", "id,colour\nsea-lion,blue\n");
        drop("carol", "broken.csv", "id,colour\nsea-lion,blue\n");
        drop("bob", "broken.csv", "id,colour\nsea-lion,blue\n");

        assertEquals(4, reports("bob").size(), reports("bob").toString());
        assertTrue(newestText("bob").contains("this file was already received on "), newestText("bob"));
        assertTrue(newestText("bob").contains(" as S1 from bob (rejected"), newestText("bob"));
        assertTrue(newestText("carol").contains(", broken.csv from carol: this file was already received on "), newestText("carol"));
        assertTrue(events.get(1).startsWith("inbox: carol/broken.csv: "), events.toString());
        assertEquals(1, CurationFixture.submissions(curation).size());
    }

    @Test
    void aLinkRefusedUnreadIsReportedToo() throws Exception {
        Path target = Files.writeString(home.resolve("secret.csv"), "id,notes\nsea-lion,do not quote me\n");
        Path dir = Files.createDirectories(curation.workspace().inbox().resolve("alice"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target);
        InboxRouteTest.await(() -> !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && reports("alice").size() == 2,
                "the link's report");

        String text = newestText("alice");
        assertTrue(text.contains("link.csv from alice: 'link.csv' was refused: it is a symbolic link"), text);
        assertFalse(text.contains("do not quote me"), text);
        assertEquals("refused", newestJson("alice").path("outcome").asText());
        assertTrue(Files.exists(target), "the target is untouched");
    }
}
