package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller items of issue 11: each a clear message, never H2's or Java's own. */
class SmallerItemsTest {
    @TempDir
    Path home;

    /** The fixture with its quarter open and its database closed again. */
    private CurationFixture opened() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        fx.openQuarter().close();
        return fx;
    }

    @Test
    void anEmptyCuratorIsRefused() throws Exception {
        CurationFixture fx = opened();
        Path f = fx.write("a.csv", "id,funding_usd\nsea-lion,1\n");
        CurationFixture.Cli r = fx.cli("submit", f.toString(), "--curator", "");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--curator is empty"), r.err());
    }

    @Test
    void aDeviceOrAFifoIsNamedAsNotARegularFile() throws Exception {
        CurationFixture fx = opened();
        CurationFixture.Cli dev = fx.cli("submit", "/dev/null", "--curator", "alice");
        assertEquals(2, dev.code(), dev.out() + dev.err());
        assertTrue(dev.err().contains("is not a regular file"), dev.err());
        Path fifo = home.resolve("pipe.csv");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() == 0) {
            CurationFixture.Cli r = fx.cli("submit", fifo.toString(), "--curator", "alice");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("is not a regular file"), r.err());
        }
    }

    @Test
    void aTruncatedDatabaseFileGivesAPromptMessageNamingTheRecovery() throws Exception {
        CurationFixture fx = opened();
        Path db = home.resolve("curation/db/sai.mv.db");
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        long start = System.nanoTime();
        CurationFixture.Cli r = fx.cli("quarter", "status");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(ms < 10_000, "took " + ms + " ms");
        assertTrue(r.err().contains("is damaged") && r.err().contains("quarter open") && r.err().contains("docs/curation.md"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aLongNameKeepsItsExtensionAndTheDisplayCutNeverSplitsACharacter() {
        String longName = "x".repeat(246) + ".csv";
        assertEquals("csv", FileNames.extension(longName));
        assertEquals(".csv", InboxFiles.safeName(longName).substring(InboxFiles.safeName(longName).length() - 4));
        String emoji = "a".repeat(119) + "\uD83D\uDE00" + "tail.csv";
        String shown = FileNames.display(emoji);
        assertTrue(!Character.isHighSurrogate(shown.charAt(shown.length() - 1)), shown);
        assertEquals(120, shown.codePointCount(0, shown.length()));
    }
}
