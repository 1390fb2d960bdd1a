package org.sovereignai.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing a folder the program made (a release's temporary folder, a preview's scratch copy). */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes {@code p} and everything under it; nothing when it does not exist. A link is removed as a link, never
     * followed ({@link Files#walk} does not follow links), so a link to a published file leaves that file as it was.
     */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return;
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
