package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.Submission;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.Project;
import org.sovereignai.sources.TestSite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A plain list of URLs goes through the same doors as sheets (the CLI's {@code sai submit} and the watched inbox, both
 * via {@code direct:submit}) and becomes a candidate sheet under curation/candidates/, archived like any submission,
 * with nothing entered into the draft. Real loopback HTTP server, real H2, real Camel routes.
 */
class UrlListSubmissionTest {
    @TempDir
    Path home;
    CurationFixture fx;
    TestSite site;

    @BeforeEach
    void start() throws Exception {
        fx = new CurationFixture(home);
        try (Curation c = fx.openQuarter()) {
            c.quarters().requireOpen();
        }
        site = TestSite.withNews();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    String u(String path) {
        return site.namedUrl(path);
    }

    /** sea-lion's source is already cited by the draft; /news and /missing are not. */
    String list() {
        return "# links from the newsletter\nhttps://huggingface.co/aisingapore\n" + u("/news") + "\n\n" + u("/missing") + "\n";
    }

    List<Project> draft() {
        try (Curation c = fx.open()) {
            return c.draft().projects();
        }
    }

    List<String> candidateSheets() throws Exception {
        Path dir = home.resolve("curation/candidates");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The candidate sheet and the archived submission, checked the same way for both doors. */
    void assertCandidatesAndArchive(String curator, String door) throws Exception {
        assertEquals(List.of("links.csv"), candidateSheets());
        List<String> rows = Files.readString(home.resolve("curation/candidates/links.csv")).lines().toList();
        assertEquals(3, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("id,name,layer,") && rows.get(0).endsWith(",_note"), rows.get(0));
        assertTrue(rows.get(1).startsWith("sea-lion-v3-released,SEA-LION v3 released,,"), rows.get(1));
        assertTrue(rows.get(1).contains(u("/news")) && rows.get(1).contains("CANDIDATE"), rows.get(1));
        assertTrue(rows.get(2).contains(u("/missing")) && rows.get(2).contains("could not be read (http-error: HTTP status 404)"), rows.get(2));
        assertFalse(String.join("\n", rows).contains("huggingface.co/aisingapore"), "an already cited URL is no candidate");

        try (Curation c = fx.open()) {
            List<Submission> subs = CurationFixture.submissions(c);
            assertEquals(1, subs.size());
            Submission s = subs.get(0);
            assertEquals(curator, s.curator());
            assertEquals(door, s.door());
            assertEquals("url-list", s.sheetKind());
            assertEquals(Submission.ACCEPTED, s.outcome());
            assertTrue(CurationFixture.changes(c).isEmpty(), "a URL list proposes no change");
            Path archive = home.resolve(s.archivePath());
            assertEquals(Hashes.sha256(archive.resolve("original.txt")), s.sha256());
            assertEquals(list(), Files.readString(archive.resolve("original.txt")));
            JsonNode outcome = Json.mapper().readTree(archive.resolve("submission.json").toFile());
            assertEquals(curator, outcome.get("curator").asText());
            JsonNode made = Json.mapper().readTree(archive.resolve("candidates.json").toFile());
            assertEquals("curation/candidates/links.csv", made.get("sheet").asText());
            assertEquals(1, made.get("alreadyCited").asInt());
            assertEquals(2, made.get("candidates").asInt());
            String audit = c.repository().read(x -> c.repository().submissions(x, CurationFixture.QUARTER)).toString();
            assertTrue(audit.contains("links.txt"), audit);
        }
    }

    @Test
    void aUrlListSubmittedThroughTheCliBecomesACandidateSheetAndAnArchivedSubmissionWithoutTouchingTheDraft() throws Exception {
        List<Project> before = draft();
        Path file = fx.write("links.txt", list());
        CurationFixture.Cli r = fx.cli("submit", file.toString(), "--curator", "alice", "--allow-loopback");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("S1 accepted: URL list of 3 URL(s): 2 candidate record(s) written to curation/candidates/links.csv"
                + " (1 already cited in the draft were skipped); 1 page(s) could not be read"), r.out());
        assertTrue(r.out().contains("Nothing was entered into the draft"), r.out());
        assertCandidatesAndArchive("alice", "cli");
        assertEquals(before, draft());
        assertEquals(list(), Files.readString(file), "the submitted file is never modified");

        // the same list again is recognised and makes no second sheet
        CurationFixture.Cli again = fx.cli("submit", file.toString(), "--curator", "bob", "--allow-loopback");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("already received on ") && again.out().contains(" as S1 from alice"), again.out());
        assertEquals(List.of("links.csv"), candidateSheets());
        assertEquals(1, site.hitsOn("/news"), "fetched once");
    }

    @Test
    void aUrlListDroppedInTheInboxBecomesACandidateSheetAndAnArchivedSubmissionWithoutTouchingTheDraft() throws Exception {
        List<Project> before = draft();
        List<String> events = new CopyOnWriteArrayList<>();
        try (Curation c = fx.open(); RunningInbox inbox = new RunningInbox(c, events::add, TestSite.policy())) {
            NotifyBuilder done = new NotifyBuilder(inbox.camel).fromRoute("inbox").whenCompleted(1).create();
            Path target = c.workspace().inbox().resolve("bob").resolve("links.txt");
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(".links.txt.tmp");
            Files.writeString(tmp, list());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            assertTrue(done.matches(30, TimeUnit.SECONDS));
            InboxRouteTest.await(() -> !Files.exists(target), "the inbox file is gone");
            assertTrue(events.get(0).contains("S1 accepted: URL list of 3 URL(s)"), events.toString());
        }
        assertCandidatesAndArchive("bob", "inbox");
        assertEquals(before, draft());
        assertFalse(Files.exists(home.resolve("curation/rejected")) && Files.list(home.resolve("curation/rejected")).findAny().isPresent());
    }

    @Test
    void aListWithABadLineIsRejectedWholeNamingTheLineAndWritesNoCandidates() throws Exception {
        Path file = fx.write("links.txt", u("/news") + "\nftp://files.example.org/x\nnot a url\n");
        CurationFixture.Cli r = fx.cli("submit", file.toString(), "--curator", "alice", "--allow-loopback");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("S1 rejected: 2 line(s) of the URL list are not usable URLs; no candidates were written"), r.out());
        assertTrue(r.out().contains("error invalid-url at links.txt, row 2: is not an http(s) URL"), r.out());
        assertTrue(r.out().contains("links.txt, row 3"), r.out());
        assertEquals(List.of(), candidateSheets());
        assertEquals(0, site.hitsOn("/news"), "nothing fetched for a rejected list");
        try (Curation c = fx.open()) {
            Submission s = CurationFixture.submissions(c).get(0);
            assertEquals(Submission.REJECTED, s.outcome());
            assertEquals(2, s.errors());
            assertTrue(Files.readString(home.resolve(s.archivePath()).resolve("report.txt")).contains("row 3"));
        }
    }

    @Test
    void withoutTheTestAllowanceLoopbackAddressesStayRefused() throws Exception {
        Path file = fx.write("links.txt", u("/news") + "\n");
        CurationFixture.Cli r = fx.cli("submit", file.toString(), "--curator", "alice");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(0, site.hits.size(), "the guard refused the address before any request");
        String sheet = Files.readString(home.resolve("curation/candidates/links.csv"));
        assertTrue(sheet.contains("could not be read") && !sheet.contains("SEA-LION"), sheet);
    }
}
