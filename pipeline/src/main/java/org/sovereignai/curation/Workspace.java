package org.sovereignai.curation;

import java.nio.file.Path;

/**
 * Where the project's folders are. Every path the curation workflow touches hangs off {@code home}, so a test points
 * the whole workflow at a temporary folder by passing another home ({@code sai.home} / {@code --home}).
 */
public record Workspace(Path home) {

    public Workspace {
        home = home.toAbsolutePath().normalize();
    }

    /** The home named by the {@code sai.home} system property (set by {@code ./sai}), else the working directory. */
    public static Workspace fromSystem() {
        return new Workspace(Path.of(System.getProperty("sai.home", ".")));
    }

    public Path curation() {
        return home.resolve("curation");
    }

    public Path inbox() {
        return curation().resolve("inbox");
    }

    public Path rejected() {
        return curation().resolve("rejected");
    }

    /** The inbox's dated report of every file it took, one folder per curator. */
    public Path reports() {
        return curation().resolve("reports");
    }

    public Path submissions() {
        return curation().resolve("submissions");
    }

    /** Candidate sheets made from submitted URL lists, for curators to complete. */
    public Path candidates() {
        return curation().resolve("candidates");
    }

    public Path templates() {
        return curation().resolve("templates");
    }

    /** The embedded database's folder (git-ignored). */
    public Path database() {
        return curation().resolve("db");
    }

    /** Scratch space (git-ignored). */
    public Path work() {
        return curation().resolve("work");
    }

    public Path snapshots() {
        return home.resolve("snapshots");
    }
}
