package org.sovereignai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.sovereignai.app.CheckSources;
import org.sovereignai.app.Home;
import org.sovereignai.app.MakeCandidates;
import org.sovereignai.io.Json;
import org.sovereignai.routes.CamelRuntime;
import org.sovereignai.routes.SourceFetchRoute;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.SourcesReport;
import org.sovereignai.sources.UrlList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sai sources check|candidates}: checks the URLs records cite, and turns submitted URLs into candidates. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Check the sources records cite (dead, redirected, changed, uncorroborated claims), or turn a list of URLs into candidate records.",
        subcommands = {SourcesCommand.Check.class, SourcesCommand.CandidatesCmd.class})
public final class SourcesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Fetch options shared by both subcommands. */
    static final class FetchOptions {
        @Option(names = "--concurrency", paramLabel = "N", description = "requests in flight at once over all hosts (default ${DEFAULT-VALUE})")
        int concurrency = FetchPolicy.defaults().globalConcurrency();

        @Option(names = "--timeout-ms", paramLabel = "MS", description = "time for one request, body included (default ${DEFAULT-VALUE})")
        long timeoutMs = FetchPolicy.defaults().totalTimeout().toMillis();

        @Option(names = "--allow-loopback", hidden = true, description = "tests only: let loopback addresses through the address guard")
        boolean allowLoopback;

        FetchPolicy policy() {
            FetchPolicy d = FetchPolicy.defaults();
            return d.withGlobalConcurrency(Math.max(1, concurrency))
                    .withTimeouts(d.connectTimeout().compareTo(Duration.ofMillis(timeoutMs)) < 0 ? d.connectTimeout() : Duration.ofMillis(timeoutMs),
                            Duration.ofMillis(Math.max(1, timeoutMs)))
                    .withAllowLoopback(allowLoopback);
        }
    }

    /** What both subcommands share: the fetch options and the output streams. */
    abstract static class FetchingCommand implements Callable<Integer> {
        @Mixin
        FetchOptions fetch = new FetchOptions();

        @Mixin
        HomeOption home;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(home.home(), spec.commandLine().getOut(), err);
            } catch (RuntimeException e) {
                // a refusal, or the database could not be opened or migrated: one line, never a stack trace
                return Sai.fail(e, err, spec.qualifiedName() + ": ");
            } finally {
                err.flush();
            }
        }

        abstract Integer run(Home home, PrintWriter out, PrintWriter err) throws Exception;

        /** The program's Camel runtime with the fetch route, started: pages are fetched through direct:fetch-sources. */
        CamelRuntime fetchRoute(Home home) throws Exception {
            return CamelRuntime.of(home.workspace(), new SourceFetchRoute(new BatchFetcher(new Fetcher(fetch.policy())))).start();
        }
    }

    /** Shows a bar on a terminal, a plain line per URL otherwise. */
    static BatchFetcher.Progress progress(PrintWriter err) {
        boolean terminal = System.console() != null;
        return (done, total, page) -> {
            if (terminal) {
                int width = 30;
                int filled = total == 0 ? width : (int) ((long) done * width / total);
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
                if (done == total) err.println();
                err.flush();
            } else {
                String what = page.outcome().ok() ? "HTTP " + page.outcome().status() : page.outcome().failure().code();
                err.println("checked " + done + "/" + total + " " + what + " " + page.outcome().url());
            }
        };
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Fetch every URL the records cite, store the results and report dead, redirected and changed sources"
                    + " and uncorroborated claims. Exit 0 when the check ran (1 with --strict and problems), 2 on I/O or usage errors.")
    static final class Check extends FetchingCommand {
        @Parameters(arity = "0..1", paramLabel = "RELEASE|SHEET",
                description = "a curator sheet (CSV/XLSX) or a release folder (its projects.csv); default: the newest release")
        Path target;

        @Option(names = "--db", paramLabel = "DIR",
                description = "folder of an embedded database to store the checks in instead of the project's (default: curation/db/sai, or SAI_DB_URL)")
        Path db;

        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Option(names = "--strict", description = "exit 1 when a source is dead or redirected, or a claim is uncorroborated")
        boolean strict;

        @Override
        Integer run(Home home, PrintWriter out, PrintWriter err) throws Exception {
            SourcesReport report;
            try (CamelRuntime camel = fetchRoute(home)) {
                report = new CheckSources(home, camel.fetchRunner()).run(target, db, progress(err));
            }
            if (json) out.print(Json.write(report.toJson()));
            else report.printText(out);
            out.flush();
            return strict && report.hasProblems() ? Sai.DATA_ERROR : Sai.OK;
        }
    }

    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = "Read a plain list of URLs (.txt, one a line); every URL no record cites yet becomes a candidate record,"
                    + " pre-filled from its page, in a sheet under curation/candidates/ for a curator to complete. Nothing enters the index."
                    + " Exit 0, 1 when some lines are not URLs (the rest are still written), 2 on I/O or usage errors.")
    static final class CandidatesCmd extends FetchingCommand {
        @Parameters(index = "0", paramLabel = "FILE.txt", description = "the list of URLs")
        Path file;

        @Option(names = "--against", paramLabel = "RELEASE|SHEET",
                description = "records whose sources count as already cited (default: the newest release, if any)")
        Path against;

        @Option(names = "--out", paramLabel = "DIR", description = "where to write the candidate sheet (default: curation/candidates)")
        Path outDir;

        @Override
        Integer run(Home home, PrintWriter out, PrintWriter err) throws Exception {
            UrlList list = MakeCandidates.read(file);
            for (UrlList.Problem p : list.problems()) err.println("error " + p);
            MakeCandidates.Result result;
            try (CamelRuntime camel = fetchRoute(home)) {
                result = new MakeCandidates(home, camel.fetchRunner()).run(list, against, outDir, progress(err));
            }
            if (result.written() == null) {
                out.println("no new URLs: " + result.alreadyCited() + " already cited, nothing written");
            } else {
                out.println(result.candidates() + " candidate records written to " + result.written() + " (" + result.alreadyCited()
                        + " URLs already cited were skipped); complete them and submit the sheet");
            }
            return result.problems().isEmpty() ? Sai.OK : Sai.DATA_ERROR;
        }
    }
}
