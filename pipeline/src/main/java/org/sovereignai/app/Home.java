package org.sovereignai.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationDatabase;
import org.sovereignai.curation.CurationException;
import org.sovereignai.curation.CurationSettings;
import org.sovereignai.curation.Workspace;
import org.sovereignai.record.Schema;
import org.sovereignai.release.Releases;
import org.sovereignai.sources.SourcesRelease;

/**
 * The project a process works on, resolved once: its folder (given, else the {@code sai.home} property that
 * {@code ./sai} sets, else the working directory), the folders below it, the record contract and the settings.
 * Every door (command line, routes, HTTP) starts from one {@code Home} and hands it to the use cases.
 */
public final class Home {
    private final Workspace workspace;
    private CurationSettings settings;

    private Home(Workspace workspace, CurationSettings settings) {
        this.workspace = workspace;
        this.settings = settings;
    }

    /** The project in {@code dir}, or the default project when {@code dir} is null. */
    public static Home of(Path dir) {
        return new Home(dir != null ? new Workspace(dir) : Workspace.fromSystem(), null);
    }

    /**
     * A project folder a person named ({@code --home DIR}): refused unless it holds {@code schemas/} and
     * {@code snapshots/}, as every project folder does, so that a mistyped or empty folder is said at once rather than
     * opening a quarter with no records or creating a database there.
     *
     * @throws Refusal (usage) naming the folder and what it lacks
     */
    public static Home given(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(abs)) throw Refusal.usage("--home " + dir + ": no such folder");
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String sub : java.util.List.of("schemas", "snapshots")) {
            if (!java.nio.file.Files.isDirectory(abs.resolve(sub))) missing.add(sub + "/");
        }
        if (!missing.isEmpty()) {
            throw Refusal.usage("--home " + dir + " is not a project folder: it holds no " + String.join(" and no ", missing)
                    + " (a project folder holds schemas/ and snapshots/); check the path");
        }
        return of(abs);
    }

    /** The project in {@code dir} with settings given rather than read (tests, the demo's temporary workspace). */
    public static Home of(Path dir, CurationSettings settings) {
        return new Home(new Workspace(dir), settings);
    }

    public Path dir() {
        return workspace.home();
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The published releases: {@code snapshots/} of the project. */
    public Path snapshots() {
        return workspace.snapshots();
    }

    /** The record contract (the one bundled in the program: the published files and the checks cannot disagree). */
    public Schema schema() {
        return Schema.bundled();
    }

    /** The settings, read on first use (a one-shot command that needs none pays nothing). */
    public synchronized CurationSettings settings() {
        if (settings == null) settings = Settings.load(workspace);
        return settings;
    }

    /**
     * The licence releases publish their data under: {@code sai.data.license} (SAI_DATA_LICENSE), an SPDX id.
     *
     * @throws Refusal (usage) for a value that is not an SPDX id
     */
    public org.sovereignai.release.DataLicense dataLicense() {
        String id = Settings.reader(null).get("sai.data.license").orElse(org.sovereignai.release.DataLicense.DEFAULT.id());
        try {
            return org.sovereignai.release.DataLicense.of(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.usage(e.getMessage());
        }
    }

    /** Opens the curation workflow (its database); close it when done. */
    public Curation openCuration() {
        return Curation.open(workspace, settings());
    }

    /**
     * A handle on the project's one database (curation and sources tables; {@code curation/db/sai}, or the server the
     * settings name), migrated on first use. Every handle of a process shares one pool; close the handle when done.
     */
    public CurationDatabase openDatabase() {
        return CurationDatabase.open(settings());
    }

    /**
     * The stored source checks a release publishes ({@code sources.csv} columns, drift). An embedded database that was
     * never created is not created here: the release is then exactly as without sources.
     */
    public SourcesRelease sourcesRelease() throws IOException {
        try {
            if (!CurationDatabase.exists(settings())) return SourcesRelease.none();
            try (CurationDatabase db = openDatabase()) {
                return SourcesRelease.open(db.dataSource());
            }
        } catch (CurationException e) {
            throw new IOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // the pool or Flyway could not reach the database: one line for people, never a stack trace
            throw new IOException("cannot open the database: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The newest published release's folder, as the release package judges it. */
    public Optional<Path> newestRelease() throws IOException {
        return Releases.newest(snapshots()).map(Releases.Release::folder);
    }
}
