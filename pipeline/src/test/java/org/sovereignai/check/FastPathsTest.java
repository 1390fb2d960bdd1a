package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Text;

/** The hand-written fast paths give exactly the answers of the plain definitions they replace. */
class FastPathsTest {
    @Test
    void theIdIndexBehavesLikeAMap() {
        IdIndex index = new IdIndex();
        Map<String, Integer> map = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 300_000; i++) {
            String id = "id-" + rnd.nextInt(200_000) + (rnd.nextInt(50) == 0 ? "-é" : "");
            Integer before = map.putIfAbsent(id, i);
            assertEquals(before == null ? -1 : before, index.putIfAbsent(id, i), id);
        }
        assertEquals(map.size(), index.size());
        for (Map.Entry<String, Integer> e : map.entrySet()) assertEquals(e.getValue(), index.get(e.getKey()));
        assertEquals(-1, index.get("absent"));
        assertEquals(-1, index.get("id-"));
    }

    @Test
    void cleaningSkipsOnlyWorkThatWouldChangeNothing() {
        String[] samples = {"plain", " padded ", "\tx\n", "caf\u0065\u0301", "café", "\u00a0nbsp\u00a0", "a\u2003", "~x~", ""};
        for (String s : samples) {
            String t = s.strip();
            String expected = t.isEmpty() ? null : java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC);
            assertEquals(expected, Text.clean(s), s);
        }
    }
}
