package org.sovereignai.sources;

import java.util.List;
import java.util.Map;

import org.sovereignai.record.Schema;

/**
 * A URL list turned into candidate records: the URLs no record cites yet are fetched (through the runner given: the
 * Camel fetch route or a {@link BatchFetcher}) and pre-filled from their pages by {@link Candidates}. Shared by
 * {@code sai sources candidates} and the curation doors ({@code sai submit}, the inbox); where the sheet goes is the
 * caller's business.
 */
public final class UrlSubmission {
    private final Candidates candidates;
    private final SourceChecker.Runner runner;

    public UrlSubmission(Schema schema, SourceChecker.Runner runner) {
        this.candidates = new Candidates(schema);
        this.runner = runner;
    }

    /**
     * What a list yields.
     *
     * @param fresh        the URLs no record cites yet, in list order
     * @param alreadyCited how many URLs of the list some record already cites
     * @param sheet        the candidate sheet's text (CSV), or null when there is no fresh URL
     * @param unreadable   how many fresh URLs could not be fetched (their rows carry only the URL and a note)
     */
    public record Result(List<String> fresh, int alreadyCited, String sheet, int unreadable) {
        public int candidates() {
            return fresh.size();
        }
    }

    /** Fetches the list's uncited URLs and renders the candidate sheet; nothing is written. */
    public Result prepare(UrlList list, Iterable<String> citedUrls, BatchFetcher.Progress progress) throws Exception {
        List<String> fresh = Candidates.uncited(list.urls(), citedUrls);
        int already = list.urls().size() - fresh.size();
        if (fresh.isEmpty()) return new Result(fresh, already, null, 0);
        List<FetchedPage> pages = runner.run(new BatchFetcher.Batch(fresh, Map.of(), progress));
        int unreadable = (int) pages.stream().filter(p -> !p.outcome().ok() || p.page() == null).count();
        return new Result(fresh, already, candidates.render(candidates.of(pages)), unreadable);
    }
}
