package org.sovereignai.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.TestDatabase;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Accounts in a real database (embedded H2, and PostgreSQL as a team runs it), through the class and ./sai users. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AccountsTest {
    @Parameter
    TestDatabase database;

    static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path home;
    CurationFixture fx;
    Curation curation;
    Accounts accounts;

    @BeforeEach
    void open() throws Exception {
        fx = new CurationFixture(home, database);
        curation = fx.open();
        accounts = new Accounts(curation.dataSource());
    }

    @AfterEach
    void close() {
        curation.close();
    }

    @Test
    void theSuiteRunsOnTheDatabaseItNames() throws Exception {
        try (Connection c = curation.dataSource().getConnection()) {
            assertEquals(database == TestDatabase.H2 ? "H2" : "PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void anAccountSignsInWithItsPasswordOnlyAndItsRoleSaysWhatItMayDo() {
        accounts.add("rita", Role.REVIEWER, PASSWORD, "test");
        Account rita = accounts.signIn("rita", PASSWORD).orElseThrow();
        assertEquals(Role.REVIEWER, rita.role());
        assertTrue(rita.role().allows(Role.CURATOR) && rita.role().allows(Role.REVIEWER) && !rita.role().allows(Role.ADMIN));
        assertTrue(accounts.signIn("rita", "correct horse battery!".toCharArray()).isEmpty());
        assertTrue(accounts.signIn("nobody", PASSWORD).isEmpty());
        assertTrue(accounts.signIn(null, PASSWORD).isEmpty());
    }

    @Test
    void thePasswordIsStoredOnlyAsABcryptHash() throws Exception {
        accounts.add("alice", Role.CURATOR, PASSWORD, "test");
        try (Connection c = curation.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM account WHERE name = 'alice'")) {
            assertTrue(rs.next());
            String hash = rs.getString(1);
            assertTrue(hash.startsWith("$2a$" + Accounts.COST + "$"), hash);
            assertFalse(hash.contains(new String(PASSWORD)));
        }
    }

    @Test
    void aTokenIsShownOnceStoredAsAHashAndNamesItsAccount() throws Exception {
        accounts.add("ci", Role.CURATOR, PASSWORD, "test");
        String token = accounts.newToken("ci", "test");
        String other = accounts.newToken("ci", "test");
        assertTrue(token.matches("sai_[A-Za-z0-9_-]{43}"), token);
        assertNotEquals(token, other);
        assertEquals("ci", accounts.byToken(token).orElseThrow().name());
        assertEquals("ci", accounts.byToken(other).orElseThrow().name());
        assertTrue(accounts.byToken(token + "x").isEmpty());
        assertTrue(accounts.byToken("Bearer " + token).isEmpty());
        try (Connection c = curation.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT token_sha256 FROM account_token")) {
            while (rs.next()) assertFalse(rs.getString(1).contains(token.substring(4)), "only the hash is stored");
        }
    }

    @Test
    void aDisabledAccountCanNeitherSignInNorUseItsTokensNorGetNewOnes() {
        accounts.add("bob", Role.CURATOR, PASSWORD, "test");
        String token = accounts.newToken("bob", "test");
        accounts.disable("bob", "test");
        assertTrue(accounts.signIn("bob", PASSWORD).isEmpty());
        assertTrue(accounts.byToken(token).isEmpty());
        assertTrue(accounts.list().get(0).disabled());
        CurationException e = assertThrows(CurationException.class, () -> accounts.newToken("bob", "test"));
        assertTrue(e.getMessage().contains("disabled"), e.getMessage());
    }

    @Test
    void badNamesPasswordsAndDuplicatesAreRefusedSayingWhatIsAllowed() {
        assertRefused(() -> accounts.add("Alice", Role.CURATOR, PASSWORD, "t"), "lower-case");
        assertRefused(() -> accounts.add("../x", Role.CURATOR, PASSWORD, "t"), "lower-case");
        assertRefused(() -> accounts.add("alice", Role.CURATOR, "short".toCharArray(), "t"), "at least 12");
        assertRefused(() -> accounts.add("alice", Role.CURATOR, "é".repeat(37).toCharArray(), "t"), "at most 72 bytes");
        assertRefused(() -> accounts.add("alice", null, PASSWORD, "t"), "curator, reviewer or admin");
        accounts.add("alice", Role.CURATOR, PASSWORD, "t");
        assertRefused(() -> accounts.add("alice", Role.ADMIN, PASSWORD, "t"), "exists already");
        assertRefused(() -> accounts.disable("nobody", "t"), "no account 'nobody'");
        assertEquals(1, accounts.list().size());
    }

    @Test
    void everyChangeIsInTheAuditLogWithWhoMadeIt() throws Exception {
        accounts.add("alice", Role.CURATOR, PASSWORD, "operator:root");
        accounts.newToken("alice", "operator:root");
        accounts.disable("alice", "operator:root");
        List<String> rows = new ArrayList<>();
        try (Connection c = curation.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT actor, action, detail FROM audit_log ORDER BY id")) {
            while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        }
        assertEquals(List.of("operator:root account-added alice as curator", "operator:root token-issued alice",
                "operator:root account-disabled alice"), rows);
    }

    @Test
    void theCommandLineAddsListsIssuesTokensAndDisables() {
        curation.close();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("correct horse battery\n".getBytes(StandardCharsets.UTF_8)));
            CurationFixture.Cli add = fx.cli("users", "add", "lead", "--role", "admin", "--password-stdin");
            assertEquals(0, add.code(), add.err());
            assertFalse(add.out().contains("correct horse"), "the password is never printed");
        } finally {
            System.setIn(stdin);
        }
        CurationFixture.Cli token = fx.cli("users", "token", "lead");
        assertEquals(0, token.code(), token.err());
        assertTrue(token.out().matches("sai_[A-Za-z0-9_-]{43}\\R"), "one line on stdout: " + token.out());
        CurationFixture.Cli list = fx.cli("users", "list");
        assertTrue(list.out().matches("(?s)lead\\s+admin\\s+active\\s+\\d{4}-.*"), list.out());
        assertEquals(0, fx.cli("users", "disable", "lead").code());
        assertTrue(fx.cli("users", "list").out().contains("disabled"));

        CurationFixture.Cli noTerminal = fx.cli("users", "add", "rita", "--role", "reviewer");
        assertEquals(2, noTerminal.code());
        assertTrue(noTerminal.err().contains("--password-stdin"), noTerminal.err());
        CurationFixture.Cli badRole = fx.cli("users", "add", "rita", "--role", "boss", "--password-stdin");
        assertEquals(2, badRole.code());
        assertTrue(badRole.err().contains("allowed: curator, reviewer, admin"), badRole.err());
        assertEquals(2, fx.cli("users", "token", "nobody").code());
        curation = fx.open();
        assertEquals(1, new Accounts(curation.dataSource()).list().size());
    }

    private static void assertRefused(Runnable r, String says) {
        CurationException e = assertThrows(CurationException.class, r::run);
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
