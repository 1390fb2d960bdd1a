package org.sovereignai.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.io.Json;

/**
 * The curation API over a real server on loopback, a real H2 database and the JDK's HTTP client: each endpoint, each
 * role boundary, a dry run that records nothing, a rejected upload's cell positions, a conflict's 409 and two
 * reviewers racing on one change.
 */
class CurationApiTest {
    static final String API = Links.BASE;
    static final String Q = CurationFixture.QUARTER;

    @TempDir
    Path home;

    TestServer server;
    CurationFixture fx;
    String admin;
    String reviewer;
    String reviewer2;
    String alice;
    String bob;

    /** A project with 2025-Q4 published, accounts of each role with their tokens, and a running server. */
    void start(boolean openQuarter) throws Exception {
        fx = new CurationFixture(home);
        // the fixture's 2025-Q4 is a stand-in; releasing after it needs a real one
        Path sheet = Files.writeString(home.resolve("base.csv"), CurationFixture.baseCsv());
        deleteTree(home.resolve("snapshots/" + CurationFixture.BASE));
        org.sovereignai.release.Releases.publish(org.sovereignai.release.ReleaseRequest.of(CurationFixture.BASE, sheet,
                home.resolve("snapshots"), java.time.LocalDate.of(2025, 12, 31)));
        try (Curation c = openQuarter ? fx.openQuarter() : fx.open()) {
            Accounts accounts = new Accounts(c.dataSource());
            admin = token(accounts, "ada", Role.ADMIN);
            reviewer = token(accounts, "rita", Role.REVIEWER);
            reviewer2 = token(accounts, "rob", Role.REVIEWER);
            alice = token(accounts, "alice", Role.CURATOR);
            bob = token(accounts, "bob", Role.CURATOR);
        }
        server = new TestServer(home);
    }

    /** Every path under {@code dir} with its size, sorted. */
    static List<String> tree(Path dir) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String token(Accounts accounts, String name, Role role) {
        accounts.add(name, role, "a long enough password".toCharArray(), "test");
        return accounts.newToken(name, "test");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.close();
    }

    // ---- the client's side

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart/form-data upload as a browser's form sends it: the file part and an optional note. */
    HttpResponse<String> upload(String path, String token, String fileName, byte[] content, String note) throws Exception {
        return send(HttpTestClient.upload(request(path, token), fileName, content, note));
    }

    HttpResponse<String> upload(String token, String fileName, String csv) throws Exception {
        return upload(API + "/quarters/" + Q + "/submissions", token, fileName, csv.getBytes(StandardCharsets.UTF_8), null);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    static void assertProblem(HttpResponse<String> r, int status, String detailHas) throws Exception {
        ApiTest.assertProblem(r, status, detailHas);
    }

    // ---- the tests

    @Test
    void everyRouteRefusesAMissingTokenWith401AndALowerRoleWith403() throws Exception {
        start(true);
        record Route(String method, String path, Role needs) {
        }
        List<Route> routes = List.of(
                new Route("GET", "/quarters/current", Role.CURATOR),
                new Route("GET", "/submissions", Role.CURATOR),
                new Route("GET", "/submissions/S1", Role.CURATOR),
                new Route("POST", "/quarters/" + Q + "/submissions", Role.CURATOR),
                new Route("GET", "/quarters/" + Q + "/changes", Role.REVIEWER),
                new Route("POST", "/changes/C1/approve", Role.REVIEWER),
                new Route("POST", "/changes/C1/reject", Role.REVIEWER),
                new Route("POST", "/changes/C1/keep", Role.REVIEWER),
                new Route("POST", "/quarters", Role.ADMIN),
                new Route("POST", "/quarters/" + Q + "/release", Role.ADMIN),
                new Route("GET", "/quarters/" + Q + "/release-preview", Role.ADMIN));
        for (Route r : routes) {
            for (String token : new String[] {null, "sai_not-a-token", "garbage"}) {
                HttpResponse<String> res = r.method().equals("GET") ? get(API + r.path(), token) : post(API + r.path(), token, "{}");
                assertProblem(res, 401, "Bearer");
                assertEquals(Authentication.CHALLENGE, res.headers().firstValue("WWW-Authenticate").orElse(""), r.path());
            }
            List<String> lower = switch (r.needs()) {
                case CURATOR -> List.of();
                case REVIEWER -> List.of(alice);
                case ADMIN -> List.of(alice, reviewer);
            };
            for (String token : lower) {
                HttpResponse<String> res = r.method().equals("GET") ? get(API + r.path(), token) : post(API + r.path(), token, "{}");
                assertProblem(res, 403, "needs the " + r.needs().value() + " role");
            }
        }
        // nothing was written by any of them
        try (Curation c = fx.open()) {
            assertEquals(0, CurationFixture.submissions(c).size());
        }
    }

    @Test
    void aCuratorSubmitsAReviewerApprovesAndTheAdminReleasesEachNamedByTheirAccount() throws Exception {
        start(false);
        HttpResponse<String> opened = post(API + "/quarters", admin, "{\"quarter\": \"" + Q + "\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        assertEquals(3, json(opened).path("draft_records").asInt());
        assertProblem(post(API + "/quarters", admin, "{\"quarter\": \"soon\"}"), 400, "is not a quarter");
        assertProblem(post(API + "/quarters", admin, "{\"quarter\": \"2026-Q3\"}"), 409, "is open");

        HttpResponse<String> sub = upload(API + "/quarters/" + Q + "/submissions", alice, "../../etc/Funding <b>.csv",
                "id,funding_usd\napertus,20000000\n".getBytes(StandardCharsets.UTF_8), "from the annual report");
        assertEquals(201, sub.statusCode(), sub.body());
        JsonNode s = json(sub);
        assertEquals("S1", s.path("submission").asText());
        assertEquals(API + "/submissions/S1", sub.headers().firstValue("Location").orElse(""));
        assertEquals("alice", s.path("report").path("curator").asText());
        assertEquals("accepted", s.path("report").path("outcome").asText());
        assertFalse(s.path("report").path("file").asText().contains("/"), "only a safe display name: " + s.path("report").path("file"));
        assertEquals("C1", s.path("changes").get(0).path("id").asText());
        assertEquals("20000000", s.path("changes").get(0).path("new_value").asText());
        // the original archived unchanged, under its hash, not its name
        try (Stream<Path> files = Files.walk(home.resolve("curation/submissions/" + Q))) {
            Path original = files.filter(p -> p.getFileName().toString().equals("original.csv")).findFirst().orElseThrow();
            assertEquals("id,funding_usd\napertus,20000000\n", Files.readString(original));
        }

        JsonNode current = json(get(API + "/quarters/current", alice));
        assertEquals(Q, current.path("quarter").asText());
        assertEquals(1, current.path("changes").path("pending").asInt());
        assertEquals("C1", current.path("pending").get(0).path("id").asText());

        assertProblem(post(API + "/changes/C1/reject", reviewer, "{}"), 400, "'reason' is required");
        HttpResponse<String> approved = post(API + "/changes/C1/approve", reviewer, "");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("rita", json(approved).path("decided_by").asText());
        assertProblem(post(API + "/changes/C1/approve", reviewer, ""), 409, "already approved by rita");
        assertProblem(post(API + "/changes/C99/approve", reviewer, ""), 409, "no change C99");
        assertProblem(post(API + "/changes/x/approve", reviewer, ""), 400, "is not a change id");
        assertEquals("C1", json(get(API + "/quarters/" + Q + "/changes?state=approved", reviewer)).path("changes").get(0).path("id").asText());
        assertEquals(0, json(get(API + "/quarters/" + Q + "/changes", reviewer)).path("changes").size());
        assertProblem(get(API + "/quarters/" + Q + "/changes?state=maybe", reviewer), 400, "pending, approved or rejected");

        JsonNode mine = json(get(API + "/submissions/S1", alice));
        assertEquals("approved", mine.path("changes").get(0).path("state").asText());
        assertEquals("from the annual report", mine.path("note").asText());
        assertEquals("api", mine.path("door").asText());

        // the preview: what the release would publish, and nothing published by asking
        List<String> before = tree(home.resolve("snapshots"));
        JsonNode preview = json(get(API + "/quarters/" + Q + "/release-preview", admin));
        assertTrue(preview.path("publishable").asBoolean(), preview.toString());
        assertEquals("2026-Q1", preview.path("quarter").asText());
        assertTrue(preview.path("changes_md").asText().contains("apertus"), preview.path("changes_md").asText());
        assertTrue(preview.path("stats_md").asText().length() > 0);
        assertEquals(List.of("alice"), List.of(preview.path("curators").get(0).asText()));
        assertEquals(before, tree(home.resolve("snapshots")), "a preview publishes nothing");
        assertProblem(get(API + "/quarters/2027-Q1/release-preview", admin), 409, "not 2027-Q1");

        assertProblem(post(API + "/quarters/" + Q + "/release", admin, "{\"date\": \"tomorrow\"}"), 400, "YYYY-MM-DD");
        HttpResponse<String> released = post(API + "/quarters/" + Q + "/release", admin, "{\"date\": \"2026-03-31\"}");
        assertEquals(201, released.statusCode(), released.body());
        assertEquals(List.of("alice"), List.of(json(released).path("curators").get(0).asText()));
        assertTrue(Files.isRegularFile(home.resolve("snapshots/" + Q + "/manifest.json")));
        assertProblem(get(API + "/quarters/current", alice), 409, "no quarter is open");

        // the audit log names the accounts, never a free-text name
        try (Curation c = fx.open()) {
            List<String> lines = c.repository().read(x -> {
                List<String> out = new ArrayList<>();
                try (var ps = x.prepareStatement("SELECT actor, action FROM audit_log ORDER BY id"); var rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
                }
                return out;
            });
            assertTrue(lines.containsAll(List.of("ada quarter-opened", "alice submission-accepted", "alice change-proposed",
                    "rita change-approved", "ada quarter-released")), lines.toString());
        }
    }

    @Test
    void aDryRunRecordsNothingAndARejectedUploadNamesItsCells() throws Exception {
        start(true);
        HttpResponse<String> dry = upload(API + "/quarters/" + Q + "/submissions?dryRun=true", alice, "a.csv",
                "id,funding_usd\napertus,20000000\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(json(dry).path("dry_run").asBoolean());
        assertTrue(json(dry).path("submission").isNull());
        assertEquals("20000000", json(dry).path("changes").get(0).path("new_value").asText());

        HttpResponse<String> bad = upload(alice, "b.csv", "id,funding_usd\napertus,lots\n");
        assertEquals(422, bad.statusCode(), bad.body());
        JsonNode f = json(bad).path("report").path("findings").get(0);
        assertEquals("rejected", json(bad).path("report").path("outcome").asText());
        assertEquals(3, Stream.of("row", "column", "cell").filter(f::has).count(), f.toString());
        assertEquals("B2", f.path("cell").asText());
        assertFalse(f.path("code").asText().isEmpty());
        assertFalse(f.path("message").asText().isEmpty());
        HttpResponse<String> badDry = upload(API + "/quarters/" + Q + "/submissions?dryRun=true", alice, "c.csv",
                "id,funding_usd\nsea-lion,lots\n".getBytes(StandardCharsets.UTF_8), null);
        assertEquals(422, badDry.statusCode(), badDry.body());
        assertEquals("B2", json(badDry).path("report").path("findings").get(0).path("cell").asText());

        try (Curation c = fx.open()) {
            assertEquals(1, CurationFixture.submissions(c).size(), "only the real (rejected) upload is recorded");
        }
        try (Stream<Path> dirs = Files.list(home.resolve("curation/submissions/" + Q))) {
            assertEquals(1, dirs.count(), "the dry runs archived nothing");
        }
        assertProblem(upload(alice, "list.txt", "https://example.org\n"), 415, ".csv, .xlsx or .ods");
        assertProblem(post(API + "/quarters/" + Q + "/submissions", alice, "{}"), 400, "multipart/form-data field 'file'");
        assertProblem(upload(API + "/quarters/2027-Q1/submissions", alice, "a.csv", "id\n".getBytes(StandardCharsets.UTF_8), null), 409, "not 2027-Q1");
        assertProblem(upload(API + "/quarters/" + Q + "/submissions?dryRun=maybe", alice, "a.csv", "id\n".getBytes(StandardCharsets.UTF_8), null), 400, "dryRun");
    }

    @Test
    void aCuratorSeesOnlyTheirOwnSubmissionsAndAReviewerSeesAll() throws Exception {
        start(true);
        assertEquals(201, upload(alice, "a.csv", "id,funding_usd\napertus,20000000\n").statusCode());
        assertEquals(201, upload(bob, "b.csv", "id,funding_usd\nsea-lion,60000000\n").statusCode());
        assertEquals(List.of("S1"), ids(get(API + "/submissions", alice)));
        assertEquals(List.of("S2"), ids(get(API + "/submissions?mine=false", bob)));
        assertEquals(List.of("S1", "S2"), ids(get(API + "/submissions", reviewer)));
        assertEquals(List.of(), ids(get(API + "/submissions?mine=true", reviewer)));
        assertProblem(get(API + "/submissions/S2", alice), 404, "no submission S2");
        assertEquals("bob", json(get(API + "/submissions/S2", reviewer)).path("curator").asText());
        assertEquals(200, upload(alice, "a-again.csv", "id,funding_usd\napertus,20000000\n").statusCode(), "the same content: the earlier submission");
    }

    @Test
    void theChangesListPagesByIdWithANextLinkAndTheCurrentQuarterShowsACuratorOnlyTheirOwn() throws Exception {
        start(true);
        upload(alice, "a.csv", "id,funding_usd\nsea-lion,60000000\napertus,1\n");
        upload(bob, "b.csv", "id,funding_usd\nsea-lion,61000000\n");
        String list = API + "/quarters/" + Q + "/changes?state=pending";
        JsonNode first = json(get(list + "&limit=1", reviewer));
        assertEquals(1, first.path("count").asInt());
        assertEquals("C1", first.path("changes").get(0).path("id").asText());
        assertEquals("C3", first.path("changes").get(0).path("conflicts_with").get(0).asText(), "rivals from beyond the page");
        assertEquals("C1", first.path("next").asText());
        String nextLink = first.path("links").path("next").asText();
        assertEquals(list + "&limit=1&next=C1", nextLink);
        JsonNode second = json(get(nextLink, reviewer));
        assertEquals("C2", second.path("changes").get(0).path("id").asText());
        JsonNode rest = json(get(list + "&limit=5&next=C2", reviewer));
        assertEquals(1, rest.path("count").asInt());
        assertTrue(rest.path("next").isNull(), "the last page has no next");
        assertTrue(rest.path("links").path("next").isMissingNode());
        assertProblem(get(list + "&limit=0", reviewer), 400, "parameter 'limit'");
        assertProblem(get(list + "&limit=10001", reviewer), 400, "from 1 to 10000");
        assertProblem(get(list + "&next=x1", reviewer), 400, "'x1' is not a change id");
        assertProblem(get(list + "&state=maybe", reviewer), 400, "parameter 'state'");

        // quarters/current: a curator sees their own pending changes, without anyone's rival values; a reviewer all
        JsonNode mine = json(get(API + "/quarters/current", bob));
        assertEquals(3, mine.path("changes").path("pending").asInt(), "the counts are the quarter's");
        assertEquals(List.of("C3"), labels(mine.path("pending")));
        assertTrue(mine.path("pending").get(0).path("conflicts_with").isMissingNode(), mine.toString());
        assertEquals(List.of("C1", "C2", "C3"), labels(json(get(API + "/quarters/current", reviewer)).path("pending")));
        assertEquals(API + "/quarters/" + Q + "/changes?state=pending", mine.path("links").path("pending").asText());
    }

    private static List<String> labels(JsonNode changes) {
        List<String> out = new ArrayList<>();
        changes.forEach(c -> out.add(c.path("id").asText()));
        return out;
    }

    private static List<String> ids(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        List<String> out = new ArrayList<>();
        json(r).path("submissions").forEach(s -> out.add(s.path("id").asText()));
        return out;
    }

    @Test
    void aChangeInConflictIsRefusedWith409NamingItsRival() throws Exception {
        start(true);
        upload(alice, "a.csv", "id,funding_usd\nsea-lion,60000000\n");
        upload(bob, "b.csv", "id,funding_usd\nsea-lion,61000000\n");
        JsonNode pending = json(get(API + "/quarters/" + Q + "/changes?state=pending", reviewer)).path("changes");
        assertEquals("C2", pending.get(0).path("conflicts_with").get(0).asText());
        assertEquals("C1", pending.get(1).path("conflicts_with").get(0).asText());
        assertProblem(post(API + "/changes/C1/approve", reviewer, ""), 409, "conflicts with C2 (bob: '61000000')");
        assertProblem(post(API + "/changes/S1/keep", reviewer, ""), 400, "'S1' is not a change id");
        HttpResponse<String> rejected = post(API + "/changes/C1/reject", reviewer, "{\"reason\": \"the annual report says 61M\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals(200, post(API + "/changes/C2/approve", reviewer, "").statusCode());
        JsonNode decided = json(get(API + "/submissions/S1", alice)).path("changes").get(0);
        assertEquals("rejected", decided.path("state").asText());
        assertEquals("rita", decided.path("decided_by").asText());
        assertEquals("the annual report says 61M", decided.path("decision_reason").asText());
    }

    @Test
    void keepingOneRivalApprovesItAndRejectsTheOthersNamingIt() throws Exception {
        start(true);
        upload(alice, "a.csv", "id,funding_usd\nsea-lion,60000000\n");
        upload(bob, "b.csv", "id,funding_usd\nsea-lion,61000000\n");
        HttpResponse<String> kept = post(API + "/changes/C2/keep", reviewer, "");
        assertEquals(200, kept.statusCode(), kept.body());
        assertEquals("approved", json(kept).path("state").asText());
        assertEquals("C1", json(kept).path("rejected_rivals").get(0).asText());
        JsonNode c1 = json(get(API + "/submissions/S1", alice)).path("changes").get(0);
        assertEquals("rejected", c1.path("state").asText());
        assertEquals("another proposal for the same field was kept: C2 by bob ('61000000')", c1.path("decision_reason").asText());
        assertProblem(post(API + "/changes/C2/keep", reviewer, ""), 409, "C2 was already approved by rita");
    }

    @Test
    void twoReviewersDecidingOneChangeAtOnceGetOneDecisionAndOne409() throws Exception {
        start(true);
        upload(alice, "a.csv", "id,funding_usd\napertus,20000000\n");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<HttpResponse<String>> a = pool.submit(() -> {
                go.await();
                return post(API + "/changes/C1/approve", reviewer, "");
            });
            Future<HttpResponse<String>> b = pool.submit(() -> {
                go.await();
                return post(API + "/changes/C1/reject", reviewer2, "{\"reason\": \"no source\"}");
            });
            go.countDown();
            List<HttpResponse<String>> both = List.of(a.get(), b.get());
            assertEquals(1, both.stream().filter(r -> r.statusCode() == 200).count(), both.toString());
            HttpResponse<String> loser = both.stream().filter(r -> r.statusCode() != 200).findFirst().orElseThrow();
            assertProblem(loser, 409, "C1 was already");
        } finally {
            pool.shutdownNow();
        }
        try (Curation c = fx.open()) {
            long decisions = c.repository().read(x -> {
                try (var ps = x.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE action IN ('change-approved', 'change-rejected')");
                     var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertEquals(1, decisions, "one decision in the audit log");
        }
    }
}
