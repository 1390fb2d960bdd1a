package org.sovereignai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.CurationFixture;

/**
 * The same convention in every command: what a command exists to report (validate's and verify's findings, a
 * submission's report, the dry run's) is on stdout, even when it makes the exit code 1; everything else that stops a
 * command (bad usage, a missing file, a refused input, a refusal of the workflow) is on stderr, starting with one line
 * {@code sai COMMAND: why} (followed by the findings or details that explain it, for an input refused for its
 * errors), with nothing on stdout. Never a stack trace. Every command's bad-input path is run here through the real entry point.
 */
class OutputStreamsTest {
    private static final String HEADER = "id,name,layer,jurisdiction,lead_org,announced,sources\n";

    @TempDir
    Path dir;

    private final List<String> broken = new ArrayList<>();

    private static CliRun sai(String... args) {
        return CliRun.of(args);
    }

    /** A failure that is not the command's report: exit code, nothing on stdout, stderr starting 'sai COMMAND: '. */
    private void refused(CliRun r, int code, String command) {
        boolean ok = r.code() == code && r.out().isEmpty() && r.err().startsWith("sai " + command + ": ")
                && !r.err().contains("\tat ");
        if (!ok) broken.add(r.args() + " -> " + r.code() + "\nstdout: " + r.out() + "\nstderr: " + r.err());
    }

    /** The command's report on stdout (exit 1 or 2 for what it found), and nothing on stderr. */
    private void reported(CliRun r, int code, String expected) {
        boolean ok = r.code() == code && r.out().contains(expected) && r.err().isEmpty() && !r.out().contains("\tat ");
        if (!ok) broken.add(r.args() + " -> " + r.code() + "\nstdout: " + r.out() + "\nstderr: " + r.err());
    }

    @Test
    void everyCommandsBadInputGoesToTheStreamOfItsKind() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), HEADER + "a,A,data,FR,Org,2024-13,https://example.gov/a\n");
        Path good = Files.writeString(dir.resolve("good.csv"), HEADER + "a,A,data,FR,Org,2024-Q1,https://example.gov/a\n");
        String missing = dir.resolve("missing.csv").toString();
        Path snapshots = dir.resolve("snapshots");
        assertEquals(0, sai("release", "2026-Q1", "--from", good.toString(), "--snapshots", snapshots.toString()).code());
        refused(sai("release", "2026-Q2", "--from", bad.toString(), "--snapshots", snapshots.toString()), 1, "release");
        Files.writeString(snapshots.resolve("2026-Q1/CHANGES.md"), "edited\n");

        // what validate and verify exist to report is on stdout
        reported(sai("validate", bad.toString()), 1, "error invalid-date announced (F2)");
        reported(sai("validate", missing), 2, "error file-not-found");
        CliRun damaged = sai("verify", snapshots.toString());
        if (!(damaged.code() == 1 && damaged.out().contains("error 2026-Q1/CHANGES.md") && damaged.err().startsWith("sai verify: "))) {
            broken.add("verify of a damaged release: " + damaged);
        }
        // everything else is one line on stderr
        refused(sai("validate", "--format", "xml", good.toString()), 2, "validate");
        refused(sai("diff", missing, good.toString()), 2, "diff");
        refused(sai("diff", good.toString(), bad.toString()), 1, "diff");
        refused(sai("diff", good.toString(), good.toString(), "--format", "xml"), 2, "diff");
        refused(sai("stats", bad.toString()), 1, "stats");
        refused(sai("stats", missing), 2, "stats");
        refused(sai("release", "2026-Q2", "--from", good.toString(), "--snapshots", snapshots.toString()), 1, "release");
        refused(sai("release", "2026-Q2", "--from", good.toString(), "--snapshots", snapshots.toString(), "--date", "soon"), 2, "release");
        refused(sai("verify", dir.resolve("nowhere").toString()), 2, "verify");
        refused(sai("verify", snapshots.toString(), "--format", "xml"), 2, "verify");
        refused(sai("schema", "--schemas", dir.resolve("nowhere").toString()), 2, "schema");
        refused(sai("sources", "check", missing, "--db", dir.resolve("db").toString()), 2, "sources check");
        refused(sai("sources", "candidates", dir.resolve("missing.txt").toString()), 2, "sources candidates");
        refused(sai("demo", "--workspace", dir.toString()), 2, "demo");

        assertEquals(List.of(), broken, String.join("\n\n", broken));
    }

    @Test
    void everyCurationCommandsBadInputGoesToTheStreamOfItsKind() throws Exception {
        CurationFixture fx = new CurationFixture(dir.resolve("home"));
        refused(asRun(fx, "quarter", "status"), 2, "quarter status");
        refused(asRun(fx, "quarter", "open", "2026-13"), 2, "quarter open");
        assertEquals(0, fx.cli("quarter", "open", CurationFixture.QUARTER).code());
        Path bad = fx.write("bad.csv", "id,funding_usd\nsea-lion,lots\n");

        // a submission's report, and the dry run's, are what submit exists to give
        reported(asRun(fx, "submit", bad.toString(), "--curator", "alice"), 1, "error invalid-number at bad.csv, row 2");
        reported(asRun(fx, "submit", "--dry-run", bad.toString(), "--curator", "alice"), 1, "error invalid-number at bad.csv, row 2");
        refused(asRun(fx, "submit", fx.home.resolve("missing.csv").toString(), "--curator", "alice"), 2, "submit");
        refused(asRun(fx, "submit", bad.toString(), "--curator", " "), 2, "submit");
        refused(asRun(fx, "review", "show", "C99"), 2, "review show");
        refused(asRun(fx, "review", "approve", "C99", "--reviewer", "lead"), 2, "review approve");
        refused(asRun(fx, "review", "reject", "C99", "--reviewer", "lead", "--reason", "no"), 2, "review reject");
        refused(asRun(fx, "history", "no-such-record"), 1, "history");
        refused(asRun(fx, "users", "add", "rita", "--role", "boss", "--password-stdin"), 2, "users add");
        refused(asRun(fx, "users", "disable", "nobody"), 2, "users disable");
        refused(asRun(fx, "serve", "--port", "70000"), 2, "serve");

        assertEquals(List.of(), broken, String.join("\n\n", broken));
    }

    @Test
    void aHomeThatIsNotAProjectFolderIsRefusedInOneLineAndLeftAsItWas() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path onlySnapshots = Files.createDirectories(dir.resolve("half/snapshots")).getParent();

        for (List<String> command : List.of(List.of("quarter", "status"), List.of("quarter", "open", "2026-Q1"),
                List.of("review", "list"), List.of("serve"), List.of("sources", "check"), List.of("release", "2026-Q1"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--home", empty.toString()));
            CliRun r = sai(args.toArray(String[]::new));
            refused(r, 2, String.join(" ", command).replace(" 2026-Q1", ""));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--home " + empty + " is not a project folder: it holds no schemas/ and no snapshots/"), r.err());
        }
        CliRun half = sai("quarter", "open", "2026-Q1", "--home", onlySnapshots.toString());
        refused(half, 2, "quarter open");
        assertTrue(half.err().contains("it holds no schemas/ (a project folder holds schemas/ and snapshots/); check the path"), half.err());
        CliRun none = sai("quarter", "status", "--home", dir.resolve("mistyped").toString());
        refused(none, 2, "quarter status");
        assertTrue(none.err().contains("--home " + dir.resolve("mistyped") + ": no such folder"), none.err());

        try (var s = Files.list(empty)) {
            assertFalse(s.findAny().isPresent(), "nothing was created in the folder (no database, no inbox)");
        }
        assertFalse(Files.exists(dir.resolve("mistyped")));
        assertEquals(List.of(), broken, String.join("\n\n", broken));
    }

    private static CliRun asRun(CurationFixture fx, String... args) {
        CurationFixture.Cli c = fx.cli(args);
        return new CliRun(String.join(" ", args), c.code(), c.out(), c.err());
    }
}
