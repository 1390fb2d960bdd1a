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
        Path dir = Path.of(System.getProperty("sai.home", "..")).resolve("pipeline/src/main/resources/db/curation");
        try (Stream<Path> files = Files.list(dir)) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max(Comparator.naturalOrder()).orElseThrow();
            assertEquals(Integer.toString(newest), CurationDatabase.LATEST_VERSION);
        }
    }

    @Test
    void aNewDatabaseIsCreatedAndMigratedOnFirstUseAndRecognisedAsCurrentAfterwards() throws Exception {
        Workspace ws = new Workspace(home);
        CurationSettings settings = CurationSettings.load(ws).withDbUrl(CurationSettings.embeddedUrl(ws));
        try (CurationDatabase db = CurationDatabase.open(ws, settings)) {
            assertTrue(CurationDatabase.current(db.dataSource()));
        }
        assertTrue(Files.exists(home.resolve("curation/db/sai.mv.db")));
        try (CurationDatabase db = CurationDatabase.open(ws, settings)) {
            assertTrue(CurationDatabase.current(db.dataSource()));
        }
    }

    @Test
    void theDatabaseUrlComesFromConfigurationWithTheEnvironmentWinning() {
        Workspace ws = new Workspace(home);
        java.util.Properties sys = new java.util.Properties();
        sys.setProperty("sai.db.url", "jdbc:h2:mem:fromproperty");
        assertEquals("jdbc:h2:mem:fromproperty", CurationSettings.load(ws, sys, java.util.Map.of()).dbUrl());
        assertEquals("jdbc:postgresql://db/sai", CurationSettings.load(ws, sys, java.util.Map.of("SAI_DB_URL", "jdbc:postgresql://db/sai")).dbUrl());
        CurationSettings embedded = CurationSettings.load(ws, new java.util.Properties(), java.util.Map.of());
        assertTrue(embedded.dbUrl().startsWith("jdbc:h2:file:" + home.resolve("curation/db/sai")), embedded.dbUrl());
        assertEquals(50L * 1024 * 1024, embedded.maxSubmissionBytes());
    }
}
