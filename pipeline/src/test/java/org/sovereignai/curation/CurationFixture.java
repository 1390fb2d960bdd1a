package org.sovereignai.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sovereignai.cli.Sai;

/**
 * A project home in a temporary folder: one published release (2025-Q4, three records: sea-lion, apertus,
 * isambard-ai), a real H2 file database under curation/db/, fast inbox timings.
 */
public final class CurationFixture {
    public static final String BASE = "2025-Q4";
    public static final String QUARTER = "2026-Q1";

    public final Path home;
    public final Workspace workspace;
    public final TestDatabase database;
    private CurationSettings settings;

    public CurationFixture(Path home) throws IOException {
        this(home, TestDatabase.H2);
    }

    /** The fixture on this kind of database (a new, empty one for this fixture). */
    public CurationFixture(Path home, TestDatabase database) throws IOException {
        this.home = home;
        this.workspace = new Workspace(home);
        this.database = database;
        // a project folder holds schemas/ and snapshots/ (--home refuses any other); the contract read is the bundled one
        Files.createDirectories(home.resolve("schemas"));
        release(BASE, baseCsv());
    }

    public static String baseCsv() throws IOException {
        try (InputStream in = CurationFixture.class.getResourceAsStream("/curation/base-2025-Q4.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A published release as the curation workflow reads it: projects.csv plus a manifest.json. */
    public void release(String name, String projectsCsv) throws IOException {
        Path dir = home.resolve("snapshots").resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("projects.csv"), projectsCsv);
        Files.writeString(dir.resolve("manifest.json"), "{\"release\":\"" + name + "\"}\n");
    }

    public synchronized CurationSettings settings() {
        if (settings == null) settings = database.settings(org.sovereignai.app.Settings.load(workspace), workspace).withInboxTiming(100, 100);
        return settings;
    }

    public Curation open() {
        return Curation.open(workspace, settings());
    }

    /** Opens the workflow with the quarter already open. */
    public Curation openQuarter() throws IOException {
        Curation c = open();
        c.quarters().open(QUARTER, "lead");
        return c;
    }

    public Path write(String name, String content) throws IOException {
        Path p = home.resolve("incoming").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    public SubmissionResult submit(Curation c, Path file, String curator) throws IOException {
        return c.submissions().submit(new Submissions.Request(file, file.getFileName().toString(), curator, null, "cli"));
    }

    public static java.util.List<Submission> submissions(Curation c) {
        return c.repository().read(x -> c.repository().submissions(x, QUARTER));
    }

    public static java.util.List<ProposedChange> changes(Curation c) {
        return c.repository().read(x -> c.repository().changes(x, QUARTER, null));
    }

    /** Runs the command line in this JVM against this home; returns exit code and output. */
    public Cli cli(String... args) {
        return cli(database == TestDatabase.H2 ? null : settings(), args);
    }

    /**
     * Runs the command line in this JVM against this home and the database {@code db} names (null: the embedded file
     * under --home), as an operator's settings name it; returns exit code, output and how long it took.
     */
    public Cli cli(CurationSettings db, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = home.toString();
        long begin = System.nanoTime();
        int code = withDatabaseProperties(db, () -> Sai.run(new PrintWriter(out, true), new PrintWriter(err, true), all));
        return new Cli(code, out.toString(), err.toString(), java.time.Duration.ofNanos(System.nanoTime() - begin));
    }

    public record Cli(int code, String out, String err, java.time.Duration took) {
    }

    /**
     * Runs a command in this JVM on a database: for null the default (the embedded file under --home); otherwise the
     * settings' system properties, which the command's settings lookup reads (env > system > file).
     */
    private synchronized int withDatabaseProperties(CurationSettings s, java.util.function.IntSupplier command) {
        if (s == null) return command.getAsInt();
        java.util.Map<String, String> set = java.util.Map.of("sai.db.url", s.dbUrl(), "sai.db.user", s.dbUser(),
                "sai.db.password", s.dbPassword() == null ? "" : s.dbPassword());
        java.util.Map<String, String> before = new java.util.HashMap<>();
        set.keySet().forEach(k -> before.put(k, System.getProperty(k)));
        set.forEach(System::setProperty);
        try {
            return command.getAsInt();
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }
}
