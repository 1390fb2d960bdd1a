package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.curation.Curation;
import org.sovereignai.curation.CurationFixture;

/** Files the inbox cannot take still leave it only for curation/rejected/, beside a report that says why. */
class InboxRefusalTest {
    @TempDir
    Path home;

    static Path drop(Curation c, String name, String content) throws Exception {
        Path dir = c.workspace().inbox().resolve("alice");
        Files.createDirectories(dir);
        Path tmp = dir.resolve(".x.tmp");
        Files.writeString(tmp, content);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The names kept for curator alice: per file SHA16-NAME, and per refusal NAME.STAMP.report.txt and .json. */
    static List<String> rejected(Curation c) {
        Path dir = c.workspace().rejected().resolve("alice");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndMovedBesideItsReport() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = Curation.open(fx.workspace, fx.settings().withMaxSubmissionBytes(50))) {
            c.quarters().open("2026-Q1", "lead");
            try (RunningInbox inbox = new RunningInbox(c, line -> { })) {
                Path file = drop(c, "big.csv", "id,notes\nsea-lion," + "x".repeat(100) + "\n");
                InboxRouteTest.await(() -> !Files.exists(file), "the file left the inbox");
            }
            List<String> names = rejected(c);
            assertEquals(3, names.size(), names.toString());
            assertTrue(names.get(0).matches("[0-9a-f]{16}-big\\.csv"), names.toString());
            assertTrue(names.get(1).startsWith(names.get(0) + ".") && names.get(1).endsWith(".report.json"), names.toString());
            assertTrue(names.get(2).startsWith(names.get(0) + ".") && names.get(2).endsWith(".report.txt"), names.toString());
            assertTrue(Files.readString(c.workspace().rejected().resolve("alice").resolve(names.get(2))).contains("larger than"));
            assertEquals(0, CurationFixture.submissions(c).size());
        }
    }

    @Test
    void aFileArrivingWhenNoQuarterIsOpenIsKeptInRejectedWithTheReason() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.open(); RunningInbox inbox = new RunningInbox(c, line -> { })) {
            Path file = drop(c, "early.csv", "id,funding_usd\nsea-lion,1\n");
            InboxRouteTest.await(() -> !Files.exists(file), "the file left the inbox");
            InboxRouteTest.await(() -> rejected(c).size() == 3, "the copy and its report");
            List<String> names = rejected(c);
            Path dir = c.workspace().rejected().resolve("alice");
            String report = Files.readString(dir.resolve(names.get(2)));
            assertTrue(report.contains("no quarter is open"), report);
            assertEquals("id,funding_usd\nsea-lion,1\n", Files.readString(dir.resolve(names.get(0))));
        }
    }

    /** Two refused files of the same name and size are both kept, each with its own dated report; nothing overwritten. */
    @Test
    void refusedFilesOfTheSameNameAndSizeAreAllKeptUnderTheirContentHash() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.open(); RunningInbox inbox = new RunningInbox(c, line -> { })) {
            Path first = drop(c, "early.csv", "id,funding_usd\nsea-lion,1\n");
            InboxRouteTest.await(() -> !Files.exists(first) && rejected(c).size() == 3, "the first is kept");
            Path second = drop(c, "early.csv", "id,funding_usd\nsea-lion,2\n");
            InboxRouteTest.await(() -> !Files.exists(second) && rejected(c).size() == 6, "the second is kept too");
            Path again = drop(c, "early.csv", "id,funding_usd\nsea-lion,2\n");
            InboxRouteTest.await(() -> !Files.exists(again) && rejected(c).size() == 8, "the same content again: one more report");
            Path dir = c.workspace().rejected().resolve("alice");
            List<String> copies = rejected(c).stream().filter(n -> n.endsWith("-early.csv")).toList();
            assertEquals(2, copies.size(), rejected(c).toString());
            java.util.Set<String> contents = new java.util.HashSet<>();
            for (String n : copies) contents.add(Files.readString(dir.resolve(n)));
            assertEquals(java.util.Set.of("id,funding_usd\nsea-lion,1\n", "id,funding_usd\nsea-lion,2\n"), contents);
            assertEquals(3, rejected(c).stream().filter(n -> n.endsWith(".report.txt")).count(), "one dated report per refusal");
        }
    }
}
