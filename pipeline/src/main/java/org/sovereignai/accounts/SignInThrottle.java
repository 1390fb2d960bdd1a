package org.sovereignai.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

/**
 * Failed sign-ins slow the next ones down, per account and per address (a guesser trying one password on many
 * accounts is slowed by the address, one trying many passwords on one account by the account): the first
 * {@value #FREE} failures cost nothing, then each further try must wait 2, 4, 8 ... seconds after the last failure, at
 * most {@link #MAX_WAIT}. A successful sign-in clears its account's count. Counted in the database, so every
 * instance of a team's server sees the same counts.
 */
public final class SignInThrottle {
    static final int FREE = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(15);

    private final Store store;
    private final Clock clock;

    public SignInThrottle(DataSource db, Clock clock) {
        this.store = new Store(db);
        this.clock = clock;
    }

    public SignInThrottle(DataSource db) {
        this(db, Clock.systemUTC());
    }

    public static String accountKey(String name) {
        return "account:" + name;
    }

    public static String addressKey(String address) {
        return "address:" + address;
    }

    /** How long the caller must still wait before trying these keys again (zero: try now). */
    public Duration wait(List<String> keys) {
        OffsetDateTime now = now();
        return store.read("the sign-in counts", c -> {
            Duration longest = Duration.ZERO;
            for (String key : keys) {
                try (PreparedStatement ps = c.prepareStatement("SELECT failures, last_failure_at FROM sign_in_failure WHERE throttle_key = ?")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) continue;
                        Duration left = Duration.between(now, rs.getObject(2, OffsetDateTime.class).plus(delay(rs.getInt(1))));
                        if (left.compareTo(longest) > 0) longest = left;
                    }
                }
            }
            return longest;
        });
    }

    /** The wait after {@code failures} failures. */
    static Duration delay(int failures) {
        if (failures < FREE) return Duration.ZERO;
        int doublings = Math.min(failures - FREE + 1, 20);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    /** Counts one failure against each key. */
    public void failed(List<String> keys) {
        OffsetDateTime now = now();
        Store.Work<Void> count = c -> {
            for (String key : keys) count(c, key, now);
            return null;
        };
        try {
            store.write("the sign-in counts", null, count);
        } catch (org.sovereignai.curation.CurationException e) {
            // two failures racing to insert the first row of one key: the other inserted it, so this one updates it
            store.write("the sign-in counts", null, count);
        }
    }

    private static void count(Connection c, String key, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sign_in_failure SET failures = failures + 1, last_failure_at = ? WHERE throttle_key = ?")) {
            ps.setObject(1, now);
            ps.setString(2, key);
            if (ps.executeUpdate() > 0) return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sign_in_failure (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)")) {
            ps.setString(1, key);
            ps.setObject(2, now);
            ps.executeUpdate();
        }
    }

    /** A successful sign-in: the account's count starts again (the address's stays, as it may be guessing others). */
    public void succeeded(String key) {
        store.write("the sign-in counts", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_failure WHERE throttle_key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).withNano(0);
    }
}
