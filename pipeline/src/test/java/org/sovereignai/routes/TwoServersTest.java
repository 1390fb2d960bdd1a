package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.TestDatabase;
import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.web.HttpTestClient;

/**
 * The team setup as it runs: two {@code sai serve} processes on one PostgreSQL database (started by the tests)
 * watching one inbox and answering the curation API. A burst of different files and of the same file under several
 * names is taken exactly once each; with one server killed mid-burst, the other takes the rest, still exactly once.
 * The same upload sent to both servers at once is recorded once, the other answer naming it; two reviewers deciding
 * the same change on the two servers at once get one decision and one 409, and two rival changes approved at once on
 * the two servers are both refused; the same quarter released on both servers at once is published once, the other
 * told so with a 409.
 */
class TwoServersTest {
    static final int DISTINCT = 6;

    @TempDir
    Path home;
    final List<ChildJvm> servers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (ChildJvm s : servers) s.kill();
    }

    @Test
    void aBurstIsTakenExactlyOnceByTwoServersOnOneDatabase() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        startServers(fx, 2);
        Set<String> distinct = burst(fx, 0);
        awaitTaken(fx, distinct.size());
        assertExactlyOnce(fx.settings(), distinct);
    }

    @Test
    void whenOneServerIsKilledMidBurstTheOtherTakesTheRestExactlyOnce() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        startServers(fx, 2);
        Set<String> distinct = new HashSet<>(burst(fx, 0));
        servers.get(0).kill(); // SIGKILL while the burst is being taken
        distinct.addAll(burst(fx, 100));
        awaitTaken(fx, distinct.size());
        assertExactlyOnce(fx.settings(), distinct);
    }

    /** Rounds of simultaneous requests: each is a fresh chance for the two servers to collide. */
    static final int ROUNDS = 4;

    @Test
    void theSameUploadSentToBothServersAtOnceIsRecordedOnceAndTheOtherAnswerNamesIt() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        String alice = token(fx, "alice", Role.CURATOR);
        List<String> bases = startServers(fx, 2);
        Set<String> hashes = new HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            // values no record has yet: six changes a sheet
            String csv = "id,funding_usd,notes\nsea-lion,5" + round + "000001,round " + round + "\napertus,6" + round
                    + "000001,round " + round + "\nisambard-ai,7" + round + "000001,round " + round + "\n";
            hashes.add(Hashes.sha256(csv.getBytes(StandardCharsets.UTF_8)));
            String path = "/api/v1/quarters/" + CurationFixture.QUARTER + "/submissions";
            String name = "funding-" + round + ".csv";
            List<HttpResponse<String>> answers = atOnce(bases.stream().map(base -> HttpTestClient.upload(
                    request(base + path, alice), name, csv.getBytes(StandardCharsets.UTF_8), null)).toList());
            List<Integer> codes = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(200, 201), codes, "round " + round + ": " + bodies(answers));
            JsonNode first = json(answers.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow());
            JsonNode other = json(answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow());
            String label = first.path("submission").asText();
            assertEquals(label, other.path("submission").asText(), "the other answer is the earlier submission");
            assertTrue(other.path("message").asText().contains("already received on ") && other.path("message").asText().contains(" as " + label + " from alice"), other.toString());
            assertEquals(6, first.path("changes").size());
            assertEquals(6, other.path("changes").size(), "with its changes");
        }
        CurationSettings s = fx.settings();
        assertEquals(ROUNDS, count(s, "SELECT count(*) FROM submission"), "one submission per distinct upload");
        assertEquals(hashes, strings(s, "SELECT sha256 FROM submission"));
        assertEquals(ROUNDS * 6, count(s, "SELECT count(*) FROM proposed_change"), "no change twice");
        assertEquals(ROUNDS, count(s, "SELECT count(*) FROM audit_log WHERE action = 'submission-accepted'"));
        assertEquals(ROUNDS * 6, count(s, "SELECT count(*) FROM audit_log WHERE action = 'change-proposed'"));
        assertEquals(Set.of("alice api"), strings(s, "SELECT curator || ' ' || door FROM submission"));
    }

    @Test
    void twoReviewersDecidingOneChangeOnTheTwoServersAtOnceGetOneDecisionAndOne409() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        Path sheet = fx.write("changes.csv", "id,funding_usd,notes\nsea-lion,53000000,a\napertus,21000000,b\nisambard-ai,1000000,c\n");
        assertEquals(0, fx.cli("submit", sheet.toString(), "--curator", "alice").code());
        String rita = token(fx, "rita", Role.REVIEWER);
        String rob = token(fx, "rob", Role.REVIEWER);
        List<String> bases = startServers(fx, 2);
        CurationSettings s = fx.settings();
        List<String> changes = strings(s, "SELECT 'C' || id FROM proposed_change").stream().sorted().toList();
        assertEquals(6, changes.size());
        Map<String, String> winners = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            String c = changes.get(i);
            // rita approves on one server while rob rejects on the other; the servers swap each round
            String approveOn = bases.get(i % 2);
            String rejectOn = bases.get((i + 1) % 2);
            List<HttpResponse<String>> answers = atOnce(List.of(
                    request(approveOn + "/api/v1/changes/" + c + "/approve", rita).POST(HttpRequest.BodyPublishers.noBody()),
                    request(rejectOn + "/api/v1/changes/" + c + "/reject", rob).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"no source\"}"))));
            List<Integer> codes = answers.stream().map(HttpResponse::statusCode).sorted().toList();
            assertEquals(List.of(200, 409), codes, c + ": " + bodies(answers));
            HttpResponse<String> won = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            HttpResponse<String> lost = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
            String winner = json(won).path("decided_by").asText();
            winners.put(c, winner);
            assertTrue(json(lost).path("detail").asText().contains(c + " was already " + (winner.equals("rita") ? "approved" : "rejected")
                    + " by " + winner), lost.body());
        }
        assertEquals(0, count(s, "SELECT count(*) FROM proposed_change WHERE state = 'pending'"), "every change decided");
        Set<String> decided = strings(s, "SELECT 'C' || id || ' ' || decided_by || ' ' || state FROM proposed_change");
        Set<String> expected = new HashSet<>();
        winners.forEach((c, w) -> expected.add(c + " " + w + " " + (w.equals("rita") ? "approved" : "rejected")));
        assertEquals(expected, decided, "each change holds its one decision, by the reviewer whose answer was 200");
        assertEquals(changes.size(), count(s, "SELECT count(*) FROM audit_log WHERE action IN ('change-approved', 'change-rejected')"),
                "one decision line per change in the audit log");
        assertEquals(changes.size(), count(s, "SELECT count(DISTINCT change_id) FROM audit_log WHERE action IN ('change-approved', 'change-rejected')"));

        // two rival values for one field, each approved on its own server at the same moment: neither wins
        assertEquals(0, fx.cli("submit", fx.write("a.csv", "id,funding_usd\napertus,1000\n").toString(), "--curator", "alice").code());
        assertEquals(0, fx.cli("submit", fx.write("b.csv", "id,funding_usd\napertus,2000\n").toString(), "--curator", "bob").code());
        List<String> rivals = strings(s, "SELECT 'C' || id FROM proposed_change WHERE state = 'pending'").stream().sorted().toList();
        assertEquals(2, rivals.size());
        List<HttpResponse<String>> both = atOnce(List.of(
                request(bases.get(0) + "/api/v1/changes/" + rivals.get(0) + "/approve", rita).POST(HttpRequest.BodyPublishers.noBody()),
                request(bases.get(1) + "/api/v1/changes/" + rivals.get(1) + "/approve", rob).POST(HttpRequest.BodyPublishers.noBody())));
        for (HttpResponse<String> r : both) {
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(json(r).path("detail").asText().contains("conflicts with"), r.body());
        }
        assertEquals(2, count(s, "SELECT count(*) FROM proposed_change WHERE state = 'pending'"), "both still pending");
    }

    @Test
    void theSameQuarterReleasedOnBothServersAtOnceIsPublishedOnce() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        ReleaseCompletionTest.publishedBase(fx, home);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        assertEquals(0, fx.cli("submit", fx.write("a.csv", "id,funding_usd\napertus,21000000\n").toString(), "--curator", "alice").code());
        assertEquals(0, fx.cli("review", "approve", "S1", "--reviewer", "rita").code());
        String ada = token(fx, "ada", Role.ADMIN);
        String alan = token(fx, "alan", Role.ADMIN);
        List<String> bases = startServers(fx, 2);
        String path = "/api/v1/quarters/" + CurationFixture.QUARTER + "/release";
        List<HttpResponse<String>> answers = atOnce(List.of(
                request(bases.get(0) + path, ada).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                request(bases.get(1) + path, alan).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        long published = answers.stream().filter(r -> r.statusCode() == 201).count();
        assertEquals(1, published, "one release: " + bodies(answers));
        HttpResponse<String> lost = answers.stream().filter(r -> r.statusCode() != 201).findFirst().orElseThrow();
        assertEquals(409, lost.statusCode(), lost.body());
        assertEquals("application/problem+json", lost.headers().firstValue("Content-Type").orElse(""), lost.body());
        CurationSettings s = fx.settings();
        assertEquals(1, count(s, "SELECT count(*) FROM audit_log WHERE action = 'quarter-released'"), "released once in the audit log");
        assertEquals(List.of("released"), List.copyOf(strings(s, "SELECT state FROM quarter WHERE name = '" + CurationFixture.QUARTER + "'")));
        assertTrue(Files.isRegularFile(home.resolve("snapshots/" + CurationFixture.QUARTER + "/manifest.json")));
        try (var left = Files.list(home.resolve("snapshots"))) {
            List<String> names = left.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".") || n.contains("tmp")).toList();
            assertEquals(List.of(), names, "no half-made release folder left behind");
        }
        var out = new java.io.StringWriter();
        int verified = org.sovereignai.cli.Sai.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true),
                "verify", home.resolve("snapshots").toString());
        assertEquals(0, verified, "the published releases verify: " + out);
    }

    /** An account of this role on the fixture's database and a Bearer token for it (valid on every instance). */
    private static String token(CurationFixture fx, String name, Role role) {
        try (Curation c = fx.open()) {
            Accounts accounts = new Accounts(c.dataSource());
            accounts.add(name, role, "a long enough password".toCharArray(), "test");
            return accounts.newToken(name, "test");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    /** Sends the requests at the same moment (each on a connection of its own) and waits for every answer. */
    private List<HttpResponse<String>> atOnce(List<HttpRequest.Builder> requests) throws Exception {
        List<HttpRequest> built = requests.stream().map(HttpRequest.Builder::build).toList();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest r : built) sent.add(client.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        List<HttpResponse<String>> out = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : sent) out.add(f.get(90, TimeUnit.SECONDS));
        return out;
    }

    private static String bodies(List<HttpResponse<String>> answers) {
        return answers.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    /** Starts {@code n} servers on the fixture's database, each on a free port; returns their base URLs once they answer. */
    private List<String> startServers(CurationFixture fx, int n) throws Exception {
        CurationSettings s = fx.settings();
        List<String> props = List.of("sai.db.url=" + s.dbUrl(), "sai.db.user=" + s.dbUser(), "sai.db.password=" + s.dbPassword());
        List<String> bases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int port = freePort();
            ChildJvm server = ChildJvm.start(home, "watching", props, "serve", "--port", Integer.toString(port));
            servers.add(server);
            bases.add("http://127.0.0.1:" + port);
        }
        for (ChildJvm server : servers) server.awaitLine(60);
        for (String base : bases) HttpTestClient.awaitHealthy(client, base, Duration.ofSeconds(60));
        return bases;
    }

    /**
     * Drops {@link #DISTINCT} different update sheets, each also under a second name by another curator, all at once;
     * returns the sha256 of the distinct contents.
     */
    private Set<String> burst(CurationFixture fx, int offset) throws Exception {
        String[] ids = {"sea-lion", "apertus", "isambard-ai"};
        Set<String> hashes = new HashSet<>();
        List<Path> staged = new ArrayList<>();
        Path staging = Files.createDirectories(home.resolve("staging-" + offset));
        for (int i = 0; i < DISTINCT; i++) {
            String csv = "id,funding_usd\n" + ids[i % ids.length] + "," + (1_000_000 + offset + i) + "\n";
            hashes.add(Hashes.sha256(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            staged.add(Files.writeString(staging.resolve("alice-" + offset + "-" + i + ".csv"), csv));
            staged.add(Files.writeString(staging.resolve("bob-" + offset + "-" + i + ".csv"), csv));
        }
        for (Path p : staged) {
            String curator = p.getFileName().toString().startsWith("alice") ? "alice" : "bob";
            Path dir = Files.createDirectories(fx.workspace.inbox().resolve(curator));
            Files.move(p, dir.resolve(p.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE); // whole files only
        }
        return hashes;
    }

    /** Polls until every dropped file has left the inbox and the database holds the expected submissions. */
    private void awaitTaken(CurationFixture fx, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            boolean inboxEmpty;
            try (Stream<Path> files = Files.walk(fx.workspace.inbox())) {
                inboxEmpty = files.filter(Files::isRegularFile).noneMatch(p -> p.getFileName().toString().endsWith(".csv"));
            }
            if (inboxEmpty && count(fx.settings(), "SELECT count(*) FROM submission") >= expected) return;
            if (System.nanoTime() > deadline) {
                StringBuilder out = new StringBuilder();
                for (ChildJvm s : servers) out.append(s.output()).append("\n----\n");
                throw new AssertionError("the burst was not taken within 90 s; servers said:\n" + out);
            }
            Thread.sleep(100); // polling interval
        }
    }

    private static void assertExactlyOnce(CurationSettings s, Set<String> distinct) throws Exception {
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM submission"), "one submission per distinct file");
        assertEquals(distinct.size(), count(s, "SELECT count(DISTINCT sha256) FROM submission"));
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM proposed_change"), "one change per sheet, none twice");
        assertEquals(distinct, strings(s, "SELECT sha256 FROM submission"));
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM audit_log WHERE action = 'submission-accepted'"),
                "the audit log records each acceptance once");
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM audit_log WHERE action = 'change-proposed'"));
    }

    private static Set<String> strings(CurationSettings s, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long count(CurationSettings s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
