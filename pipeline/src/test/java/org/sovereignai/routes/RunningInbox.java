package org.sovereignai.routes;

import java.util.Properties;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.sovereignai.curation.Curation;
import org.sovereignai.sources.FetchPolicy;

/** The inbox and submission routes running in the program's Camel runtime, as {@code ./sai serve} runs them. */
final class RunningInbox implements AutoCloseable {
    final CamelRuntime runtime;
    final CamelContext camel;

    RunningInbox(Curation curation, Consumer<String> events) throws Exception {
        this(curation, events, FetchPolicy.defaults());
    }

    /** With the fetch policy for URL lists (loopback allowed in tests). */
    RunningInbox(Curation curation, Consumer<String> events, FetchPolicy fetchPolicy) throws Exception {
        Properties fast = new Properties(); // fast inbox timings, as the child JVMs get them with -D
        fast.setProperty("sai.inbox.delay-ms", "100");
        fast.setProperty("sai.inbox.read-lock-ms", "100");
        runtime = CamelRuntime.of(curation.workspace(), fast,
                new SubmissionRoutes(curation, fetchPolicy), new InboxRoutes(curation, events)).start();
        camel = runtime.context();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
