package org.sovereignai.release;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of {@code verify}: problems (errors fail it; notes, such as an index that lags behind an interrupted
 * release, do not) and how many releases were checked.
 */
public record Verification(List<Problem> problems, int releases) {

    /**
     * One finding, naming the file it is about (relative to the snapshots folder) and, where it is about one place in
     * it, the line (for projects.csv the physical line on which the record starts; null otherwise).
     */
    public record Problem(boolean error, String file, Integer line, String message) {
        public Problem(boolean error, String file, String message) {
            this(error, file, null, message);
        }

        @Override
        public String toString() {
            return (error ? "error " : "note ") + file + (line == null ? "" : ":" + line) + ": " + message;
        }
    }

    public Verification {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.stream().noneMatch(Problem::error);
    }

    public List<String> errorMessages() {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) if (p.error()) out.add(p.file() + ": " + p.message());
        return out;
    }
}
