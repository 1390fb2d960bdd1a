package org.sovereignai.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which program this is: the project version and the commit it was built from, written into
 * {@code sai-version.properties} by the build (git-commit-id-maven-plugin, pipeline/pom.xml). A build from a copy
 * without git history has no commit, and says so rather than inventing one.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit  the abbreviated commit id, or null when the build had no git history
 * @param dirty   the working tree had uncommitted changes when the jar was built
 */
public record Build(String version, String commit, boolean dirty) {
    private static final String RESOURCE = "/sai-version.properties";

    /** The build of the running program. */
    public static Build current() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // an unreadable resource in our own jar: report the version as unknown rather than fail a command
        }
        return new Build(filled(p.getProperty("version")), filled(p.getProperty("commit")),
                Boolean.parseBoolean(filled(p.getProperty("dirty"))));
    }

    /** {@code sai 0.1.0-SNAPSHOT (commit 9fcbe83)}, with {@code , with uncommitted changes} when built so. */
    public String describe() {
        String v = "sai " + (version == null ? "(unknown version)" : version);
        if (commit == null) return v + " (commit unknown)";
        return v + " (commit " + commit + (dirty ? ", with uncommitted changes" : "") + ")";
    }

    /** A placeholder the build did not fill (no git history) reads as absent. */
    private static String filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
    }
}
