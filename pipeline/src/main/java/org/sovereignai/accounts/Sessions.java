package org.sovereignai.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Browser sessions, in the project's one database (so any server instance on it knows them): a session is a random
 * 256-bit cookie value, stored only as its SHA-256, with a CSRF token of its own. It ends when its account signs out,
 * after {@code idle} without a request, after {@link #MAX_AGE} in any case, and at once when the account is disabled.
 */
public final class Sessions {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** A session older than this ends even when used all day: a stolen cookie is not good for ever. */
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** Requests within this of the last recorded one do not write it again: a page of reads is not a page of writes. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final String PREFIX = "saisess_";

    /** A signed-in browser: its account as it is now, its CSRF token, and the cookie value (only at the start). */
    public record Session(Account account, String csrf, String token) {
        /** Whether {@code candidate} is this session's CSRF token, compared in constant time. */
        public boolean csrfMatches(String candidate) {
            return same(csrf, candidate);
        }
    }

    /** Whether two secrets are equal, compared in constant time (a timing difference tells a guesser nothing). */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh random token for a form that has no session yet (the sign-in form's double submit). */
    public static String newCsrf() {
        return Store.secret("");
    }

    private final Store store;
    private final Duration idle;
    private final Clock clock;

    public Sessions(DataSource db, Duration idle, Clock clock) {
        this.store = new Store(db);
        this.idle = idle;
        this.clock = clock;
    }

    public Sessions(DataSource db) {
        this(db, DEFAULT_IDLE, Clock.systemUTC());
    }

    /** A new session for an account that has just signed in; the returned value is the cookie's. */
    public Session start(Account account) {
        String token = Store.secret(PREFIX);
        String csrf = Store.secret("");
        OffsetDateTime now = now();
        store.write("the sessions", null, c -> {
            // the expired sessions of everyone go when anyone signs in: the table holds only live ones and a few hours
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE last_seen_at < ? OR created_at < ?")) {
                ps.setObject(1, now.minus(idle));
                ps.setObject(2, now.minus(MAX_AGE));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (token_sha256, account, csrf_token, created_at,"
                    + " last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, Store.sha256(token));
                ps.setString(2, account.name());
                ps.setString(3, csrf);
                ps.setObject(4, now);
                ps.setObject(5, now);
                ps.executeUpdate();
            }
            Store.audit(c, account.name(), "signed-in", account.name());
            return null;
        });
        return new Session(account, csrf, token);
    }

    /** The live session of this cookie value, its account enabled; empty for anything else. */
    public Optional<Session> find(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) return Optional.empty();
        String hash = Store.sha256(token);
        OffsetDateTime now = now();
        record Row(Session session, OffsetDateTime created, OffsetDateTime seen) {
        }
        Optional<Row> row = store.read("the sessions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT a.name, a.role, a.disabled, a.created_at, s.csrf_token,"
                    + " s.created_at, s.last_seen_at FROM web_session s JOIN account a ON a.name = s.account WHERE s.token_sha256 = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Row>empty();
                    Account a = new Account(rs.getString(1), Role.of(rs.getString(2)), rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class));
                    return Optional.of(new Row(new Session(a, rs.getString(5), null), rs.getObject(6, OffsetDateTime.class),
                            rs.getObject(7, OffsetDateTime.class)));
                }
            }
        });
        if (row.isEmpty()) return Optional.empty();
        Row r = row.get();
        if (r.session().account().disabled() || r.seen().plus(idle).isBefore(now) || r.created().plus(MAX_AGE).isBefore(now)) {
            end(token);
            return Optional.empty();
        }
        if (r.seen().plus(TOUCH_EVERY).isBefore(now)) {
            store.write("the sessions", null, c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE web_session SET last_seen_at = ? WHERE token_sha256 = ?")) {
                    ps.setObject(1, now);
                    ps.setString(2, hash);
                    return ps.executeUpdate();
                }
            });
        }
        return Optional.of(r.session());
    }

    /** Ends the session of this cookie value (sign-out); nothing when there is none. */
    public void end(String token) {
        if (token == null) return;
        store.write("the sessions", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE token_sha256 = ?")) {
                ps.setString(1, Store.sha256(token));
                return ps.executeUpdate();
            }
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    }
}
