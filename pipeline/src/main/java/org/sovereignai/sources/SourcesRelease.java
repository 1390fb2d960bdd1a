package org.sovereignai.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.ReleaseArtifact;
import org.sovereignai.release.ReleaseContext;
import org.sovereignai.release.SourceColumns;

/**
 * What the source checks add to a release: the check columns of {@code sources.csv} and the drift since the previous
 * release. The entry point for {@code sai release}:
 *
 * <pre>{@code
 * SourcesRelease sources = home.sourcesRelease();             // app.Home: SourcesRelease.open(its database), or none()
 * ReleaseRequest req = ReleaseRequest.of(id, sheet, snapshots, date)
 *         .withSources(sources.columns())
 *         .withArtifacts(List.of(statsArtifact, sources.artifact()));
 * Releases.publish(req);
 * }</pre>
 *
 * <ul>
 *   <li>{@link #open} reads the checks {@code sai sources check} stored in the project's database once: the newest
 *       run's latest check of every URL. With no check stored (or no database: {@code app.Home} then creates none) it
 *       is {@link #none()}: blank check columns, no drift, changes.json and CHANGES.md exactly as without this
 *       artifact.</li>
 *   <li>{@link #columns()}: sources.csv's {@code status, final_url, title, published, checked_at, fingerprint, state}
 *       for each (record, URL), from the newest stored check of that URL; blank when never checked.</li>
 *   <li>{@link #artifact()}: compares the previous release's {@code sources.csv} with this release's rows (the same
 *       checks) using {@link SourceDrift}. {@code changes.json} gets a top-level {@code sourceDrift} list (id, url,
 *       kind {@code died|redirected|changed}, {@code old}/{@code new} state, status, final_url, fingerprint,
 *       checked_at), present, possibly empty, whenever there is a previous release and a stored check; CHANGES.md gets a
 *       "Sources to recheck" section only when something drifted. It writes no file of its own.</li>
 * </ul>
 *
 * Deterministic: everything comes from the stored checks (their {@code checked_at} is the only time in it) and
 * the release's records, so publishing twice from the same store gives the same bytes.
 */
public final class SourcesRelease {
    /** The top-level key of changes.json that lists the drift. */
    public static final String CHANGES_JSON_KEY = "sourceDrift";

    private final Map<String, SourceCheck> checks;
    private final OptionalLong run;
    private final boolean present;

    private SourcesRelease(Map<String, SourceCheck> checks, OptionalLong run, boolean present) {
        this.checks = checks;
        this.run = run;
        this.present = present;
    }

    /** No stored checks: blank check columns, no drift, nothing added to changes.json or CHANGES.md. */
    public static SourcesRelease none() {
        return new SourcesRelease(Map.of(), OptionalLong.empty(), false);
    }

    /**
     * Reads the newest run's checks from the project's database; {@link #none()} when no check was ever stored there
     * (a database that only holds curation work changes nothing in a release).
     */
    public static SourcesRelease open(DataSource database) throws IOException {
        try {
            SourceStore store = new SourceStore(database);
            OptionalLong run = store.latestRun();
            return run.isEmpty() ? none() : of(store, run);
        } catch (SQLException e) {
            throw new IOException("cannot read the stored source checks: " + e.getMessage(), e);
        }
    }

    /** The checks of a store as of a run (empty: the newest run); for callers that own the store. */
    public static SourcesRelease of(SourceStore store, OptionalLong asOfRun) throws SQLException {
        OptionalLong run = asOfRun.isPresent() ? asOfRun : store.latestRun();
        Map<String, SourceCheck> checks = run.isPresent() ? store.latestChecks(run.getAsLong()) : Map.of();
        return new SourcesRelease(Map.copyOf(checks), run, true);
    }

    /** The check columns of sources.csv for (record, URL). */
    public SourceColumns columns() {
        return (id, url) -> {
            SourceCheck k = checks.get(url);
            if (k == null) return Map.of();
            List<String> cells = SourceRow.of(new CitedUrl(id, url), k).cells();
            Map<String, String> m = new HashMap<>();
            for (int i = 2; i < SourceRow.HEADER.size(); i++) m.put(SourceRow.HEADER.get(i), cells.get(i));
            return m;
        };
    }

    /** The drift section of CHANGES.md and the {@code sourceDrift} key of changes.json. */
    public ReleaseArtifact artifact() {
        return new ReleaseArtifact() {
            @Override
            public void write(ReleaseContext ctx, Path dir) {
                // sources.csv is a core file, filled through columns(); nothing else to write
            }

            @Override
            public Optional<ChangesReport.Section> changesSection(ReleaseContext ctx) throws IOException {
                List<SourceDrift.Entry> drift = drift(ctx);
                return drift.isEmpty() ? Optional.empty()
                        : Optional.of(new ChangesReport.Section(SourceDrift.TITLE, "Sources that died, moved to another site or"
                        + " changed since " + ctx.previous().id() + ", per record: recheck these records first.\n\n"
                        + SourceDrift.markdownBody(drift)));
            }

            @Override
            public Map<String, Object> changesJson(ReleaseContext ctx) throws IOException {
                if (!present || ctx.previous() == null) return Map.of();
                List<Object> entries = new ArrayList<>();
                for (SourceDrift.Entry e : drift(ctx)) entries.add(e.toJson());
                return Map.of(CHANGES_JSON_KEY, entries);
            }
        };
    }

    /** What changed between the previous release's sources.csv and this release's rows. */
    public List<SourceDrift.Entry> drift(ReleaseContext ctx) throws IOException {
        if (!present || ctx.previous() == null) return List.of();
        Path previous = ctx.previousFolder().resolve(org.sovereignai.release.ReleaseFiles.SOURCES_CSV);
        if (!Files.isRegularFile(previous)) return List.of();
        return SourceDrift.between(SourcesCsv.read(previous), rows(CitedUrl.of(ctx.records())));
    }

    /** sources.csv rows for these cited URLs, from the loaded checks. */
    public List<SourceRow> rows(List<CitedUrl> cited) {
        List<SourceRow> out = new ArrayList<>(cited.size());
        for (CitedUrl c : cited) out.add(SourceRow.of(c, checks.get(c.url())));
        return out;
    }

    /** One line for the release command's output. */
    public String describe() {
        if (!present || run.isEmpty()) return "sources: no stored source checks (run 'sai sources check'); sources.csv check columns left blank";
        return "sources: sources.csv filled from check run " + run.getAsLong() + " (" + checks.size() + " URLs checked)";
    }
}
