package org.sovereignai.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The shortcuts the release store takes, each against the slow way it replaces. */
class RecordStoreTest {

    /** What a number is written as without the shortcut: BigDecimal without trailing zeros, or a long, written plain. */
    private static String slowCanonical(String v, boolean integer) {
        try {
            if (integer) return String.valueOf(Long.parseLong(v));
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    @Test
    void aNumberIsWrittenAsItIsOnlyWhenThatIsItsCanonicalText() {
        List<String> values = new ArrayList<>(List.of("0", "-0", "5", "-5", "5.0", "5.50", "5.05", "0.5", "-0.5", "00", "007",
                "0.0", "-0.0", "1e3", "1E3", "+5", ".5", "5.", "1000", "12.5", "1.000001", "999999999999999999",
                "9999999999999999999", "-", "", "1,5", " 5", "5 ", "0x10", "1_000", "١٢"));
        Random rnd = new Random(3);
        String[] parts = {"0", "1", "9", "00", "10", "-", ".", "e", "+"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(6); k >= 0; k--) sb.append(parts[rnd.nextInt(parts.length)]);
            values.add(sb.toString());
        }
        int asIs = 0;
        for (String v : values) {
            for (boolean integer : new boolean[] {true, false}) {
                if (RecordStore.canonicalAsWritten(v, integer)) {
                    asIs++;
                    assertEquals(slowCanonical(v, integer), v, "'" + v + "' (" + (integer ? "integer" : "number") + ")");
                }
            }
        }
        assertTrue(asIs > 1000, "the shortcut is taken often: " + asIs);
        assertFalse(RecordStore.canonicalAsWritten("5.0", false));
        assertFalse(RecordStore.canonicalAsWritten("-0", true));
        assertFalse(RecordStore.canonicalAsWritten("5.5", true), "an integer has no fraction");
        assertTrue(RecordStore.canonicalAsWritten("-12.25", false));
    }

    private static boolean add(RowTable t, String id, long hash) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        return t.add(b, 0, b.length, hash, hash, 0, 0);
    }

    private static int compareId(RowTable t, int row, String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        return t.compareId(row, b, 0, b.length);
    }

    private static int find(RowTable t, String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        return t.find(b, 0, b.length, RowTable.hashId(b, 0, b.length));
    }

    @Test
    void aRowTableFindsRepeatsAndRowsWhetherIdsAscendOrNot() {
        RowTable sorted = new RowTable(4);
        for (String id : List.of("a", "a-1", "a-2", "b")) assertTrue(add(sorted, id, 1));
        assertFalse(add(sorted, "b", 2), "a repeat of the previous id");
        assertTrue(sorted.ascending());
        assertTrue(compareId(sorted, 1, "a-1") == 0 && compareId(sorted, 1, "a-10") < 0 && compareId(sorted, 1, "a") > 0);
        assertEquals(2, find(sorted, "a-2"), "found without a hash table kept while adding");
        assertEquals(-1, find(sorted, "c"));

        RowTable shuffled = new RowTable(2);
        for (String id : List.of("m", "c", "x", "a")) assertTrue(add(shuffled, id, 1));
        assertFalse(shuffled.ascending());
        assertFalse(add(shuffled, "c", 2), "a repeat anywhere once ids stop ascending");
        assertFalse(add(shuffled, "m", 2), "including one added while they still ascended");
        for (int i = 0; i < 100; i++) assertTrue(add(shuffled, "z-" + (99 - i), 1));
        assertEquals(1, find(shuffled, "c"));
        assertEquals(3 + 100, find(shuffled, "z-0"));
    }
}
