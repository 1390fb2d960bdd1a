package org.sovereignai.routes;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.curation.Curation;
import org.sovereignai.sources.FetchPolicy;

/** The inbox and submission routes running in a real Camel context, as {@code ./sai serve} runs them. */
final class RunningInbox implements AutoCloseable {
    final CamelContext camel;

    RunningInbox(Curation curation, Consumer<String> events) throws Exception {
        this(curation, events, FetchPolicy.defaults());
    }

    /** With the fetch policy for URL lists (loopback allowed in tests). */
    RunningInbox(Curation curation, Consumer<String> events, FetchPolicy fetchPolicy) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SubmissionRoutes(curation, fetchPolicy));
        camel.addRoutes(new InboxRoutes(curation, events));
        camel.start();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
