package org.sovereignai.check.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.Schema;

/** The automaton answers exactly as {@code Pattern.matcher(v).matches()} for the patterns it compiles. */
class PatternAutomatonTest {
    private static final String[] MORE = {
            "^[A-Z].*$", "[a-z]{2,3}", "^(?:ab|a)c?[^x-z]{2,3}\\.$", "x*", "(a|)+b", "^$", "", "a{3}", "a{2,}", "(ab){1,2}?c",
            "[\\d_-]+", "\\w+\\s\\W?", "[-a.]", "[a-]z", "[^;]*", "é+[ü-ÿ]?", "(?:[a-c]|[b-d])*d", "\\$\\^\\.", "a|b|", "[a-z-0]+",
            "^[a-z0-9]+(-[a-z0-9]+)*(:[A-Za-z0-9._-]+)?$", "😀.?", "[^a]"};
    private static final String ALPHABET = "ab09-:._AZcdxyz é;ü\n\r\t $^\\😀\ud800";

    private static void agree(String regex, SplittableRandom rnd, int samples) {
        Pattern p = Pattern.compile(regex);
        PatternAutomaton a = PatternAutomaton.compile(regex);
        assertNotNull(a, regex);
        List<String> inputs = new ArrayList<>(List.of("", "a", "ab", "llama", "llama:3.1-70b", "sea-lion", "a--b", "-a", "a-", "fil", "en"));
        for (int i = 0; i < samples; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(9);
            for (int k = 0; k < n; k++) {
                int at = rnd.nextInt(ALPHABET.length());
                if (Character.isHighSurrogate(ALPHABET.charAt(at)) && at + 1 < ALPHABET.length()
                        && Character.isLowSurrogate(ALPHABET.charAt(at + 1)) && rnd.nextBoolean()) {
                    sb.append(ALPHABET, at, at + 2);
                } else {
                    sb.append(ALPHABET.charAt(at));
                }
            }
            inputs.add(sb.toString());
        }
        for (String s : inputs) assertEquals(p.matcher(s).matches(), a.matches(s), () -> regex + " on '" + s + "'");
    }

    @Test
    void everyPatternOfTheContractCompilesAndAgreesWithItsRegularExpression() {
        SplittableRandom rnd = new SplittableRandom(7);
        int patterns = 0;
        for (FieldSpec f : Schema.bundled().fields()) {
            if (f.pattern() == null) continue;
            agree(f.pattern().pattern(), rnd, 200_000);
            patterns++;
        }
        assertEquals(true, patterns > 0, "fields.csv has patterns");
    }

    @Test
    void otherPlainPatternsAgreeToo() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (String regex : MORE) agree(regex, rnd, 20_000);
    }

    @Test
    void anythingBeyondThePlainSubsetIsLeftToJavaUtilRegex() {
        for (String regex : new String[] {"(?i)abc", "a(?=b)", "(a)\\1", "a++", "a*+", "\\p{L}+", "[a-z&&[^b]]", "[[a][b]]", "\\u00e9",
                "\\bword", "a$b", "^^a", "(?<n>a)", "\\Qa.b\\E", "a{1001}", "[]a]"}) {
            Pattern.compile(regex); // valid Java patterns all
            assertNull(PatternAutomaton.compile(regex), regex);
        }
    }
}
