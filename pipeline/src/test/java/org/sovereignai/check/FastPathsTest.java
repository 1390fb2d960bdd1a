package org.sovereignai.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.Text;

/** The hand-written fast paths give exactly the answers of the plain definitions they replace. */
class FastPathsTest {
    private static final String ALPHABET = "ab09-:._AZ é;";

    @Test
    void patternLoopsMatchTheirRegularExpressions() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (String regex : new String[] {ValuePattern.SLUG, ValuePattern.BASE_MODEL, ValuePattern.LANGUAGE}) {
            Pattern p = Pattern.compile(regex);
            ValuePattern loop = ValuePattern.of(p);
            for (int i = 0; i < 200_000; i++) {
                StringBuilder sb = new StringBuilder();
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
                String s = sb.toString();
                assertEquals(p.matcher(s).matches(), loop.matches(s), regex + " on '" + s + "'");
            }
        }
    }

    @Test
    void theContractStillUsesThePatternsThatHaveLoops() {
        assertEquals(ValuePattern.SLUG, TestSheets.SCHEMA.require("id").pattern().pattern());
        assertEquals(ValuePattern.BASE_MODEL, TestSheets.SCHEMA.require("base_models").pattern().pattern());
        assertEquals(ValuePattern.LANGUAGE, TestSheets.SCHEMA.require("languages").pattern().pattern());
    }

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
