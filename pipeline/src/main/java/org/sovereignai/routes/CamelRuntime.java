package org.sovereignai.routes;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.sovereignai.app.Settings;
import org.sovereignai.curation.Workspace;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchedPage;
import org.sovereignai.sources.SourceChecker;

/**
 * The one way the program runs Camel: a {@link Main} with the routes it is given (added explicitly, no class-path
 * scanning), its properties component reading {@code application.properties} with Camel's environment-variable and
 * system-property overrides ({@link Settings}, the same lookup the one-shot commands use without Camel), plus
 * {@code sai.inbox.dir} for the project's inbox. {@code ./sai serve} {@link #run}s it until stopped; a one-shot door
 * ({@code ./sai submit}, {@code ./sai sources check}) {@link #start}s it, sends its request and {@link #close}s it.
 */
public final class CamelRuntime implements AutoCloseable {
    private final Main main;
    private ProducerTemplate template;

    private CamelRuntime(Main main) {
        this.main = main;
    }

    /** A runtime for this project with these routes; {@code overrides} sit above the file (tests: fast inbox timings). */
    public static CamelRuntime of(Workspace workspace, Properties overrides, RoutesBuilder... routes) {
        Main main = new Main(); // no class-path scanning: new Main(SomeClass.class) would scan and duplicate route ids
        main.setPropertyPlaceholderLocations(Settings.LOCATION);
        main.addInitialProperty("sai.inbox.dir", workspace.inbox().toString());
        if (overrides != null && !overrides.isEmpty()) main.setOverrideProperties(overrides);
        for (RoutesBuilder r : routes) main.configure().addRoutesBuilder(r);
        return new CamelRuntime(main);
    }

    public static CamelRuntime of(Workspace workspace, RoutesBuilder... routes) {
        return of(workspace, null, routes);
    }

    /** Starts the routes and returns; {@link #close} stops them. */
    public CamelRuntime start() throws Exception {
        main.start();
        return this;
    }

    /** Starts the routes and blocks until the process is asked to stop (Ctrl-C, SIGTERM). */
    public void run() throws Exception {
        main.run();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /**
     * Sends a body to an endpoint and waits for the reply. A failure inside the route is rethrown as itself (the
     * use case's refusal or I/O error), not wrapped in Camel's exception.
     */
    public <T> T request(String endpoint, Object body, Map<String, Object> headers, Class<T> type) throws Exception {
        synchronized (this) {
            if (template == null) template = context().createProducerTemplate();
        }
        try {
            return template.requestBodyAndHeaders(endpoint, body, headers == null ? Map.of() : headers, type);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** The pages of a batch, fetched through {@link SourceFetchRoute} (which must be among this runtime's routes). */
    public SourceChecker.Runner fetchRunner() {
        return new SourceChecker.Runner() {
            @Override
            @SuppressWarnings("unchecked")
            public List<FetchedPage> run(BatchFetcher.Batch batch) throws Exception {
                return request(SourceFetchRoute.ENDPOINT, batch, null, List.class);
            }
        };
    }

    @Override
    public void close() throws Exception {
        if (template != null) template.close();
        main.stop();
    }
}
