package org.sovereignai.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Properties;

import org.apache.camel.RoutesBuilder;
import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.Home;
import org.sovereignai.app.HttpSettings;
import org.sovereignai.curation.CurationException;

/**
 * The HTTP door as {@code ./sai serve} adds it to the program's one Camel Main: the Camel properties that turn on
 * the embedded server (camel-platform-http-main: {@code camel.server.*}) and its health check at
 * {@code /observe/health} (the management server on the same address), and the routes.
 */
public final class HttpServer {
    /** The read-only API's requests and the curation API's JSON bodies are small; larger ones are refused by the server. */
    static final long MAX_BODY = 64 * 1024;
    /** What a multipart request adds around the file: boundaries, part headers, the note. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final HttpSettings settings;
    private final long maxBody;

    public HttpServer(HttpSettings settings) {
        this(settings, MAX_BODY);
    }

    private HttpServer(HttpSettings settings, long maxBody) {
        this.settings = settings;
        this.maxBody = maxBody;
    }

    /**
     * The server taking uploads up to {@code maxSubmissionBytes} (sai.submission.max-bytes). The limit is the one
     * server's (Vert.x's body handler, for every route), so it is the submission cap plus the multipart framing;
     * the submission step checks the file itself against the cap and answers 413 with the setting's name.
     */
    public HttpServer withUploads(long maxSubmissionBytes) {
        return new HttpServer(settings, Math.max(MAX_BODY, maxSubmissionBytes + MULTIPART_OVERHEAD));
    }

    public HttpSettings settings() {
        return settings;
    }

    /**
     * Fails with one line when the address cannot be listened on (busy port, unknown or foreign address), before
     * Camel starts, so the user sees that and not a server's stack trace. (The port could still be taken in between;
     * then Camel's own error stops the program.)
     */
    public void checkAddress() {
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.host());
        } catch (UnknownHostException | SecurityException e) {
            throw CurationException.usage("cannot listen on '" + settings.host() + "': not an address of this machine");
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(address, settings.port()));
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (why.toLowerCase(java.util.Locale.ROOT).contains("in use")) why = "the port is already in use (another ./sai serve?); choose one with --port";
            throw CurationException.usage("cannot listen on " + settings.host() + ":" + settings.port() + ": " + why);
        }
    }

    /** Camel Main's properties for the server, above application.properties. */
    public Properties camelProperties() {
        Properties p = new Properties();
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.host", settings.host());
        p.setProperty("camel.server.port", Integer.toString(settings.port()));
        p.setProperty("camel.server.maxBodySize", Long.toString(maxBody));
        p.setProperty("camel.management.enabled", "true");
        p.setProperty("camel.management.host", settings.host());
        p.setProperty("camel.management.port", Integer.toString(settings.port()));
        p.setProperty("camel.management.healthCheckEnabled", "true");
        p.setProperty("camel.management.infoEnabled", "false");
        return p;
    }

    /**
     * Indexes the newest release on a background thread (1M records: about 5-10 s), so the first request does not pay
     * for it; a request that comes earlier waits for the same build. Failures are left for that request to report.
     */
    private static void warm(BrowseReleases browse) {
        Thread t = new Thread(() -> {
            try {
                String latest = browse.latest().orElse(null);
                if (latest != null) browse.prepare(latest);
            } catch (IOException | RuntimeException e) {
                // the request that needs the index will build it again and answer with the reason
            }
        }, "sai-index-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * The API's and the pages' routes over the project's releases (one {@link BrowseReleases}: one cache of indexes),
     * and the curation endpoints over its workflow (the database opened on their first request).
     */
    public RoutesBuilder[] routes(Home home) {
        String base = settings.baseUrl(settings.port());
        BrowseReleases browse = new BrowseReleases(home);
        warm(browse);
        ReleaseApi api = new ReleaseApi(browse, base);
        Workflow workflow = new Workflow(home, settings.sessionIdle());
        Authentication auth = new Authentication(workflow, settings.secure());
        return new RoutesBuilder[] {new ApiRoutes(api, java.net.URI.create(base), new CurationApi(workflow, auth)), new Fallback(),
                new PageRoutes(browse, new CurationPages(workflow, auth))};
    }
}
