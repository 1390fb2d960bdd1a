package org.sovereignai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sovereignai.check.Finding;
import org.sovereignai.io.AtomicFiles;
import org.sovereignai.io.Json;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.routes.SourceFetchRunner;
import org.sovereignai.sheet.Columns;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.Row;
import org.sovereignai.sheet.Sheet;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.Candidates;
import org.sovereignai.sources.CitedUrl;
import org.sovereignai.sources.Evidence;
import org.sovereignai.sources.FetchPolicy;
import org.sovereignai.sources.Fetcher;
import org.sovereignai.sources.SourceCheck;
import org.sovereignai.sources.SourceChecker;
import org.sovereignai.sources.SourceStore;
import org.sovereignai.sources.SourcesReport;
import org.sovereignai.sources.UrlList;
import org.sovereignai.sources.UrlSubmission;

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

    static Path home() {
        return Path.of(System.getProperty("sai.home", "."));
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

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return run(spec.commandLine().getOut(), spec.commandLine().getErr());
        }

        abstract Integer run(PrintWriter out, PrintWriter err) throws Exception;
    }

    /** The records of a sheet, or of a release folder's projects.csv, with their positions. */
    static List<RecordRow> readRecords(Path path, Schema schema) throws SheetException {
        Path file = Files.isDirectory(path) ? path.resolve("projects.csv") : path;
        List<RecordRow> out = new ArrayList<>();
        try (Sheet sheet = Sheet.open(file, null)) {
            Columns columns = Columns.of(schema, sheet.header());
            for (Row row = sheet.next(); row != null; row = sheet.next()) {
                out.add(new RecordRow(columns.project(row), row, columns, sheet.position()));
            }
        }
        return out;
    }

    /** The newest release folder under snapshots/, as the release package judges it, or null. */
    static Path newestRelease() throws IOException {
        return org.sovereignai.release.Releases.newest(home().resolve("snapshots"))
                .map(org.sovereignai.release.Releases.Release::folder).orElse(null);
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

        @Option(names = "--db", paramLabel = "DIR", description = "database folder (default: curation/db)")
        Path db;

        @Option(names = "--json", description = "print the report as JSON")
        boolean json;

        @Option(names = "--strict", description = "exit 1 when a source is dead or redirected, or a claim is uncorroborated")
        boolean strict;

        @Override
        Integer run(PrintWriter out, PrintWriter err) throws Exception {
            Path source = target != null ? target : newestRelease();
            if (source == null) {
                err.println("sai sources check: no release under snapshots/ yet; name a sheet or a release folder");
                return Sai.USAGE_OR_IO;
            }
            Schema schema = Schema.bundled();
            List<RecordRow> rows;
            try {
                rows = readRecords(source, schema);
            } catch (SheetException e) {
                err.println("sai sources check: " + e.getMessage());
                return e.isIo() ? Sai.USAGE_OR_IO : Sai.DATA_ERROR;
            }
            List<Project> projects = rows.stream().map(RecordRow::project).toList();
            List<CitedUrl> cited = CitedUrl.of(projects);
            List<String> urls = cited.stream().map(CitedUrl::url).distinct().toList();
            try (SourceStore store = SourceStore.open(db != null ? db : home().resolve(SourceStore.DEFAULT_DIR));
                 SourceFetchRunner runner = new SourceFetchRunner(new BatchFetcher(new Fetcher(fetch.policy())))) {
                SourceChecker checker = new SourceChecker(store, runner, Clock.systemUTC());
                SourceChecker.Run run = checker.check(urls, "check " + source.getFileName(), progress(err));
                Map<String, String> states = new HashMap<>();
                for (SourceCheck k : run.checks()) {
                    states.put(k.url(), k.state() != null ? k.state().value() : "not checked: " + k.failure());
                }
                Evidence evidence = new Evidence(schema);
                List<Finding> claims = new ArrayList<>();
                for (RecordRow r : rows) {
                    // texts are loaded per record, so memory holds a few pages, not every page of the index
                    Map<String, String> texts = store.texts(r.project().list(Schema.SOURCES));
                    claims.addAll(evidence.check(r.project(), texts, states, r::cellOf));
                }
                SourcesReport report = new SourcesReport(run, cited, claims);
                if (json) out.print(Json.write(report.toJson()));
                else report.printText(out);
                out.flush();
                return strict && report.hasProblems() ? Sai.DATA_ERROR : Sai.OK;
            } catch (SQLException e) {
                err.println("sai sources check: the sources database failed: " + e.getMessage());
                return Sai.USAGE_OR_IO;
            }
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
        Integer run(PrintWriter out, PrintWriter err) throws Exception {
            UrlList list;
            try {
                list = UrlList.read(file);
            } catch (IOException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage();
                err.println("sai sources candidates: cannot read " + file + ": " + why);
                return Sai.USAGE_OR_IO;
            }
            for (UrlList.Problem p : list.problems()) err.println("error " + p);
            Schema schema = Schema.bundled();
            List<String> cited = new ArrayList<>();
            Path records = against != null ? against : newestRelease();
            if (records != null) {
                try {
                    for (RecordRow r : readRecords(records, schema)) cited.addAll(r.project().list(Schema.SOURCES));
                } catch (SheetException e) {
                    err.println("sai sources candidates: " + e.getMessage());
                    return Sai.USAGE_OR_IO;
                }
            }
            UrlSubmission.Result result;
            try (SourceFetchRunner runner = new SourceFetchRunner(new BatchFetcher(new Fetcher(fetch.policy())))) {
                result = new UrlSubmission(schema, runner).prepare(list, cited, progress(err));
            }
            Path dir = outDir != null ? outDir : home().resolve("curation").resolve("candidates");
            if (result.sheet() == null) {
                out.println("no new URLs: " + result.alreadyCited() + " already cited, nothing written");
            } else {
                Path written = Candidates.freeName(dir, list.fileName());
                AtomicFiles.write(written, result.sheet());
                out.println(result.candidates() + " candidate records written to " + written + " (" + result.alreadyCited()
                        + " URLs already cited were skipped); complete them and submit the sheet");
            }
            return list.problems().isEmpty() ? Sai.OK : Sai.DATA_ERROR;
        }
    }
}
