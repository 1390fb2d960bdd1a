package org.sovereignai.accounts;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.security.crypto.bcrypt.BCrypt;
import org.sovereignai.curation.CurationException;

/**
 * The accounts of the web doors, in the project's one database: adding, listing and disabling them, API tokens, and
 * checking a password or a token. Passwords are BCrypt hashes (Spring Security's implementation); tokens are random
 * 256-bit values shown once and stored as SHA-256. Every change is written to the audit log, in the same
 * transaction, naming who made it.
 */
public final class Accounts {
    /** Lower-case letters, digits, '.', '_' and '-': a name that is safe in a URL, a log line and a file name. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    public static final int MIN_PASSWORD = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** BCrypt's work factor: about 0.1 s a check here, slow for a guesser, unnoticed by a person signing in. */
    static final int COST = 11;
    /** Tokens say what they are, so a leaked one is recognised in a log or a repository (as GitHub's ghp_ do). */
    static final String TOKEN_PREFIX = "sai_";

    /** A hash of nothing, checked when a name is unknown so that the answer takes as long as for a known one. */
    private static final String DUMMY = BCrypt.hashpw("not a password of anyone", BCrypt.gensalt(COST));

    private final Store store;

    public Accounts(DataSource db) {
        this.store = new Store(db);
    }

    /**
     * Adds an account.
     *
     * @throws CurationException (usage) for a bad name, role or password, or a name already taken
     */
    public Account add(String name, Role role, char[] password, String by) {
        requireName(name);
        if (role == null) throw CurationException.usage("a role is required: curator, reviewer or admin");
        String hash = BCrypt.hashpw(checkedPassword(password), BCrypt.gensalt(COST));
        OffsetDateTime now = now();
        return write(c -> {
            if (find(c, name).isPresent()) throw CurationException.usage("an account '" + name + "' exists already; accounts are never reused");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO account (name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, FALSE, ?)")) {
                ps.setString(1, name);
                ps.setString(2, role.value());
                ps.setString(3, hash);
                ps.setObject(4, now);
                ps.executeUpdate();
            }
            audit(c, by, "account-added", name + " as " + role.value());
            return new Account(name, role, false, now);
        });
    }

    /** Every account, by name. */
    public List<Account> list() {
        return read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, role, disabled, created_at FROM account ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(account(rs));
            }
            return out;
        });
    }

    /**
     * Disables an account: its password and tokens stop working at once; the account stays, named in the audit log.
     *
     * @throws CurationException (usage) for an unknown account
     */
    public void disable(String name, String by) {
        write(c -> {
            Account a = find(c, name).orElseThrow(() -> unknown(name));
            if (a.disabled()) return null;
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET disabled = TRUE, disabled_at = ? WHERE name = ?")) {
                ps.setObject(1, now());
                ps.setString(2, name);
                ps.executeUpdate();
            }
            audit(c, by, "account-disabled", name);
            return null;
        });
    }

    /**
     * A new API token for the account, returned once: only its hash is kept.
     *
     * @throws CurationException (usage) for an unknown or disabled account
     */
    public String newToken(String name, String by) {
        String token = Store.secret(TOKEN_PREFIX);
        write(c -> {
            Account a = find(c, name).orElseThrow(() -> unknown(name));
            if (a.disabled()) throw CurationException.usage("account '" + name + "' is disabled; it gets no token");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO account_token (account, token_sha256, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, hash(token));
                ps.setObject(3, now());
                ps.executeUpdate();
            }
            audit(c, by, "token-issued", name);
            return null;
        });
        return token;
    }

    /** The enabled account with this name and password; empty otherwise (taking as long for an unknown name). */
    public Optional<Account> signIn(String name, char[] password) {
        if (name == null || password == null) return Optional.empty();
        String candidate = new String(password);
        record Stored(Account account, String hash) {
        }
        Optional<Stored> stored = read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, role, disabled, created_at, password_hash FROM account WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(account(rs), rs.getString(5))) : Optional.empty();
                }
            }
        });
        boolean matches = BCrypt.checkpw(candidate, stored.map(Stored::hash).orElse(DUMMY));
        return stored.filter(s -> matches && !s.account().disabled()).map(Stored::account);
    }

    /** The enabled account a token belongs to; empty for an unknown token or a disabled account. */
    public Optional<Account> byToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) return Optional.empty();
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.name, a.role, a.disabled, a.created_at FROM account_token t"
                    + " JOIN account a ON a.name = t.account WHERE t.token_sha256 = ?")) {
                ps.setString(1, hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Account>empty();
                    Account a = account(rs);
                    return a.disabled() ? Optional.<Account>empty() : Optional.of(a);
                }
            }
        });
    }

    /** @throws CurationException (usage) naming what a name may hold */
    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CurationException.usage("account name '" + (name == null ? "" : name) + "' is not allowed: 1 to 64 lower-case"
                    + " letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static String checkedPassword(char[] password) {
        String p = password == null ? "" : new String(password);
        if (p.codePointCount(0, p.length()) < MIN_PASSWORD) {
            throw CurationException.usage("the password is too short: at least " + MIN_PASSWORD + " characters");
        }
        if (p.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw CurationException.usage("the password is too long: at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8"
                    + " (BCrypt would ignore the rest)");
        }
        return p;
    }

    private static String hash(String token) {
        return Store.sha256(token);
    }

    private static CurationException unknown(String name) {
        return CurationException.usage("no account '" + name + "'; './sai users list' shows them");
    }

    private static Optional<Account> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, role, disabled, created_at FROM account WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), Role.of(rs.getString(2)), rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class));
    }

    private static void audit(Connection c, String by, String action, String detail) throws SQLException {
        Store.audit(c, by, action, detail);
    }

    private static OffsetDateTime now() {
        return Store.now();
    }

    private <T> T write(Store.Work<T> work) {
        return store.write("the accounts", "that account exists already; accounts are never reused", work);
    }

    private <T> T read(Store.Work<T> work) {
        return store.read("the accounts", work);
    }
}
