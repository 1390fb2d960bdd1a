package org.sovereignai.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.Schema;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.TestSite;
import org.sovereignai.sources.UrlSubmission;

/**
 * A URL list retried after a crash (archived, candidates made, but no database row yet) reuses what the first attempt
 * kept beside the archive: no second fetch, no second sheet, and a sheet a curator already edited is left alone.
 */
class UrlListIntakeTest {
    @TempDir
    Path home;
    TestSite site;
    Curation curation;
    UrlListIntake intake;
    Path archiveDir;
    Path list;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.withNews();
        curation = new CurationFixture(home).openQuarter();
        intake = new UrlListIntake(curation.workspace(),
                new UrlSubmission(Schema.bundled(), new BatchFetcher(new Fetcher(TestSite.policy()))::fetchAll));
        archiveDir = home.resolve("curation/submissions/2026-Q1/abc");
        list = archiveDir.resolve("original.txt");
        Files.createDirectories(archiveDir);
        Files.writeString(list, site.namedUrl("/news") + "\n");
    }

    @AfterEach
    void stop() {
        curation.close();
        site.close();
    }

    UrlListIntake.Outcome take() throws Exception {
        QuarterInfo q = curation.quarters().requireOpen();
        Draft draft = curation.repository().read(c -> Draft.load(c, curation.repository(), curation.schema(), q));
        return intake.take(list, "links.txt", archiveDir, draft);
    }

    List<String> sheets() throws Exception {
        try (Stream<Path> s = Files.list(curation.workspace().candidates())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRetryReusesTheKeptSheetWithoutFetchingAgainOrWritingASecondOne() throws Exception {
        UrlListIntake.Outcome first = take();
        assertEquals("curation/candidates/links.csv", first.sheet());
        Path sheet = home.resolve(first.sheet());
        String made = Files.readString(sheet);
        assertEquals(made, Files.readString(archiveDir.resolve("candidates.csv")));

        UrlListIntake.Outcome again = take();
        assertEquals(first.message("S1"), again.message("S1"));
        assertEquals(1, site.hitsOn("/news"));
        assertEquals(List.of("links.csv"), sheets());

        Files.delete(sheet); // the crash came before the sheet was published
        take();
        assertEquals(made, Files.readString(sheet));

        Files.writeString(sheet, "edited by a curator\n");
        take();
        assertEquals("edited by a curator\n", Files.readString(sheet), "never overwritten");
        assertEquals(List.of("links.csv"), sheets());
        assertTrue(again.message("S1").contains("1 candidate record(s) written to curation/candidates/links.csv"), again.message("S1"));
    }
}
