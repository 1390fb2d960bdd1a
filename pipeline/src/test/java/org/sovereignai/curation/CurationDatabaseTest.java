package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationDatabaseTest {
    @TempDir
    Path home;

    @Test
    void theLatestVersionConstantNamesTheNewestMigrationFile() throws Exception {
        Path dir = Path.of(System.getProperty("sai.home", "..")).resolve("pipeline/src/main/resources/db/sai");
        try (Stream<Path> files = Files.list(dir)) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(Integer.toString(newest), CurationDatabase.LATEST_VERSION);
        }
    }

    @Test
    void aNewDatabaseIsCreatedAndMigratedOnFirstUseAndRecognisedAsCurrentAfterwards() throws Exception {
        Workspace ws = new Workspace(home);
        CurationSettings settings = org.sovereignai.app.Settings.load(ws).withDbUrl(CurationSettings.embeddedUrl(ws));
        try (CurationDatabase db = CurationDatabase.open(ws, settings)) {
            assertTrue(CurationDatabase.current(db.dataSource()));
        }
        assertTrue(Files.exists(home.resolve("curation/db/sai.mv.db")));
        try (CurationDatabase db = CurationDatabase.open(ws, settings)) {
            assertTrue(CurationDatabase.current(db.dataSource()));
        }
    }

    @Test
    void theDatabaseUrlComesFromConfigurationWithTheEnvironmentWinning() throws Exception {
        Workspace ws = new Workspace(home);
        // Camel's properties component reads the real environment and system properties: a child JVM has both
        assertEquals("jdbc:h2:mem:fromproperty", childSettings(java.util.Map.of(), "-Dsai.db.url=jdbc:h2:mem:fromproperty"));
        assertEquals("jdbc:postgresql://db/sai", childSettings(java.util.Map.of("SAI_DB_URL", "jdbc:postgresql://db/sai"),
                "-Dsai.db.url=jdbc:h2:mem:fromproperty"));
        CurationSettings embedded = org.sovereignai.app.Settings.load(ws, new java.util.Properties());
        assertTrue(embedded.dbUrl().startsWith("jdbc:h2:file:" + home.resolve("curation/db/sai")), embedded.dbUrl());
        assertEquals(50L * 1024 * 1024, embedded.maxSubmissionBytes());
    }

    @Test
    void aKeyWithDashesIsOverriddenByItsEnvironmentVariable() throws Exception {
        assertEquals("123", childSettings(java.util.Map.of("SAI_SUBMISSION_MAX_BYTES", "123"), "-Dsai.submission.max-bytes=456", "max"));
        assertEquals("456", childSettings(java.util.Map.of(), "-Dsai.submission.max-bytes=456", "max"));
    }

    /** The database URL a fresh JVM with this environment and these options resolves. */
    private String childSettings(java.util.Map<String, String> env, String option) throws Exception {
        return childSettings(env, option, "url");
    }

    /** A setting ("url" or "max") as a fresh JVM with this environment and these options resolves it. */
    private String childSettings(java.util.Map<String, String> env, String option, String which) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), option, PrintDbUrl.class.getName(), home.toString(), which);
        pb.environment().remove("SAI_DB_URL");
        pb.environment().remove("SAI_SUBMISSION_MAX_BYTES");
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        return out.lines().reduce((a, b) -> b).orElse("");
    }

    /** Prints the database URL (args[1] "url") or the size limit ("max") the settings resolve for the home in args[0]. */
    public static final class PrintDbUrl {
        public static void main(String[] args) {
            CurationSettings s = org.sovereignai.app.Settings.load(new Workspace(Path.of(args[0])));
            System.out.println("max".equals(args[1]) ? Long.toString(s.maxSubmissionBytes()) : s.dbUrl());
        }
    }
}
