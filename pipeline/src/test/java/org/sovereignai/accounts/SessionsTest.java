package org.sovereignai.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.TestDatabase;

/** Browser sessions and the sign-in throttle in a real database (H2 and PostgreSQL), on a clock the test moves. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SessionsTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path home;
    Curation curation;
    Account alice;
    MovingClock clock = new MovingClock();

    /** A clock the test sets forward. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-04-01T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void forward(Duration d) {
            now = now.plus(d);
        }
    }

    @BeforeEach
    void open() throws Exception {
        curation = new CurationFixture(home, database).open();
        alice = new Accounts(curation.dataSource()).add("alice", Role.CURATOR, "correct horse battery".toCharArray(), "test");
    }

    @AfterEach
    void close() {
        curation.close();
    }

    Sessions sessions() {
        return new Sessions(curation.dataSource(), Duration.ofMinutes(30), clock);
    }

    @Test
    void aSessionIsFoundByItsCookieValueWhichTheDatabaseNeverHolds() throws Exception {
        Sessions.Session s = sessions().start(alice);
        assertTrue(s.token().startsWith(Sessions.PREFIX));
        assertNotEquals(s.token(), s.csrf());
        Sessions.Session found = sessions().find(s.token()).orElseThrow();
        assertEquals("alice", found.account().name());
        assertTrue(found.csrfMatches(s.csrf()));
        assertFalse(found.csrfMatches(s.csrf() + "x"));
        assertFalse(found.csrfMatches(null));
        try (Connection c = curation.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT token_sha256 FROM web_session")) {
            assertTrue(rs.next());
            assertNotEquals(s.token(), rs.getString(1));
            assertEquals(64, rs.getString(1).length());
        }
        assertTrue(sessions().find("saisess_not-a-session").isEmpty());
        assertTrue(sessions().find(null).isEmpty());
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndEachRequestMovesThatOn() {
        Sessions.Session s = sessions().start(alice);
        clock.forward(Duration.ofMinutes(25));
        assertTrue(sessions().find(s.token()).isPresent(), "used within 30 minutes");
        clock.forward(Duration.ofMinutes(25));
        assertTrue(sessions().find(s.token()).isPresent(), "25 minutes after the last request");
        clock.forward(Duration.ofMinutes(31));
        assertTrue(sessions().find(s.token()).isEmpty(), "31 idle minutes end it");
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverBusy() {
        Sessions.Session s = sessions().start(alice);
        for (int i = 0; i < 12 * 3; i++) {
            clock.forward(Duration.ofMinutes(20));
            if (i < 12 * 3 - 1) assertTrue(sessions().find(s.token()).isPresent());
        }
        clock.forward(Duration.ofMinutes(1));
        assertTrue(sessions().find(s.token()).isEmpty());
    }

    @Test
    void signingOutAndDisablingTheAccountEndSessionsAtOnce() {
        Sessions.Session a = sessions().start(alice);
        Sessions.Session b = sessions().start(alice);
        sessions().end(a.token());
        assertTrue(sessions().find(a.token()).isEmpty());
        assertTrue(sessions().find(b.token()).isPresent());
        new Accounts(curation.dataSource()).disable("alice", "test");
        assertTrue(sessions().find(b.token()).isEmpty());
    }

    @Test
    void failedSignInsSlowTheNextOnesPerAccountAndPerAddress() {
        SignInThrottle t = new SignInThrottle(curation.dataSource(), clock);
        List<String> keys = List.of(SignInThrottle.accountKey("alice"), SignInThrottle.addressKey("192.0.2.7"));
        for (int i = 0; i < SignInThrottle.FREE; i++) {
            assertEquals(Duration.ZERO, t.wait(keys).isNegative() ? Duration.ZERO : t.wait(keys), "try " + (i + 1) + " is free");
            t.failed(keys);
        }
        assertEquals(Duration.ofSeconds(2), t.wait(keys));
        // another account from the same address waits too; the same account from elsewhere waits too
        assertEquals(Duration.ofSeconds(2), t.wait(List.of(SignInThrottle.accountKey("bob"), SignInThrottle.addressKey("192.0.2.7"))));
        assertEquals(Duration.ofSeconds(2), t.wait(List.of(SignInThrottle.accountKey("alice"), SignInThrottle.addressKey("198.51.100.1"))));
        clock.forward(Duration.ofSeconds(2));
        assertTrue(t.wait(keys).compareTo(Duration.ZERO) <= 0, "the wait is over");
        t.failed(keys);
        assertEquals(Duration.ofSeconds(4), t.wait(keys), "each further failure doubles it");
        for (int i = 0; i < 30; i++) t.failed(keys);
        assertEquals(SignInThrottle.MAX_WAIT, t.wait(keys), "at most 15 minutes");
        t.succeeded(SignInThrottle.accountKey("alice"));
        assertTrue(t.wait(List.of(SignInThrottle.accountKey("alice"))).compareTo(Duration.ZERO) <= 0, "a success clears the account");
        assertEquals(SignInThrottle.MAX_WAIT, t.wait(List.of(SignInThrottle.addressKey("192.0.2.7"))), "not the address");
    }
}
