package org.sovereignai.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheTargetWholeAndLeavesNoTemporaryFileBehind(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("latest");
        AtomicFiles.write(target, "2025-Q4\n");
        AtomicFiles.write(target, "2026-Q1\n");
        assertEquals("2026-Q1\n", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void publishedFilesAreReadableByEveryone(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("index.json");
        AtomicFiles.write(target, "{}\n");
        String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
        assertTrue(perms.startsWith("rw-r--r--"), perms);
    }
}
