package org.sovereignai.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sovereignai.sheet.Position;

/** Loops among models records that build on each other, for {@link BaseModelReferences}. */
final class BaseModelCycles {
    private BaseModelCycles() {
    }

    /**
     * Reports every record of every loop once, at the base that leads into the loop; found iteratively, so a long
     * chain cannot overflow the stack.
     *
     * @param edges per record id, its bases that name models records, in row order
     * @param cell  where a base is written
     */
    static void report(Map<String, List<Reference>> edges, Function<Reference, Position> cell, Consumer<Finding> out) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        Set<String> reported = new HashSet<>();
        for (String start : edges.keySet()) {
            if (state.containsKey(start)) continue;
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(start);
            next.push(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                String node = path.peek();
                int i = next.pop();
                List<Reference> from = edges.getOrDefault(node, List.of());
                if (i >= from.size()) {
                    state.put(node, 2);
                    path.pop();
                    continue;
                }
                next.push(i + 1);
                String target = from.get(i).key();
                Integer s = state.get(target);
                if (s == null) {
                    state.put(target, 1);
                    path.push(target);
                    next.push(0);
                } else if (s == 1) {
                    List<String> loop = loop(path, target);
                    for (String member : loop) {
                        if (!reported.add(member)) continue;
                        Reference edge = edgeInLoop(edges.get(member), loop);
                        out.accept(Code.BASE_MODEL_CYCLE.at(cell.apply(edge), member, edge.value(),
                                "base models loop back on themselves: " + String.join(" builds on ", rotate(loop, member))
                                        + " builds on " + member + ". A model cannot be its own base, directly or through others."));
                    }
                }
            }
        }
    }

    /** The loop's members in path order, from target to the top of the path. */
    private static List<String> loop(Deque<String> path, String target) {
        List<String> fromTop = new ArrayList<>();
        for (String n : path) {
            fromTop.add(n);
            if (n.equals(target)) break;
        }
        List<String> loop = new ArrayList<>();
        for (int i = fromTop.size() - 1; i >= 0; i--) loop.add(fromTop.get(i));
        return loop;
    }

    private static List<String> rotate(List<String> loop, String first) {
        int k = loop.indexOf(first);
        List<String> out = new ArrayList<>(loop.subList(k, loop.size()));
        out.addAll(loop.subList(0, k));
        return out;
    }

    private static Reference edgeInLoop(List<Reference> uses, List<String> loop) {
        for (Reference u : uses) if (loop.contains(u.key())) return u;
        return uses.get(0);
    }
}
