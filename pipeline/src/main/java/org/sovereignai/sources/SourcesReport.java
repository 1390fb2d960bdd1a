package org.sovereignai.sources;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.sovereignai.check.Finding;

/**
 * What a check run found, for people (text) and CI (JSON): dead sources, sources redirected to another site,
 * sources changed since the last check, URLs not checked (refused or disallowed) and uncorroborated claims.
 * Lists are sorted by URL, so the same run always prints the same report.
 */
public final class SourcesReport {
    /** One URL of interest and the records citing it. */
    public record Item(String url, List<String> records, Integer status, String finalUrl, String detail) {
    }

    private final SourceChecker.Run run;
    private final Map<String, List<Item>> sections = new LinkedHashMap<>();
    private final List<Finding> uncorroborated;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public SourcesReport(SourceChecker.Run run, List<CitedUrl> cited, List<Finding> uncorroborated) {
        this.run = run;
        this.uncorroborated = List.copyOf(uncorroborated);
        Map<String, TreeSet<String>> recordsOf = new TreeMap<>();
        for (CitedUrl c : cited) recordsOf.computeIfAbsent(c.url(), u -> new TreeSet<>()).add(c.id());
        for (String s : List.of("dead", "redirected", "changed", "not_checked")) sections.put(s, new ArrayList<>());
        for (String s : List.of("ok", "redirected", "dead", "changed", "not_checked")) counts.put(s, 0);
        List<SourceCheck> sorted = new ArrayList<>(run.checks());
        sorted.sort(java.util.Comparator.comparing(SourceCheck::url));
        for (SourceCheck k : sorted) {
            String key = k.state() == null ? "not_checked" : k.state().value();
            counts.merge(key, 1, Integer::sum);
            if (key.equals("ok")) continue;
            String detail = k.detail();
            if (key.equals("changed")) detail = "main text differs from the last check";
            if (key.equals("redirected")) detail = "now answers from " + k.finalUrl();
            sections.get(key).add(new Item(k.url(), List.copyOf(recordsOf.getOrDefault(k.url(), new TreeSet<>())),
                    k.status(), k.finalUrl(), detail));
        }
    }

    public List<Item> dead() {
        return sections.get("dead");
    }

    public List<Item> redirected() {
        return sections.get("redirected");
    }

    public List<Item> changed() {
        return sections.get("changed");
    }

    public List<Item> notChecked() {
        return sections.get("not_checked");
    }

    public List<Finding> uncorroborated() {
        return uncorroborated;
    }

    /** Anything a curator should look at. */
    public boolean hasProblems() {
        return !dead().isEmpty() || !redirected().isEmpty() || !uncorroborated.isEmpty();
    }

    public void printText(PrintWriter out) {
        out.println("Source check run " + run.runId() + " at " + run.checkedAt() + ": " + run.checks().size() + " URLs, "
                + counts.get("ok") + " ok, " + counts.get("dead") + " dead, " + counts.get("redirected") + " redirected, "
                + counts.get("changed") + " changed, " + counts.get("not_checked") + " not checked; "
                + uncorroborated.size() + " uncorroborated claims");
        section(out, "Dead (4xx, 5xx, DNS, no connection, timeout)", dead());
        section(out, "Redirected to another site", redirected());
        section(out, "Changed since the last check", changed());
        section(out, "Not checked (refused by the address guard, robots.txt, rate limit, size cap or bad URL)", notChecked());
        if (!uncorroborated.isEmpty()) {
            out.println();
            out.println("Uncorroborated claims:");
            for (Finding f : uncorroborated) {
                out.println("  warning " + f.code() + " at " + f.position().describe() + " [" + f.recordId() + "]: " + f.message());
            }
        }
    }

    private static void section(PrintWriter out, String title, List<Item> items) {
        if (items.isEmpty()) return;
        out.println();
        out.println(title + ":");
        for (Item i : items) {
            out.println("  " + i.url() + (i.status() == null ? "" : " [HTTP " + i.status() + "]")
                    + " cited by " + (i.records().isEmpty() ? "(none)" : String.join(", ", i.records()))
                    + (i.detail() == null ? "" : ": " + i.detail()));
        }
    }

    /**
     * The report as a JSON-ready map (render with {@link org.sovereignai.io.Json}): camelCase keys (a state such as
     * {@code not_checked} is the key {@code notChecked}) and {@code formatVersion}.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", org.sovereignai.io.Json.FORMAT_VERSION);
        m.put("run", run.runId());
        m.put("checkedAt", run.checkedAt());
        Map<String, Integer> byState = new LinkedHashMap<>();
        counts.forEach((state, n) -> byState.put(camelCase(state), n));
        m.put("counts", byState);
        m.put("dead", dead());
        m.put("redirected", redirected());
        m.put("changed", changed());
        m.put("notChecked", notChecked());
        List<Map<String, Object>> claims = new ArrayList<>();
        for (Finding f : uncorroborated) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", f.code());
            c.put("recordId", f.recordId());
            c.put("column", f.position().column());
            c.put("cell", f.position().cell());
            c.put("row", f.position().row());
            c.put("value", f.value());
            c.put("message", f.message());
            claims.add(c);
        }
        m.put("uncorroborated", claims);
        return m;
    }

    /** "not_checked" as a JSON key: "notChecked". */
    private static String camelCase(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        return sb.toString();
    }
}
