package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.TestDatabase;
import org.sovereignai.io.Hashes;

/**
 * The team setup as it runs: two {@code sai serve} processes on one PostgreSQL database (started by the tests)
 * watching one inbox. A burst of different files and of the same file under several names is taken exactly once
 * each; with one server killed mid-burst, the other takes the rest, still exactly once.
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

    private void startServers(CurationFixture fx, int n) throws Exception {
        CurationSettings s = fx.settings();
        List<String> props = List.of("sai.db.url=" + s.dbUrl(), "sai.db.user=" + s.dbUser(), "sai.db.password=" + s.dbPassword());
        for (int i = 0; i < n; i++) {
            ChildJvm server = ChildJvm.start(home, "watching", props, "serve", "--port", Integer.toString(freePort()));
            servers.add(server);
        }
        for (ChildJvm server : servers) server.awaitLine(60);
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
        try (Connection c = DriverManager.getConnection(s.dbUrl(), s.dbUser(), s.dbPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT sha256 FROM submission")) {
            Set<String> stored = new HashSet<>();
            while (rs.next()) stored.add(rs.getString(1));
            assertEquals(distinct, stored);
        }
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM audit_log WHERE action = 'submission-accepted'"),
                "the audit log records each acceptance once");
        assertEquals(distinct.size(), count(s, "SELECT count(*) FROM audit_log WHERE action = 'change-proposed'"));
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
