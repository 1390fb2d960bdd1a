package org.sovereignai.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.SheetRecords;

class CandidatesTest {
    @TempDir
    Path dir;
    TestSite site;
    final Candidates candidates = new Candidates(Schema.bundled());

    @BeforeEach
    void start() throws Exception {
        site = TestSite.withNews();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aUrlListSkipsCommentsAndDuplicatesAndReportsBadLines() throws Exception {
        Path txt = dir.resolve("urls.txt");
        Files.writeString(txt, "# from the newsletter\nhttps://a.example/x\n\nhttps://a.example/x\nftp://b.example/\nnot a url\n");
        UrlList list = UrlList.read(txt);
        assertEquals(List.of("https://a.example/x"), list.urls());
        assertEquals(2, list.problems().size());
        assertTrue(list.problems().get(0).toString().startsWith("urls.txt, line 5:"), list.problems().toString());
        assertEquals(5, list.problems().get(0).line());
    }

    @Test
    void urlsAlreadyCitedAreNotCandidates() {
        List<String> fresh = Candidates.uncited(List.of("https://www.example.org/a/", "https://example.org/b"),
                List.of("http://EXAMPLE.org/a"));
        assertEquals(List.of("https://example.org/b"), fresh);
    }

    @Test
    void aCandidateIsPrefilledFromThePageAndSaysEverythingIsAGuess() throws Exception {
        BatchFetcher batch = new BatchFetcher(new Fetcher(TestSite.policy()));
        List<FetchedPage> pages = List.of(batch.fetchOne(site.url("/news"), null), batch.fetchOne(site.url("/missing"), null));
        List<Candidates.Candidate> list = candidates.of(pages);
        Candidates.Candidate c = list.get(0);
        assertEquals("SEA-LION v3 released", c.values().get("name"));
        assertEquals("sea-lion-v3-released", c.values().get("id"));
        assertEquals("2024-12-19", c.values().get("announced"));
        assertEquals(site.url("/news"), c.values().get("sources"));
        assertEquals("llama; gemma", c.values().get("base_models"));
        assertEquals("Apache-2.0", c.values().get("license"));
        assertNull(c.values().get("layer"), "nothing is guessed beyond what the page says");
        assertTrue(c.note().startsWith("CANDIDATE"));
        assertTrue(list.get(1).note().contains("could not be read"), list.get(1).note());

        Path written = candidates.write(dir.resolve("candidates"), "../../evil name.txt", list);
        assertEquals(dir.resolve("candidates").resolve("evil-name.csv"), written, "the file name is made safe");
        Path second = candidates.write(dir.resolve("candidates"), "evil name.txt", list);
        assertEquals("evil-name-2.csv", second.getFileName().toString(), "an existing sheet is never overwritten");
        String text = Files.readString(written, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("id,name,layer,jurisdiction,"), text);
        assertTrue(text.split("\n")[0].endsWith(",_note"));
        assertEquals(2, SheetRecords.read(written, Schema.bundled()).size(), "the sheet reads like any curator sheet");
    }

    @Test
    void jurisdictionComesFromAnObviousCountryDomainOnly() {
        assertEquals("SG", candidates.countryOf("https://www.aisingapore.gov.sg/news"));
        assertEquals("GB", candidates.countryOf("https://www.gov.uk/ai"));
        assertEquals("EU", candidates.countryOf("https://digital-strategy.ec.europa.eu/x"));
        assertNull(candidates.countryOf("https://mistral.ai/news"));
        assertNull(candidates.countryOf("https://huggingface.co/aisingapore"));
        assertNull(candidates.countryOf("https://example.com/"));
        assertNull(candidates.countryOf("http://127.0.0.1:8080/"));
    }
}
