package org.sovereignai.routes;

import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.sovereignai.curation.Curation;

/** The inbox and submission routes running in a real Camel context, as {@code ./sai serve} runs them. */
final class RunningInbox implements AutoCloseable {
    final CamelContext camel;

    RunningInbox(Curation curation, Consumer<String> events) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new SubmissionRoutes(curation));
        camel.addRoutes(new InboxRoutes(curation, events));
        camel.start();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
