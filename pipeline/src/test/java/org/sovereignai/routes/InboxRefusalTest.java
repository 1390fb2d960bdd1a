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

    static List<String> rejected(Curation c) throws Exception {
        try (Stream<Path> s = Files.list(c.workspace().rejected())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
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
            assertEquals(List.of("big.refused-119-bytes.csv", "big.refused-119-bytes.report.json", "big.refused-119-bytes.report.txt"), names);
            assertTrue(Files.readString(c.workspace().rejected().resolve(names.get(2))).contains("larger than"));
            assertEquals(0, CurationFixture.submissions(c).size());
        }
    }

    @Test
    void aFileArrivingWhenNoQuarterIsOpenIsKeptInRejectedWithTheReason() throws Exception {
        CurationFixture fx = new CurationFixture(home);
        try (Curation c = fx.open(); RunningInbox inbox = new RunningInbox(c, line -> { })) {
            Path file = drop(c, "early.csv", "id,funding_usd\nsea-lion,1\n");
            InboxRouteTest.await(() -> !Files.exists(file), "the file left the inbox");
            Path rejected = c.workspace().rejected();
            InboxRouteTest.await(() -> Files.exists(rejected.resolve("early.failed-26-bytes.report.txt")), "the report");
            String report = Files.readString(rejected.resolve("early.failed-26-bytes.report.txt"));
            assertTrue(report.contains("no quarter is open"), report);
            assertEquals("id,funding_usd\nsea-lion,1\n", Files.readString(rejected.resolve("early.failed-26-bytes.csv")));
        }
    }
}
