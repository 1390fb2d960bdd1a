package org.sovereignai.curation;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(TestDatabase.class)
class HistoryTest {
    /** The suite runs on each database the program supports. */
    @Parameter
    TestDatabase database;

    @TempDir
    Path home;

    @Test
    void aRecordsHistoryListsTheReleasesItAppearedInAndEveryChangeWithWhoAndWhen() throws Exception {
        CurationFixture fx = new CurationFixture(home, database);
        fx.release("2025-Q3", CurationFixture.baseCsv().replace("SEA-LION", "SEA-LION v1"));
        fx.release("2025-Q2", "id,name\napertus,Apertus\n");
        try (Curation c = fx.openQuarter()) {
            fx.submit(c, fx.write("a.csv", "id,funding_usd\nsea-lion,60000000\n"), "alice");
            fx.submit(c, fx.write("b.csv", "id,funding_usd,notes\nsea-lion,61000000,per the 2025 annual report\n"), "bob");
            c.review().reject(List.of("C1"), "rita", "superseded");
            c.review().approve(List.of("C2"), "rita");

            History.RecordHistory h = c.history().of("sea-lion");
            assertEquals(List.of("2025-Q3", "2025-Q4"), h.releases().stream().map(History.Appearance::release).toList());
            assertEquals("SEA-LION v1", h.releases().get(0).name());
            assertEquals(3, h.changes().size());
            assertTrue(h.audit().stream().anyMatch(e -> e.action().equals("change-rejected") && e.detail().contains("superseded")));
        }
        CurationFixture.Cli out = fx.cli("history", "sea-lion");
        assertEquals(0, out.code(), out.err());
        assertTrue(out.out().contains("  2025-Q3  SEA-LION v1\n  2025-Q4  SEA-LION"), out.out());
        assertTrue(out.out().contains("C1 2026-Q1  set funding_usd of sea-lion: '52000000' -> '60000000'"), out.out());
        assertTrue(out.out().contains("proposed by alice in S1 (cell B2)"), out.out());
        assertTrue(out.out().contains("rejected by rita on "), out.out());
        assertTrue(out.out().contains(": superseded"), out.out());
        assertTrue(out.out().contains("approved by rita on "), out.out());
        CurationFixture.Cli unknown = fx.cli("history", "no-such-record");
        assertEquals(1, unknown.code());
    }
}
