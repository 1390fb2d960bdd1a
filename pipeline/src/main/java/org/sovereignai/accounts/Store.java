package org.sovereignai.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.sql.DataSource;

import org.sovereignai.curation.CurationException;
import org.sovereignai.io.Hashes;

/**
 * How the accounts package reads and writes the project's database: one connection per call, a write is one
 * transaction, and an SQL failure becomes one line for the user. Also the secrets: random values and their hashes.
 */
final class Store {
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource db;

    Store(DataSource db) {
        this.db = db;
    }

    /**
     * One transaction.
     *
     * @param taken the message when a unique constraint refuses the write (two requests racing for one name), or null
     *              to report it as any other failure
     */
    <T> T write(String what, String taken, Work<T> work) {
        try (Connection c = db.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (taken != null && e instanceof SQLException s && uniqueViolation(s)) throw CurationException.usage(taken);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw CurationException.usage(what + " could not be written: " + e.getMessage());
        }
    }

    <T> T read(String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw CurationException.usage(what + " could not be read: " + e.getMessage());
        }
    }

    /** SQLSTATE 23505, unique violation, in H2 and PostgreSQL alike. */
    static boolean uniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    static void audit(Connection c, String by, String action, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (logged_at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, now());
            ps.setString(2, by == null || by.isBlank() ? "operator" : by);
            ps.setString(3, action);
            ps.setString(4, detail);
            ps.executeUpdate();
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    /** A random 256-bit value, URL-safe, after {@code prefix}. */
    static String secret(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String secret) {
        return Hashes.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
