package org.sovereignai.sources;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One check run: fetch every URL (conditional GETs against the store), decide each URL's state against its last
 * stored page, and store the run. How the batch is fetched is pluggable: directly with {@link BatchFetcher}, or
 * through the Camel route {@code direct:fetch-sources} (what {@code ./sai sources check} does).
 */
public final class SourceChecker {

    /** Fetches a batch: {@code batchFetcher::fetchAll}, or a Camel producer sending to the fetch route. */
    public interface Runner {
        List<FetchedPage> run(BatchFetcher.Batch batch) throws Exception;
    }

    /** The checks of one run, in the order of the URLs given. */
    public record Run(long runId, String checkedAt, List<SourceCheck> checks) {
    }

    private final SourceStore store;
    private final Runner runner;
    private final Clock clock;

    public SourceChecker(SourceStore store, Runner runner, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
    }

    public Run check(List<String> urls, String label, BatchFetcher.Progress progress) throws Exception {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(urls));
        Map<String, StoredPage> previous = store.pages(distinct);
        Map<String, CachedValidators> cached = new HashMap<>();
        previous.forEach((url, page) -> cached.put(url, page.validators()));
        String checkedAt = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        List<FetchedPage> pages = runner.run(new BatchFetcher.Batch(distinct, cached, progress));
        List<SourceCheck> checks = new ArrayList<>(pages.size());
        for (FetchedPage p : pages) checks.add(SourceCheck.of(p, previous.get(p.outcome().url()), checkedAt));
        long run = store.beginRun(label, checkedAt);
        store.save(run, checks, pages);
        return new Run(run, checkedAt, checks);
    }

    public SourceStore store() {
        return store;
    }
}
