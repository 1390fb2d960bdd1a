package org.sovereignai.app;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sovereignai.check.Finding;
import org.sovereignai.curation.CurationDatabase;
import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;
import org.sovereignai.sheet.RecordRow;
import org.sovereignai.sheet.SheetException;
import org.sovereignai.sources.BatchFetcher;
import org.sovereignai.sources.CitedUrl;
import org.sovereignai.sources.Evidence;
import org.sovereignai.sources.SourceCheck;
import org.sovereignai.sources.SourceChecker;
import org.sovereignai.sources.SourceStore;
import org.sovereignai.sources.SourcesReport;

/**
 * Use case: fetch every URL the records cite, store the results in the project's database and report dead,
 * redirected and changed sources and claims no source corroborates. The pages are fetched by the runner the door
 * hands in (the command line's is the Camel fetch route).
 */
public final class CheckSources {
    private final Home home;
    private final SourceChecker.Runner runner;
    private final Clock clock;

    public CheckSources(Home home, SourceChecker.Runner runner) {
        this(home, runner, Clock.systemUTC());
    }

    public CheckSources(Home home, SourceChecker.Runner runner, Clock clock) {
        this.home = home;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * @param target   a curator sheet or a release folder; null: the newest release
     * @param database the folder of an embedded database to use instead of the project's (tests, one-off checks); null: the project's
     * @param progress told after every URL, or null
     */
    public SourcesReport run(Path target, Path database, BatchFetcher.Progress progress) throws Exception {
        Path source = target != null ? target : home.newestRelease()
                .orElseThrow(() -> Refusal.usage("no release under snapshots/ yet; name a sheet or a release folder"));
        Schema schema = home.schema();
        List<RecordRow> rows;
        try {
            rows = RecordsFile.read(source, schema);
        } catch (SheetException e) {
            throw e.isIo() ? Refusal.usage(e.getMessage()) : Refusal.data(e.getMessage());
        }
        List<Project> projects = rows.stream().map(RecordRow::project).toList();
        List<CitedUrl> cited = CitedUrl.of(projects);
        List<String> urls = cited.stream().map(CitedUrl::url).distinct().toList();
        try (CurationDatabase db = database == null ? home.openDatabase()
                : CurationDatabase.open(home.settings().withDbUrl(org.sovereignai.curation.CurationSettings.embeddedUrl(database)))) {
            SourceStore store = new SourceStore(db.dataSource());
            SourceChecker.Run run = new SourceChecker(store, runner, clock).check(urls, "check " + source.getFileName(), progress);
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
            return new SourcesReport(run, cited, claims);
        } catch (SQLException e) {
            throw Refusal.usage("the sources database failed: " + e.getMessage());
        }
    }
}
