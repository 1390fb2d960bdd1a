package org.sovereignai.routes;

import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.sources.BatchFetcher;

/**
 * {@code direct:fetch-sources}: takes a {@link BatchFetcher.Batch} and answers with the fetched pages, in order.
 * One exchange per batch, not per URL: the batch fetcher's thread pool and host limiter do the fan-out, which costs
 * far less than a Camel split per URL (see docs/benchmarks.md) and keeps the politeness limits in one place.
 */
public final class SourceFetchRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:fetch-sources";
    public static final String ROUTE_ID = "fetch-sources";

    private final BatchFetcher fetcher;

    public SourceFetchRoute(BatchFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId(ROUTE_ID).bean(fetcher, "fetchAll");
    }
}
