package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.sovereignai.app.Home;
import org.sovereignai.app.ReviewChanges;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.Review;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sai demo}: one quarter of curation, end to end, in a throwaway workspace. Every step runs the real command
 * (the same code a curator or CI runs), and the demo narrates what each step shows. Nothing in the project folder
 * changes: the bundled release and demo sheets are copied into the workspace first.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run one quarter of curation end to end in a temporary workspace: open 2026-Q1 from the bundled 2025-Q4 "
                + "release, submit two curators' sheets (one with a deliberate error, one conflicting with the other), review, "
                + "release 2026-Q1 and verify it. The project folder is not changed.",
                "Exit 0 when every step behaved as expected, 1 when one did not, 2 usage or I/O."})
public final class DemoCommand implements Callable<Integer> {
    static final String QUARTER = "2026-Q1";

    @Option(names = "--workspace", paramLabel = "DIR", description = "where to run (must be empty or absent; default: a new temporary folder, kept so you can look at the results)")
    Path workspace;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private Path home;
    private Path project;
    private final List<String> surprises = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        project = Home.of(null).dir();
        Path demoSheets = project.resolve("curation/demo");
        Path bundled = project.resolve("snapshots");
        if (!Files.isDirectory(demoSheets) || !Files.isRegularFile(bundled.resolve("latest"))) {
            spec.commandLine().getErr().println("sai demo: the bundled data is missing (" + demoSheets + ", " + bundled
                    + "/latest); run the demo from the project folder through ./sai");
            return Sai.USAGE_OR_IO;
        }
        home = workspace != null ? workspace : Files.createTempDirectory("sai-demo-");
        if (Files.isDirectory(home)) {
            try (Stream<Path> s = Files.list(home)) {
                if (s.findAny().isPresent()) {
                    spec.commandLine().getErr().println("sai demo: " + home + " is not empty; name an empty or new folder");
                    return Sai.USAGE_OR_IO;
                }
            }
        }
        copyTree(bundled, home.resolve("snapshots"));
        copyTree(project.resolve("schemas"), home.resolve("schemas")); // a project folder, as --home requires
        String h = home.toString();

        step("1. The workspace", "A copy of the bundled releases in " + home + "; the project folder stays as it is.");
        run(0, "verify", h + "/snapshots");

        step("2. Open the quarter", "The lead opens " + QUARTER + ": a draft starts from the newest release (2025-Q4), and "
                + "templates pre-filled with every record are written for the curators.");
        run(0, "quarter", "open", QUARTER, "--home", h);

        step("3. Alice submits a partial sheet", "Only the rows and columns she changed; each changed cell becomes a proposed "
                + "change with its provenance (curator, submission, cell).");
        run(0, "submit", demoSheets.resolve("alice-2026-Q1.csv").toString(), "--curator", "alice", "--home", h);

        step("4. Bob submits a sheet with mistakes", "It removes a record without a reason and uses a status that is not "
                + "in the vocabulary. The submission is archived with its report, and nothing changes in the draft (exit 1).");
        run(1, "submit", demoSheets.resolve("bob-2026-Q1-draft.csv").toString(), "--curator", "bob", "--home", h);

        step("5. Bob submits the corrected sheet", "Valid now, but his sea-lion funding disagrees with Alice's: a conflict.");
        run(0, "submit", demoSheets.resolve("bob-2026-Q1.csv").toString(), "--curator", "bob", "--home", h);

        step("6. The same file again", "Recognised by its hash and not applied twice.");
        run(0, "submit", demoSheets.resolve("bob-2026-Q1.csv").toString(), "--curator", "bob", "--home", h);

        step("7. Review", "Pending changes, with conflicts flagged.");
        run(0, "review", "list", "--home", h);
        List<String[]> conflicts = conflicts();
        if (conflicts.isEmpty()) {
            surprises.add("step 7: the demo sheets should conflict, and they did not");
        } else {
            String[] pair = conflicts.get(0);
            step("8. A conflicted change cannot be approved", "Approving " + pair[0] + " is refused while its rival "
                    + pair[1] + " is pending (exit 1).");
            run(1, "review", "approve", pair[0], "--reviewer", "lead", "--home", h);
            step("9. The lead rejects one side with a reason, then approves the rest", "");
            run(0, "review", "reject", pair[1], "--reason", "the programme's published figure is the other one",
                    "--reviewer", "lead", "--home", h);
            List<String> approve = new ArrayList<>(List.of("review", "approve"));
            approve.addAll(pendingSubmissions());
            approve.addAll(List.of("--reviewer", "lead", "--home", h));
            run(0, approve.toArray(String[]::new));
        }

        step("10. Release " + QUARTER + " from the draft", "Only approved changes; changes.json credits each one.");
        run(0, "release", QUARTER, "--home", h);
        run(0, "verify", h + "/snapshots");

        step("11. A record's story", "Every release it appeared in and every change, with who proposed and approved it.");
        run(0, "history", "sea-lion", "--home", h);

        Path release = home.resolve("snapshots").resolve(QUARTER);
        out.println();
        out.println("== Done");
        out.println("change report:  " + release.resolve("CHANGES.md"));
        out.println("machine-readable: " + release.resolve("changes.json"));
        out.println("statistics:     " + release.resolve("STATS.md") + " (charts in " + release.resolve("charts") + ")");
        out.println("workspace:      " + home + " (delete it when done)");
        out.println("in a browser:   ./sai serve --home " + home + "   then open http://127.0.0.1:8080/");
        if (!surprises.isEmpty()) {
            out.println();
            out.println("Some steps did not behave as expected:");
            surprises.forEach(s -> out.println("- " + s));
            return Sai.DATA_ERROR;
        }
        return Sai.OK;
    }

    private void step(String title, String what) {
        out.println();
        out.println("== " + title);
        if (!what.isEmpty()) out.println(what);
        out.flush();
    }

    /** Runs a real command in-process, echoing it and its output; notes a surprise when the exit code differs. */
    private void run(int expected, String... args) {
        List<String> shown = new ArrayList<>();
        for (String a : args) shown.add(a.contains(" ") || a.contains("'") ? '"' + a + '"' : a);
        out.println("$ ./sai " + shorten(String.join(" ", shown)));
        StringWriter buffer = new StringWriter();
        PrintWriter both = new PrintWriter(buffer, true);
        int code = Sai.run(both, both, args);
        buffer.toString().lines().forEach(line -> out.println("  " + shorten(line)));
        out.println("  (exit " + code + ")");
        if (code != expected) surprises.add("'./sai " + args[0] + " " + (args.length > 1 ? args[1] : "") + "' exited " + code + ", expected " + expected);
        out.flush();
    }

    /** The workspace shown as $WS and the project folder's files by their relative paths, so the narration reads easily. */
    private String shorten(String text) {
        return text.replace(home.toString(), "$WS").replace(project + "/", "");
    }

    /** Pending conflicts as [change, rival] labels, read from the workspace's database. */
    private List<String[]> conflicts() {
        List<String[]> pairs = new ArrayList<>();
        try (Curation curation = Home.of(home).openCuration()) {
            for (Review.Item item : new ReviewChanges(curation).pending()) {
                if (item.conflicted()) pairs.add(new String[] {item.change().label(), item.rivals().get(0).label()});
            }
        }
        return pairs;
    }

    /** Labels of the submissions that still have pending changes (approving S3 approves all of its pending changes). */
    private List<String> pendingSubmissions() {
        try (Curation curation = Home.of(home).openCuration()) {
            return new ReviewChanges(curation).pending().stream().map(i -> i.change().submissionLabel()).distinct().sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().startsWith(".")) continue; // lock and temporary files are not part of a release
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
