package org.sovereignai.check.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A regular expression compiled to a deterministic automaton over code points, for the patterns of
 * {@code fields.csv}, which run on most values of every row. It exists because of a measurement: on the ids of the
 * 1,000,000-row bench sheet (2026-12-03, this 2-core machine under load), {@code java.util.regex} with a reused
 * {@code Matcher} took about three times as long as the hand-written loop it replaced (about 480 against 160 ns per
 * id), which would have added about half a second to {@code ./sai validate} of such a sheet. The automaton is built
 * from the pattern's own text, so the contract stays the only definition of every pattern.
 * <p>
 * Only a plain subset is compiled: literals, {@code .}, classes ({@code [a-z0-9._-]}, {@code [^...]}), {@code \d \w \s}
 * and their negations, escaped punctuation, groups ({@code (...)}, {@code (?:...)}), {@code |}, the quantifiers
 * {@code * + ? {n} {n,} {n,m}} (greedy or lazy: a whole-value match does not depend on which), {@code ^} at the start
 * and {@code $} at the end. For anything else (flags, look-around, back-references, possessive quantifiers,
 * {@code \p{...}}, class unions) {@link #compile} returns null and the caller keeps {@code java.util.regex}. It
 * answers as {@link java.util.regex.Matcher#matches()} does, on whole values; a test checks that on many inputs.
 */
public final class PatternAutomaton {
    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;
    private static final int MAX_NFA_STATES = 10_000;
    private static final int MAX_DFA_STATES = 2_000;
    private static final int MAX_REPEAT = 1_000;

    /** Class boundaries: class i holds the code points from bounds[i] up to bounds[i + 1] - 1. */
    private final int[] bounds;
    private final int[] asciiClass;
    private final int classes;
    /** next[state * classes + class], -1 when no match is possible any more. */
    private final int[] next;
    private final boolean[] accepting;

    private PatternAutomaton(int[] bounds, int[] next, boolean[] accepting) {
        this.bounds = bounds;
        this.classes = bounds.length;
        this.next = next;
        this.accepting = accepting;
        this.asciiClass = new int[128];
        for (int c = 0; c < 128; c++) asciiClass[c] = classOf(c);
    }

    /** The automaton of {@code regex} (as written for {@link java.util.regex.Pattern#compile(String)}), or null when it uses more than the plain subset. */
    public static PatternAutomaton compile(String regex) {
        try {
            return new Builder(regex).build();
        } catch (Unsupported e) {
            return null;
        }
    }

    /** True when the whole value matches. */
    public boolean matches(String v) {
        int s = 0;
        int n = v.length();
        for (int i = 0; i < n; ) {
            char c = v.charAt(i);
            int cls;
            if (c < 128) {
                cls = asciiClass[c];
                i++;
            } else {
                int cp = v.codePointAt(i);
                i += Character.charCount(cp);
                cls = classOf(cp);
            }
            s = next[s * classes + cls];
            if (s < 0) return false;
        }
        return accepting[s];
    }

    private int classOf(int cp) {
        int i = Arrays.binarySearch(bounds, cp);
        return i >= 0 ? i : -i - 2;
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** A set of code points as sorted, disjoint, non-adjacent inclusive ranges [lo0, hi0, lo1, hi1, ...]. */
    private record Chars(int[] ranges) {
        static Chars of(int lo, int hi) {
            return new Chars(new int[] {lo, hi});
        }

        static Chars union(List<int[]> pairs) {
            pairs.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<int[]> merged = new ArrayList<>();
            for (int[] p : pairs) {
                if (!merged.isEmpty() && p[0] <= merged.get(merged.size() - 1)[1] + 1) {
                    int[] last = merged.get(merged.size() - 1);
                    last[1] = Math.max(last[1], p[1]);
                } else {
                    merged.add(new int[] {p[0], p[1]});
                }
            }
            int[] r = new int[merged.size() * 2];
            for (int i = 0; i < merged.size(); i++) {
                r[2 * i] = merged.get(i)[0];
                r[2 * i + 1] = merged.get(i)[1];
            }
            return new Chars(r);
        }

        Chars complement() {
            List<int[]> out = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < ranges.length; i += 2) {
                if (ranges[i] > from) out.add(new int[] {from, ranges[i] - 1});
                from = ranges[i + 1] + 1;
            }
            if (from <= MAX_CODE_POINT) out.add(new int[] {from, MAX_CODE_POINT});
            return union(out);
        }

        void addTo(List<int[]> pairs) {
            for (int i = 0; i < ranges.length; i += 2) pairs.add(new int[] {ranges[i], ranges[i + 1]});
        }
    }

    /** The parsed expression. */
    private sealed interface Node permits OneOf, Seq, Alt, Repeat {
    }

    private record OneOf(Chars chars) implements Node {
    }

    private record Seq(List<Node> items) implements Node {
    }

    private record Alt(List<Node> options) implements Node {
    }

    /** max -1: unbounded. */
    private record Repeat(Node node, int min, int max) implements Node {
    }

    private static final class Builder {
        private final String re;
        private int pos;
        private int end;
        // the NFA: per state, its character transitions (set index, target) and epsilon targets
        private final List<List<int[]>> moves = new ArrayList<>();
        private final List<List<Integer>> epsilons = new ArrayList<>();
        private final List<Chars> sets = new ArrayList<>();

        Builder(String re) {
            this.re = re;
        }

        PatternAutomaton build() {
            end = re.length();
            if (re.startsWith("^")) pos = 1;
            if (end > pos && re.charAt(end - 1) == '$' && !escaped(end - 1)) end--;
            Node root = alternation();
            if (pos != end) throw new Unsupported();
            int start = state();
            int accept = nfa(root, start);
            return determinise(start, accept);
        }

        /** Whether the character at i is escaped by an odd number of backslashes. */
        private boolean escaped(int i) {
            int k = 0;
            while (i - 1 - k >= 0 && re.charAt(i - 1 - k) == '\\') k++;
            return k % 2 == 1;
        }

        private boolean more() {
            return pos < end;
        }

        private char peek() {
            return re.charAt(pos);
        }

        private Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (more() && peek() == '|') {
                pos++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Alt(options);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (more() && peek() != '|' && peek() != ')') items.add(quantified(atom()));
            return new Seq(items);
        }

        private Node quantified(Node atom) {
            if (!more()) return atom;
            int min;
            int max;
            switch (peek()) {
                case '*' -> {
                    min = 0;
                    max = -1;
                    pos++;
                }
                case '+' -> {
                    min = 1;
                    max = -1;
                    pos++;
                }
                case '?' -> {
                    min = 0;
                    max = 1;
                    pos++;
                }
                case '{' -> {
                    pos++;
                    min = number();
                    max = min;
                    if (more() && peek() == ',') {
                        pos++;
                        max = more() && peek() == '}' ? -1 : number();
                    }
                    if (!more() || peek() != '}' || (max >= 0 && max < min)) throw new Unsupported();
                    pos++;
                }
                default -> {
                    return atom;
                }
            }
            if (more() && peek() == '?') pos++; // lazy: the same whole-value matches
            if (more() && "*+?{".indexOf(peek()) >= 0) throw new Unsupported(); // possessive, or stacked
            return new Repeat(atom, min, max);
        }

        private int number() {
            int start = pos;
            while (more() && peek() >= '0' && peek() <= '9' && pos - start < 4) pos++;
            if (pos == start || (more() && peek() >= '0' && peek() <= '9')) throw new Unsupported();
            int n = Integer.parseInt(re.substring(start, pos));
            if (n > MAX_REPEAT) throw new Unsupported();
            return n;
        }

        private Node atom() {
            char c = peek();
            switch (c) {
                case '(' -> {
                    pos++;
                    if (more() && peek() == '?') {
                        if (pos + 1 < end && re.charAt(pos + 1) == ':') pos += 2;
                        else throw new Unsupported();
                    }
                    Node inner = alternation();
                    if (!more() || peek() != ')') throw new Unsupported();
                    pos++;
                    return inner;
                }
                case '[' -> {
                    return new OneOf(charClass());
                }
                case '.' -> {
                    pos++;
                    return new OneOf(lineTerminators().complement());
                }
                case '\\' -> {
                    pos++;
                    Chars e = escape();
                    if (e == null) throw new Unsupported();
                    return new OneOf(e);
                }
                case '^', '$', '*', '+', '?', '{', '}', ']' -> throw new Unsupported();
                default -> {
                    int cp = re.codePointAt(pos);
                    pos += Character.charCount(cp);
                    return new OneOf(Chars.of(cp, cp));
                }
            }
        }

        /** After a backslash: a predefined class or an escaped non-letter; null for anything else. */
        private Chars escape() {
            if (!more()) return null;
            int cp = re.codePointAt(pos);
            pos += Character.charCount(cp);
            return switch (cp) {
                case 'd' -> digits();
                case 'D' -> digits().complement();
                case 'w' -> word();
                case 'W' -> word().complement();
                case 's' -> space();
                case 'S' -> space().complement();
                default -> Character.isLetterOrDigit(cp) ? null : Chars.of(cp, cp);
            };
        }

        private Chars charClass() {
            pos++; // [
            boolean negate = more() && peek() == '^';
            if (negate) pos++;
            List<int[]> pairs = new ArrayList<>();
            if (more() && peek() == ']') throw new Unsupported();
            while (true) {
                if (!more()) throw new Unsupported();
                char c = peek();
                if (c == ']') {
                    pos++;
                    break;
                }
                if (c == '[' || (c == '&' && pos + 1 < end && re.charAt(pos + 1) == '&')) throw new Unsupported();
                Chars single = classAtom();
                if (single.ranges().length != 2 || single.ranges()[0] != single.ranges()[1]
                        || !more() || peek() != '-' || pos + 1 >= end || re.charAt(pos + 1) == ']') {
                    single.addTo(pairs);
                    continue;
                }
                pos++; // -
                Chars upTo = classAtom();
                if (upTo.ranges().length != 2 || upTo.ranges()[0] != upTo.ranges()[1]) throw new Unsupported();
                int lo = single.ranges()[0];
                int hi = upTo.ranges()[0];
                if (hi < lo) throw new Unsupported();
                pairs.add(new int[] {lo, hi});
            }
            Chars set = Chars.union(pairs);
            return negate ? set.complement() : set;
        }

        /** One character of a class (escapes included), or a predefined class. */
        private Chars classAtom() {
            char c = peek();
            if (c == '\\') {
                pos++;
                Chars e = escape();
                if (e == null) throw new Unsupported();
                return e;
            }
            int cp = re.codePointAt(pos);
            pos += Character.charCount(cp);
            return Chars.of(cp, cp);
        }

        private static Chars digits() {
            return Chars.of('0', '9');
        }

        private static Chars word() {
            List<int[]> p = new ArrayList<>(List.of(new int[] {'a', 'z'}, new int[] {'A', 'Z'}, new int[] {'0', '9'}, new int[] {'_', '_'}));
            return Chars.union(p);
        }

        private static Chars space() {
            return Chars.union(new ArrayList<>(List.of(new int[] {' ', ' '}, new int[] {'\t', '\r'})));
        }

        /** What {@code .} does not match (without DOTALL or UNIX_LINES). */
        private static Chars lineTerminators() {
            return Chars.union(new ArrayList<>(List.of(new int[] {'\n', '\n'}, new int[] {'\r', '\r'}, new int[] {0x85, 0x85},
                    new int[] {0x2028, 0x2029})));
        }

        private int state() {
            if (moves.size() >= MAX_NFA_STATES) throw new Unsupported();
            moves.add(new ArrayList<>());
            epsilons.add(new ArrayList<>());
            return moves.size() - 1;
        }

        /** Adds the node's states after {@code from}; returns the state reached at its end (Thompson's construction). */
        private int nfa(Node node, int from) {
            if (node instanceof OneOf s) {
                int to = state();
                sets.add(s.chars());
                moves.get(from).add(new int[] {sets.size() - 1, to});
                return to;
            }
            if (node instanceof Seq s) {
                int at = from;
                for (Node item : s.items()) at = nfa(item, at);
                return at;
            }
            if (node instanceof Alt a) {
                int to = state();
                for (Node option : a.options()) {
                    int begin = state();
                    epsilons.get(from).add(begin);
                    epsilons.get(nfa(option, begin)).add(to);
                }
                return to;
            }
            Repeat r = (Repeat) node;
            int at = from;
            for (int i = 0; i < r.min(); i++) at = nfa(r.node(), at);
            if (r.max() < 0) {
                int loop = state();
                epsilons.get(at).add(loop);
                epsilons.get(nfa(r.node(), loop)).add(loop);
                return loop;
            }
            for (int i = r.min(); i < r.max(); i++) {
                int skip = state();
                epsilons.get(at).add(skip);
                epsilons.get(nfa(r.node(), at)).add(skip);
                at = skip;
            }
            return at;
        }

        /** The subset construction, over the classes of code points that no set tells apart. */
        private PatternAutomaton determinise(int start, int accept) {
            TreeSet<Integer> cuts = new TreeSet<>();
            cuts.add(0);
            for (Chars s : sets) {
                for (int i = 0; i < s.ranges().length; i += 2) {
                    cuts.add(s.ranges()[i]);
                    if (s.ranges()[i + 1] < MAX_CODE_POINT) cuts.add(s.ranges()[i + 1] + 1);
                }
            }
            int[] bounds = cuts.stream().mapToInt(Integer::intValue).toArray();
            int k = bounds.length;
            // inSet[set][class]
            boolean[][] inSet = new boolean[sets.size()][k];
            for (int si = 0; si < sets.size(); si++) {
                int[] r = sets.get(si).ranges();
                for (int c = 0; c < k; c++) {
                    int cp = bounds[c];
                    for (int i = 0; i < r.length; i += 2) {
                        if (cp >= r[i] && cp <= r[i + 1]) {
                            inSet[si][c] = true;
                            break;
                        }
                    }
                }
            }
            Map<BitSet, Integer> ids = new HashMap<>();
            List<BitSet> states = new ArrayList<>();
            List<int[]> rows = new ArrayList<>();
            BitSet first = closure(single(start));
            ids.put(first, 0);
            states.add(first);
            Deque<Integer> work = new ArrayDeque<>();
            work.add(0);
            while (!work.isEmpty()) {
                int id = work.poll();
                BitSet from = states.get(id);
                int[] row = new int[k];
                for (int c = 0; c < k; c++) {
                    BitSet to = new BitSet();
                    for (int q = from.nextSetBit(0); q >= 0; q = from.nextSetBit(q + 1)) {
                        for (int[] m : moves.get(q)) if (inSet[m[0]][c]) to.set(m[1]);
                    }
                    if (to.isEmpty()) {
                        row[c] = -1;
                        continue;
                    }
                    to = closure(to);
                    Integer target = ids.get(to);
                    if (target == null) {
                        if (states.size() >= MAX_DFA_STATES) throw new Unsupported();
                        target = states.size();
                        ids.put(to, target);
                        states.add(to);
                        work.add(target);
                    }
                    row[c] = target;
                }
                while (rows.size() <= id) rows.add(null);
                rows.set(id, row);
            }
            int[] next = new int[states.size() * k];
            boolean[] accepting = new boolean[states.size()];
            for (int s = 0; s < states.size(); s++) {
                System.arraycopy(rows.get(s), 0, next, s * k, k);
                accepting[s] = states.get(s).get(accept);
            }
            return new PatternAutomaton(bounds, next, accepting);
        }

        private static BitSet single(int q) {
            BitSet b = new BitSet();
            b.set(q);
            return b;
        }

        private BitSet closure(BitSet set) {
            BitSet out = (BitSet) set.clone();
            Deque<Integer> todo = new ArrayDeque<>();
            for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) todo.push(q);
            while (!todo.isEmpty()) {
                for (int t : epsilons.get(todo.pop())) {
                    if (!out.get(t)) {
                        out.set(t);
                        todo.push(t);
                    }
                }
            }
            return out;
        }
    }
}
