package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The team setup on a real PostgreSQL server: what the operator sees when the database is not as expected. */
class TeamDatabaseTest {
    @TempDir
    Path home;

    @Test
    void aWholeQuarterRunsOnPostgresql() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        Path sheet = fx.write("update.csv", "id,funding_usd\nsea-lion,70000000\n");
        CurationFixture.Cli submit = fx.cli("submit", sheet.toString(), "--curator", "alice");
        assertEquals(0, submit.code(), submit.err());
        CurationFixture.Cli status = fx.cli("quarter", "status");
        assertTrue(status.out().contains("1 pending"), status.out());
        try (Connection c = admin(fx.settings());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM proposed_change")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the change is in PostgreSQL, not in an embedded file");
        }
        assertFalse(Files.exists(home.resolve("curation/db/sai.mv.db")), "no H2 file beside it");
    }

    @Test
    void thePasswordCanComeFromAFileSoItIsOnNoCommandLine() throws Exception {
        Path secret = Files.writeString(home.resolve("db-password"), "s3cret-from-file\nignored second line\n");
        System.setProperty("sai.db.password-file", secret.toString());
        try {
            assertEquals("s3cret-from-file", org.sovereignai.app.Settings.load(new Workspace(home)).dbPassword());
            System.setProperty("sai.db.password-file", home.resolve("missing").toString());
            CurationException e = org.junit.jupiter.api.Assertions.assertThrows(CurationException.class,
                    () -> org.sovereignai.app.Settings.load(new Workspace(home)));
            assertTrue(e.getMessage().contains("sai.db.password-file"), e.getMessage());
            System.setProperty("sai.db.password", "given");
            assertEquals("given", org.sovereignai.app.Settings.load(new Workspace(home)).dbPassword(), "the password itself wins");
        } finally {
            System.clearProperty("sai.db.password-file");
            System.clearProperty("sai.db.password");
        }
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheUrlAndUserExit2AndNothingIsCreated() throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        CurationSettings s = fx.settings(); // a new, empty database
        String role = TestDatabase.PASSWORD_ROLE;
        String database = s.dbUrl().substring(s.dbUrl().lastIndexOf('/') + 1);
        try (Connection c = admin(s); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                    + role + " LOGIN; END IF; END $$");
            st.execute("ALTER ROLE " + role + " PASSWORD 'the right one'");
            st.execute("ALTER DATABASE " + database + " OWNER TO " + role);
        }
        CurationFixture.Cli wrong = fx.cli(s.withDb(s.dbUrl(), role, "not-the-password"), "quarter", "status");
        assertRefused(wrong, s.dbUrl(), "refused user '" + role + "'", "password authentication failed",
                "sai.db.user (SAI_DB_USER)", "sai.db.password-file");
        assertFalse(wrong.err().contains("not-the-password"), "never the password: " + wrong.err());
        assertEquals(List.of(), tables(s), "nothing was created");
        // the same user with its password signs in: the refusal was the password's
        CurationFixture.Cli right = fx.cli(s.withDb(s.dbUrl(), role, "the right one"), "quarter", "status");
        assertTrue(right.err().contains("no quarter is open"), right.err());
    }

    @Test
    void anUnreachableServerIsOneLineWithinSecondsNamingTheUrlWithoutItsPassword() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        String url = "jdbc:postgresql://127.0.0.1:1/sai?password=hunter2&ApplicationName=sai";
        CurationFixture.Cli r = fx.cli(fx.settings().withDb(url, "sai", "s3cret"), "quarter", "status");
        assertRefused(r, "jdbc:postgresql://127.0.0.1:1/sai?password=***&ApplicationName=sai", "cannot reach",
                "Connection refused", "sai.db.url (SAI_DB_URL)");
        assertFalse(r.err().contains("hunter2") || r.err().contains("s3cret"), "never the password: " + r.err());
        assertFalse(Files.exists(home.resolve("curation/db")), "no embedded database instead");
    }

    @Test
    void aDatabaseThatDoesNotExistOnTheServerIsOneLineSayingToCreateIt() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        String url = "jdbc:postgresql://localhost:" + TestDatabase.server().getPort() + "/sai_never_created";
        CurationFixture.Cli r = fx.cli(fx.settings().withDb(url, "postgres", ""), "quarter", "status");
        assertRefused(r, url, "does not exist", "create it");
    }

    /**
     * A newer program migrated the database (its version 99 is in the history); this one refuses before migrating or
     * writing anything, whether the database lacks some of this program's migrations (here V3 and V4) or has them all.
     */
    @ParameterizedTest(name = "applied up to V{0}, then V99")
    @ValueSource(strings = {"2", CurationDatabase.LATEST_VERSION})
    void aDatabaseAtANewerSchemaVersionIsRefusedBeforeAnythingIsMigrated(String appliedUpTo) throws Exception {
        CurationFixture fx = new CurationFixture(home, TestDatabase.POSTGRESQL);
        CurationSettings s = fx.settings();
        Flyway.configure().dataSource(s.dbUrl(), s.dbUser(), s.dbPassword()).locations(CurationDatabase.MIGRATIONS)
                .table(CurationDatabase.HISTORY_TABLE).target(appliedUpTo).load().migrate();
        try (Connection c = admin(s); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + CurationDatabase.HISTORY_TABLE + " (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1, '99', 'from the future',"
                    + " 'SQL', 'V99__from_the_future.sql', 1, 'newer-sai', 1, TRUE FROM " + CurationDatabase.HISTORY_TABLE);
        }
        List<String> history = history(s);
        List<String> tables = tables(s);
        for (String[] command : List.of(new String[] {"quarter", "status"}, new String[] {"quarter", "open", CurationFixture.QUARTER})) {
            CurationFixture.Cli r = fx.cli(command);
            assertRefused(r, s.dbUrl(), "schema version 99", "newer than this program's " + CurationDatabase.LATEST_VERSION,
                    "\"Upgrading\"", "nothing was changed");
        }
        assertEquals(history, history(s), "no migration applied");
        assertEquals(tables, tables(s), "no table created");
        if (tables.contains("quarter")) assertEquals(0, count(s, "SELECT count(*) FROM quarter"), "no quarter opened");
    }

    /** Exit 2 within seconds, one line on stderr naming the URL and each of {@code says}, no stack trace. */
    private static void assertRefused(CurationFixture.Cli r, String url, String... says) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.took().toMillis() < 5_000, "took " + r.took().toMillis() + " ms");
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Failed to initialize pool"), r.err());
        assertTrue(r.err().contains(url), "names the URL: " + r.err());
        for (String s : says) assertTrue(r.err().contains(s), "says '" + s + "': " + r.err());
        assertEquals("", r.out());
    }

    private static Connection admin(CurationSettings s) throws Exception {
        return java.sql.DriverManager.getConnection(s.dbUrl(), "postgres", "");
    }

    private static List<String> tables(CurationSettings s) throws Exception {
        return strings(s, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    }

    private static List<String> history(CurationSettings s) throws Exception {
        return strings(s, "SELECT installed_rank || ' ' || coalesce(version, '-') || ' ' || success FROM "
                + CurationDatabase.HISTORY_TABLE + " ORDER BY installed_rank");
    }

    private static List<String> strings(CurationSettings s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = admin(s); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static long count(CurationSettings s, String sql) throws Exception {
        try (Connection c = admin(s); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
