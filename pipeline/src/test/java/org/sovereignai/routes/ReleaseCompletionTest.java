package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.app.Home;
import org.sovereignai.app.VerifyReleases;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;
import org.sovereignai.curation.CurationFixture.Cli;
import org.sovereignai.io.CrashPoints;

/**
 * Releases from the draft that can always be finished: one that refuses to leave pending changes out unless told to,
 * and one killed after its folder was renamed into place, which the next {@code release} (or {@code verify --repair})
 * completes by closing the quarter, never by an errata.
 */
class ReleaseCompletionTest {
    @TempDir
    Path tmp;

    /** A project whose 2025-Q4 is a real published release (the fixture's stand-in has no full manifest). */
    private static CurationFixture reviewed(Path home) throws Exception {
        CurationFixture fx = new CurationFixture(home);
        publishedBase(fx, home);
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,status\napertus,operational\n"), "bob");
        }
        assertEquals(0, fx.cli("review", "approve", "S1", "--reviewer", "rita").code());
        return fx;
    }

    /** Replaces the fixture's stand-in 2025-Q4 by a real published release of the same records. */
    static void publishedBase(CurationFixture fx, Path home) throws Exception {
        try (var old = Files.walk(home.resolve("snapshots"))) {
            // the stand-in's files go; the folder stays (a project folder holds snapshots/, as --home requires)
            old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(home.resolve("snapshots")))
                    .forEach(p -> p.toFile().delete());
        }
        Path base = fx.write("base.csv", CurationFixture.baseCsv());
        Cli published = fx.cli("release", "2025-Q4", "--from", base.toString());
        assertEquals(0, published.code(), published.out() + published.err());
    }

    @Test
    void aReleaseWithPendingChangesIsRefusedUnlessTheyAreDroppedOnPurpose() throws Exception {
        CurationFixture fx = reviewed(tmp.resolve("pending"));
        Cli refused = fx.cli("release", "2026-Q1");
        assertEquals(1, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("1 pending change(s)") && refused.err().contains("C2")
                && refused.err().contains("--drop-pending"), refused.err());
        assertFalse(Files.exists(fx.home.resolve("snapshots/2026-Q1")), "nothing published");

        Cli dropped = fx.cli("release", "2026-Q1", "--drop-pending");
        assertEquals(0, dropped.code(), dropped.out() + dropped.err());
        assertTrue(Files.isRegularFile(fx.home.resolve("snapshots/2026-Q1/manifest.json")));
    }

    @Test
    void aDateBeforeTheQuarterIsRefused() throws Exception {
        CurationFixture fx = reviewed(tmp.resolve("date"));
        Cli r = fx.cli("release", "2026-Q1", "--drop-pending", "--date", "1999-01-01");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("before quarter 2026-Q1 began (2026-01-01)"), r.err());
    }

    @Test
    void aDraftReleaseKilledAfterItsFolderIsInPlaceIsCompletedByTheNextReleaseOrVerifyRepair() throws Exception {
        for (String finisher : List.of("release", "verify --repair")) {
            Path home = tmp.resolve(finisher.replace(' ', '-'));
            CurationFixture fx = reviewed(home);
            assertEquals(0, fx.cli("review", "reject", "S2", "--reason", "not yet", "--reviewer", "rita").code());
            ChildJvm child = ChildJvm.start(home, CrashPoints.MARKER + CrashPoints.AFTER_RENAME,
                    List.of(CrashPoints.PROPERTY + "=" + CrashPoints.AFTER_RENAME), "release", "2026-Q1");
            child.awaitLine(60);
            child.kill();
            assertTrue(Files.isRegularFile(home.resolve("snapshots/2026-Q1/manifest.json")), "the folder is in place");
            try (Curation c = fx.open()) {
                assertEquals("2026-Q1", c.quarters().current().orElseThrow().name(), "the kill left the quarter open");
            }

            if (finisher.equals("release")) {
                Cli again = fx.cli("release", "2026-Q1");
                assertEquals(0, again.code(), again.out() + again.err());
                assertTrue(again.out().contains("already published") && again.out().contains("now closed"), again.out());
            } else {
                assertEquals("2026-Q1", new VerifyReleases(Home.of(home)).completeInterruptedRelease(null));
            }
            try (Curation c = fx.open()) {
                assertTrue(c.quarters().current().isEmpty(), finisher + ": the quarter is closed");
            }
            try (var s = Files.list(home.resolve("snapshots"))) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("2026-Q1.")), finisher + ": no errata");
            }
            assertEquals("2026-Q1\n", Files.readString(home.resolve("snapshots/latest")));
            Cli open = fx.cli("quarter", "open", "2026-Q2");
            assertEquals(0, open.code(), finisher + ": the next quarter opens: " + open.out() + open.err());
        }
    }
}
