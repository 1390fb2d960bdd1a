package org.sovereignai.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sovereignai.release.TestRecords.compute;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.release.ReleaseRequest;
import org.sovereignai.release.Releases;
import org.sovereignai.release.TestRecords;

/** The read use case's bounds, with small ones standing in for the real (200,000 records, 20,000 reads). */
class BrowseReleasesTest {
    @TempDir
    Path home;

    @SuppressWarnings("unchecked")
    private BrowseReleases threeReleases(long maxDiff, int maxReads) throws Exception {
        List<Map<String, String>> q1 = new ArrayList<>();
        for (int i = 0; i < 10; i++) q1.add(compute("p" + i));
        List<Map<String, String>> q2 = new ArrayList<>(q1);
        q2.set(9, compute("p9", "name", "Needle"));
        Path snapshots = home.resolve("snapshots");
        Releases.publish(ReleaseRequest.of("2026-Q1", TestRecords.sheet(home.resolve("a.csv"), q1.toArray(Map[]::new)), snapshots, LocalDate.of(2026, 3, 31)));
        Releases.publish(ReleaseRequest.of("2026-Q2", TestRecords.sheet(home.resolve("b.csv"), q2.toArray(Map[]::new)), snapshots, LocalDate.of(2026, 6, 30)));
        Releases.publish(ReleaseRequest.of("2026-Q3", TestRecords.sheet(home.resolve("b.csv"), q2.toArray(Map[]::new)), snapshots, LocalDate.of(2026, 9, 30)));
        return new BrowseReleases(Home.of(home), maxDiff, maxReads);
    }

    @Test
    void aDiffBeyondTheBoundIsRefusedUnlessItIsTheReleasesOwn() throws Exception {
        BrowseReleases b = threeReleases(15, 1000);
        assertNotNull(b.diff("2026-Q1", "2026-Q2", true).published());   // its own changes.json: no bound
        Refusal r = assertThrows(Refusal.class, () -> b.diff("2026-Q1", "2026-Q3", true));
        assertEquals(Refusal.DATA, r.exitCode());
        assertTrue(r.getMessage().contains("hold 20 records together") && r.getMessage().contains("at most 15"), r.getMessage());
        assertNotNull(new BrowseReleases(Home.of(home), 20, 1000).diff("2026-Q1", "2026-Q3", false).rendered());
    }

    @Test
    void aTextSearchReadsABoundedNumberOfRecordsPerPageAndGoesOnByCursor() throws Exception {
        BrowseReleases b = threeReleases(1000, 3);
        String next = null;
        List<String> found = new ArrayList<>();
        int pages = 0;
        do {
            BrowseReleases.ProjectPage page = b.projects("2026-Q2", ProjectQuery.of(b.schema(), null, null, null, null, "needle", null, next));
            page.records().forEach(r -> found.add(r.id()));
            next = page.next();
            pages++;
        } while (next != null && pages < 10);
        assertEquals(List.of("p9"), found);
        assertEquals(4, pages);   // 3 + 3 + 3 records read, then the last one
        assertNull(next);
    }
}
