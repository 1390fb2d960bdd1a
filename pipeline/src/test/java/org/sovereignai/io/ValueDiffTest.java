package org.sovereignai.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sovereignai.curation.ChangeKind;
import org.sovereignai.curation.ChangeState;
import org.sovereignai.curation.ProposedChange;

/** A change preview shows the part of a long value that changed, never only its beginning. */
class ValueDiffTest {
    private static final String LONG_START = "The national compute programme was announced by the ministry in a white paper; ";

    @Test
    void shortValuesAreShownWhole() {
        ValueDiff d = ValueDiff.of("52000000", "60000000");
        assertEquals("'52000000' -> '60000000'", d.describe());
        assertEquals(0, d.at());
        assertEquals("(blank) -> 'x'", ValueDiff.of(null, "x").describe());
        assertEquals("'x' -> (blank)", ValueDiff.of("x", null).describe());
    }

    @Test
    void aChangeAtTheEndOfALongValueIsVisibleWithTheUnchangedStartElided() {
        String before = LONG_START + "funding of 52 million was confirmed in 2024.";
        String after = LONG_START + "funding of 60 million was confirmed in 2024.";
        ValueDiff d = ValueDiff.of(before, after);
        assertEquals(before.indexOf("52"), d.at());
        // twenty characters of context on each side of the changed part
        assertEquals("'…e paper; funding of 52 million was confirm…' -> '…e paper; funding of 60 million was confirm…'",
                d.describe());
    }

    @Test
    void aLongInsertionIsCutToEightyCharactersAfterItsStart() {
        String before = LONG_START + "end.";
        String after = LONG_START + "x".repeat(300) + "end.";
        ValueDiff d = ValueDiff.of(before, after);
        assertTrue(d.after().startsWith("…"), d.after());
        assertTrue(d.after().endsWith("…"), d.after());
        assertEquals(80, d.after().length() - 2, d.after());
        assertTrue(d.after().contains("paper; xxx"), d.after());
        assertEquals("…y in a white paper; end.", d.before());
    }

    @Test
    void aWindowNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE80"; // rocket, a surrogate pair
        String before = emoji.repeat(100) + "a";
        String after = emoji.repeat(100) + "b";
        ValueDiff d = ValueDiff.of(before, after);
        assertEquals(100, d.at());
        for (String shown : new String[] {d.before(), d.after()}) {
            String inner = shown.replace("…", "");
            assertFalse(Character.isLowSurrogate(inner.charAt(0)), shown);
            assertEquals(inner.length(), inner.codePoints().map(Character::charCount).sum());
        }
        assertTrue(d.after().endsWith("b"), d.after());
    }

    @Test
    void aChangeDescribesItsLongValuesByTheirChangedPart() {
        String before = LONG_START + "status unknown.";
        String after = LONG_START + "status operational.";
        ProposedChange c = new ProposedChange(0, 0, "2026-Q1", "sea-lion", ChangeKind.SET, "notes", before, after, null,
                null, 2, "B2", null, ChangeState.PENDING, "alice", null, null, null);
        assertTrue(c.describe().contains("'…white paper; status unknown.' -> '…white paper; status operational.'"), c.describe());
    }
}
