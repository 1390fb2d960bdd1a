package org.sovereignai.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchedPage;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.SourceChecker;
import org.sovereignai.sources.TestSite;

class SourceFetchRouteTest {
    @Test
    void theRouteFetchesABatchAndAnswersInInputOrderWithProgress() throws Exception {
        try (TestSite site = new TestSite()) {
            site.robots("");
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                site.html("/p" + i, "<title>Page " + i + "</title>");
                urls.add(site.url("/p" + i));
            }
            urls.add(site.url("/missing"));
            AtomicInteger progress = new AtomicInteger();
            try (CamelRuntime camel = CamelRuntime.of(new org.sovereignai.curation.Workspace(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))),
                    new SourceFetchRoute(new BatchFetcher(new Fetcher(TestSite.policy())))).start()) {
                SourceChecker.Runner runner = camel.fetchRunner();
                // requestBody returns when the exchange has completed: no sleeping, no polling
                List<FetchedPage> pages = runner.run(new BatchFetcher.Batch(urls, null, (done, total, p) -> progress.incrementAndGet()));
                assertEquals(11, pages.size());
                for (int i = 0; i < 10; i++) assertEquals("Page " + i, pages.get(i).page().title());
                assertEquals(404, pages.get(10).outcome().status());
                assertEquals(11, progress.get());
                assertTrue(site.hitsOn("/robots.txt") == 1);
            }
        }
    }
}
