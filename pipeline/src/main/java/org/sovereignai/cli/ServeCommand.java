package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.RoutesBuilder;
import org.sovereignai.app.HttpSettings;
import org.sovereignai.curation.Curation;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.InboxRoutes;
import org.sovereignai.routes.SubmissionRoutes;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.web.HttpServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sai serve}: in one process, watches curation/inbox/ (each file goes through the submission route) and serves
 * the releases over HTTP (the read-only API, {@code /observe/health}) until stopped (Ctrl-C).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the releases over HTTP (the API under /api/v1, health at /observe/health) and watch curation/inbox/,"
                + " submitting every file dropped there (inbox/NAME/file.xlsx is credited to NAME; a .txt list"
                + " of URLs becomes candidate records under curation/candidates/). "
                + "Every file gets a dated report in curation/reports/NAME/; rejected files move to curation/rejected/NAME/"
                + " beside theirs. Stop with Ctrl-C.")
public final class ServeCommand extends CurationCommand {
    @Option(names = "--port", paramLabel = "N", description = "TCP port to listen on (default: sai.http.port, 8080)")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "address to listen on (default: sai.http.host, 127.0.0.1; 0.0.0.0 for every interface)")
    String host;

    @Option(names = "--allow-loopback", hidden = true, description = "tests only: let a URL list's loopback addresses through the address guard")
    boolean allowLoopback;

    @Override
    int execute(Curation cur, PrintWriter out) throws IOException {
        cur.settings().requireValid();
        HttpServer http = new HttpServer(HttpSettings.load(host, port, null)).withUploads(cur.settings().maxSubmissionBytes());
        http.checkAddress();
        List<RoutesBuilder> routes = new ArrayList<>(List.of(
                new SubmissionRoutes(cur, FetchPolicy.defaults().withAllowLoopback(allowLoopback)),
                new InboxRoutes(cur, line -> {
                    out.println(line);
                    out.flush();
                })));
        routes.addAll(List.of(http.routes(home.home())));
        CamelRuntime camel = CamelRuntime.of(cur.workspace(), http.camelProperties(), routes.toArray(RoutesBuilder[]::new));
        String base = http.settings().baseUrl(http.settings().port());
        out.println("serving " + base + "/api/v1/releases (health: " + base + "/observe/health)");
        out.println("watching " + cur.workspace().inbox() + " (Ctrl-C to stop)");
        out.flush();
        try {
            camel.run();
        } catch (Exception e) {
            throw new IOException("the server stopped: " + e.getMessage(), e);
        }
        return 0;
    }
}
