package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;

import org.sovereignai.curation.Curation;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.InboxRoutes;
import org.sovereignai.routes.SubmissionRoutes;
import org.sovereignai.sources.FetchPolicy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sai serve}: watches curation/inbox/ until stopped (Ctrl-C); each file goes through the submission route. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Watch curation/inbox/ and submit every file dropped there (inbox/NAME/file.xlsx is credited to NAME; a .txt list"
                + " of URLs becomes candidate records under curation/candidates/). "
                + "Rejected files move to curation/rejected/ beside their report. Stop with Ctrl-C.")
public final class ServeCommand extends CurationCommand {
    @Option(names = "--allow-loopback", hidden = true, description = "tests only: let a URL list's loopback addresses through the address guard")
    boolean allowLoopback;

    @Override
    int execute(Curation cur, PrintWriter out) throws IOException {
        cur.settings().requireValid();
        CamelRuntime camel = CamelRuntime.of(cur.workspace(),
                new SubmissionRoutes(cur, FetchPolicy.defaults().withAllowLoopback(allowLoopback)),
                new InboxRoutes(cur, line -> {
                    out.println(line);
                    out.flush();
                }));
        out.println("watching " + cur.workspace().inbox() + " (Ctrl-C to stop)");
        out.flush();
        try {
            camel.run();
        } catch (Exception e) {
            throw new IOException("the inbox route stopped: " + e.getMessage(), e);
        }
        return 0;
    }
}
