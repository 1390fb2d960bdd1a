package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.cli.Sai;

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
        try (Connection c = java.sql.DriverManager.getConnection(fx.settings().dbUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM proposed_change")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the change is in PostgreSQL, not in an embedded file");
        }
        assertFalse(java.nio.file.Files.exists(home.resolve("curation/db/sai.mv.db")), "no H2 file beside it");
    }

    /** {@code ./sai quarter status} on this database; returns its stderr after checking the exit code is 2 (or 0). */
    private String run(String url, String user, String password) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        System.setProperty("sai.db.url", url);
        System.setProperty("sai.db.user", user);
        System.setProperty("sai.db.password", password);
        try {
            int code = Sai.run(new PrintWriter(out, true), new PrintWriter(err, true), "quarter", "status", "--home", home.toString());
            assertTrue(code == 2 || code == 0, code + " " + err);
            return code == 0 ? "" : err.toString();
        } finally {
            System.clearProperty("sai.db.url");
            System.clearProperty("sai.db.user");
            System.clearProperty("sai.db.password");
        }
    }
}
