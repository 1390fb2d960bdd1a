package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;

/**
 * The inbox takes only regular files really inside it: a symbolic link (to a sheet, or to the database file), a hard
 * link and a curator folder that is a link are refused, reported to the curator (rejected/NAME/) and the operator (the
 * event log), and nothing of their target is read, copied or deleted.
 */
class InboxLinksTest {
    @TempDir
    Path home;

    static final String SECRET = "id,notes\nsea-lion,SECRET-ROW\n";

    @Test
    void linksAreRefusedUnreadAndTheirTargetsStayWhereTheyAre() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        List<String> events = new CopyOnWriteArrayList<>();
        try (Curation c = fx.openQuarter(); RunningInbox inbox = new RunningInbox(c, events::add)) {
            Path outside = home.resolve("private/secret.csv");
            Files.createDirectories(outside.getParent());
            Files.writeString(outside, SECRET);
            Path alice = c.workspace().inbox().resolve("alice");
            Files.createDirectories(alice);
            Path db = home.resolve("curation/db/sai.mv.db");
            long dbSize = Files.size(db);

            Path soft = Files.createSymbolicLink(alice.resolve("soft.csv"), outside);
            Path toDb = Files.createSymbolicLink(alice.resolve("db.csv"), db);
            Path hard = Files.createLink(alice.resolve("hard.csv"), outside);
            Path folder = Files.createSymbolicLink(c.workspace().inbox().resolve("mallory"), outside.getParent());

            InboxRouteTest.await(() -> !Files.exists(soft, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(toDb, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.exists(hard), "the links left the inbox");
            InboxRouteTest.await(() -> events.stream().anyMatch(e -> e.contains("mallory") && e.contains("symbolic link")),
                    "the linked folder is named in the operator's log");

            assertEquals(SECRET, Files.readString(outside), "the target is untouched");
            assertTrue(Files.exists(folder.resolve("secret.csv")), "nothing under a linked folder is deleted");
            assertTrue(Files.size(db) >= dbSize);
            assertEquals(0, CurationFixture.submissions(c).size(), "nothing was submitted");
            assertTrue(events.stream().filter(e -> e.contains("refused")).count() >= 3, events.toString());

            List<String> kept = InboxRefusalTest.rejected(c);
            assertEquals(6, kept.size(), "one dated report (txt, json) per link, no copy: " + kept);
            for (String n : kept) {
                assertTrue(n.startsWith("unread-"), n);
                String text = Files.readString(c.workspace().rejected().resolve("alice").resolve(n));
                assertFalse(text.contains("SECRET-ROW"), "nothing of the target is quoted: " + text);
                assertTrue(text.contains("link"), text);
            }
            try (var all = Files.walk(c.workspace().rejected())) {
                assertTrue(all.filter(Files::isRegularFile).noneMatch(p -> p.toString().endsWith(".db")));
            }
        }
    }
}
