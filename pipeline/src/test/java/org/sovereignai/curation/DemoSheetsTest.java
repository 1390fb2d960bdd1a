package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demo sheets in curation/demo/ do what their README says. */
class DemoSheetsTest {
    @TempDir
    Path home;

    @Test
    void aliceIsAcceptedBobsDraftIsRejectedAndBobsFixConflictsWithAlice() throws Exception {
        Path demo = Path.of(System.getProperty("sai.home", "..")).resolve("curation/demo");
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.openQuarter()) {
            SubmissionResult alice = fx.submit(c, demo.resolve("alice-2026-Q1.csv"), "alice");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, alice.outcome(), alice.report().findings().toString());
            SubmissionResult draft = fx.submit(c, demo.resolve("bob-2026-Q1-draft.csv"), "bob");
            assertEquals(SubmissionResult.Outcome.REJECTED, draft.outcome());
            assertTrue(draft.report().findings().stream().anyMatch(f -> f.code().equals("remove-without-reason")));
            SubmissionResult bob = fx.submit(c, demo.resolve("bob-2026-Q1.csv"), "bob");
            assertEquals(SubmissionResult.Outcome.ACCEPTED, bob.outcome(), bob.report().findings().toString());
            List<Review.Item> conflicted = c.review().pending().stream().filter(Review.Item::conflicted).toList();
            assertEquals(2, conflicted.size());
            assertEquals("funding_usd", conflicted.get(0).change().field());
            assertEquals("sea-lion", conflicted.get(0).change().recordId());
        }
    }
}
