package org.sovereignai.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Quarter-over-quarter changes of every figure: each number of the previous stats.json compared with this one's,
 * a figure absent on one side reading as 0. Renders as "Qwen instances 4 -> 5 (+1)" lines for CHANGES.md.
 */
public final class StatsDelta {

    /** One figure that moved. */
    public record Change(List<String> path, BigDecimal before, BigDecimal after) {
        public boolean share() {
            return Figures.isShare(path);
        }

        /** "4 -> 5 (+1)", or for a share "13.9% -> 15.2% (+1.3 pts)". */
        public String movement() {
            if (share()) {
                BigDecimal pts = after.subtract(before).movePointRight(2).setScale(2, RoundingMode.HALF_UP);
                return Shares.percentOneDecimal(before) + " -> " + Shares.percentOneDecimal(after)
                        + " (" + signed(pts) + " pts)";
            }
            return plain(before) + " -> " + plain(after) + " (" + signed(after.subtract(before)) + ")";
        }
    }

    private final List<Change> changes;
    private final java.util.Map<List<String>, Change> byPath = new java.util.HashMap<>();

    private StatsDelta(List<Change> changes) {
        this.changes = Collections.unmodifiableList(changes);
        for (Change c : changes) byPath.put(c.path(), c);
    }

    /** The figures that differ between the previous release and this one, in reading order. */
    public static StatsDelta between(Figures previous, Figures current) {
        Set<List<String>> paths = new TreeSet<>(Figures.PATH_ORDER);
        paths.addAll(previous.values().keySet());
        paths.addAll(current.values().keySet());
        List<Change> out = new ArrayList<>();
        for (List<String> path : paths) {
            BigDecimal before = previous.get(path);
            BigDecimal after = current.get(path);
            if (before.compareTo(after) != 0) out.add(new Change(path, before, after));
        }
        return new StatsDelta(out);
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The change of one figure, or null when it did not move. */
    public Change change(List<String> path) {
        return byPath.get(path);
    }

    /** One Markdown bullet per change: {@code - Qwen instances 4 -> 5 (+1)}. */
    public List<String> lines(FigureLabels labels) {
        List<String> out = new ArrayList<>(changes.size());
        for (Change c : changes) out.add("- " + labels.label(c.path()) + " " + c.movement());
        return out;
    }

    /**
     * A CHANGES.md section: a heading, then the bullets, or a sentence saying nothing moved.
     *
     * @param heading e.g. {@code ## Figures}
     */
    public String markdownSection(String heading, FigureLabels labels) {
        StringBuilder sb = new StringBuilder(heading).append("\n\n");
        if (changes.isEmpty()) return sb.append("No figure changed since the previous release.\n").toString();
        for (String line : lines(labels)) sb.append(line).append('\n');
        return sb.toString();
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static String signed(BigDecimal v) {
        return (v.signum() >= 0 ? "+" : "") + plain(v);
    }
}
