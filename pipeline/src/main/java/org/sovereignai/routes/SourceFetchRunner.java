package org.sovereignai.routes;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchedPage;
import org.sovereignai.sources.SourceChecker;

/** Runs batches through {@link SourceFetchRoute} in a Camel context of its own; close it to stop the context. */
public final class SourceFetchRunner implements SourceChecker.Runner, AutoCloseable {
    private final CamelContext context;
    private final ProducerTemplate template;

    public SourceFetchRunner(BatchFetcher fetcher) throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new SourceFetchRoute(fetcher));
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<FetchedPage> run(BatchFetcher.Batch batch) throws Exception {
        try {
            return template.requestBody(SourceFetchRoute.ENDPOINT, batch, List.class);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            throw e;
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
