package org.sovereignai.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sovereignai.io.Hashes;
import org.sovereignai.io.Json;
import org.sovereignai.record.Schema;
import org.sovereignai.release.Manifest;
import org.sovereignai.release.RecordIndex;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.release.ReleaseId;
import org.sovereignai.release.Releases;
import org.sovereignai.sources.SourceRow;
import org.sovereignai.stats.FigureLabels;
import org.sovereignai.stats.Figures;
import org.sovereignai.stats.ReleaseStats;
import org.sovereignai.stats.StatsDelta;
import org.sovereignai.sources.SourcesCsv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Use case: reading the published releases, as consumers see them (the HTTP API, pages): the list of releases, one
 * release's summary and files, its records filtered and paged, one record with its sources, a record across every
 * release with the published provenance of its changes, the diff between two releases, and the exact bytes of any file
 * a manifest lists. Read-only; plain values out. Releases never change once published, so each release's
 * {@link RecordIndex} is built once on first use and kept (the few most recently used).
 */
public final class BrowseReleases {
    /** How many release indexes stay in memory (each about 100 bytes a record). */
    static final int KEPT_INDEXES = 3;
    /** The most records (both releases together) a diff is computed for on request. */
    public static final long MAX_DIFF_RECORDS = 200_000;

    /** One release as the list shows it: its manifest's identity and counts. */
    public record ReleaseSummary(String id, String version, String date, String previous, Map<String, Long> counts,
                                 Map<String, Long> changes) {
    }

    /** A release: its summary, the record contract it was cut against and every file its manifest lists. */
    public record ReleaseDetail(ReleaseSummary summary, String schemaVersion, Map<String, Manifest.FileEntry> files) {
    }

    /** A record as published: its id and its compact JSON object (exactly the line of projects.json). */
    public record PublishedRecord(String id, String json) {
        /** The record's fields as JSON values (strings, numbers, lists), for renderings other than JSON. */
        public JsonNode fields() {
            try {
                return Json.mapper().readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException("projects.json holds a line that is not JSON: " + e.getMessage(), e);
            }
        }
    }

    /** A page of records; {@code next} is the cursor of the following page, null on the last. */
    public record ProjectPage(String release, ProjectQuery query, List<PublishedRecord> records, String next) {
    }

    /** The same page as projects.csv rows: the header and the records' rows as published (newlines included). */
    public record CsvPage(String release, ProjectQuery query, String header, List<String> rows, String next) {
    }

    /** One record of a release and its sources with their check state as the release published it (sources.csv). */
    public record ProjectDetail(String release, PublishedRecord record, List<SourceRow> sources) {
    }

    /**
     * The record in one release: as published there (null when that release removed it) and the change that release
     * made to it (null when none), an entry of its changes.json (op, fields with old and new values, provenance: who
     * proposed and who reviewed).
     */
    public record Appearance(ReleaseSummary release, PublishedRecord record, JsonNode change) {
    }

    public record ProjectHistory(String id, List<Appearance> releases) {
    }

    /**
     * The keyed diff of two releases as changes.json ({@code json}) or CHANGES.md: the release's own published file
     * when {@code from} is the release {@code to} was diffed against (it also carries the provenance, the figures and
     * the source drift), else computed ({@code rendered}). Exactly one of {@code published} and {@code rendered} is set.
     */
    public record ReleaseDiff(String from, String to, boolean json, PublishedFile published, String rendered) {
    }

    /** One figure that moved since the previous release: its label and {@code 60 -> 61 (+1)}, as CHANGES.md lists it. */
    public record FigureChange(String label, String movement) {
    }

    /** A file a manifest lists: where it is, and its published hash and size. */
    public record PublishedFile(String release, String path, Path file, String sha256, long bytes) {
    }

    private final Home home;
    private final Map<ReleaseId, RecordIndex> indexes = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ReleaseId, RecordIndex> eldest) {
            if (size() <= KEPT_INDEXES) return false;
            try {
                eldest.getValue().close();
            } catch (IOException e) {
                // a read-only file that will not close: nothing was written, nothing is lost
            }
            return true;
        }
    };

    /** Manifests by release: read once (a release's files never change), so a file request parses nothing. */
    private final Map<ReleaseId, Manifest> manifests = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<ReleaseId, PublishedFile> manifestFiles = new java.util.concurrent.ConcurrentHashMap<>();

    private final long maxDiffRecords;
    private final int maxTextReads;

    public BrowseReleases(Home home) {
        this(home, MAX_DIFF_RECORDS, ProjectQuery.MAX_TEXT_READS);
    }

    /** With other bounds (tests: the bounds without a million records). */
    BrowseReleases(Home home, long maxDiffRecords, int maxTextReads) {
        this.home = home;
        this.maxDiffRecords = maxDiffRecords;
        this.maxTextReads = maxTextReads;
    }

    public Schema schema() {
        return home.schema();
    }

    /** Every release, oldest first. */
    public List<ReleaseSummary> releases() throws IOException {
        List<ReleaseSummary> out = new ArrayList<>();
        for (Releases.Release r : Releases.list(home.snapshots())) out.add(summary(r.id().toString(), manifest(r)));
        return out;
    }

    /** The newest release's id, judged from the folders (not from {@code latest}). */
    public Optional<String> latest() throws IOException {
        return Releases.newest(home.snapshots()).map(r -> r.id().toString());
    }

    /** @throws Refusal (missing) for an id that is not a published release */
    public ReleaseDetail release(String id) throws IOException {
        Manifest m = manifest(open(id));
        return new ReleaseDetail(summary(m.release(), m), m.schema() == null ? null : m.schema().version(), m.files());
    }

    public ProjectPage projects(String id, ProjectQuery query) throws IOException {
        RecordIndex index = index(id);
        List<PublishedRecord> records = new ArrayList<>();
        String next = scan(index, query, i -> records.add(record(index, i)));
        return new ProjectPage(id, query, records, next);
    }

    public CsvPage projectsCsv(String id, ProjectQuery query) throws IOException {
        RecordIndex index = index(id);
        List<String> rows = new ArrayList<>();
        String next = scan(index, query, i -> rows.add(new String(index.csv(i), StandardCharsets.UTF_8)));
        return new CsvPage(id, query, new String(index.csvHeader(), StandardCharsets.UTF_8), rows, next);
    }

    /** @throws Refusal (missing) for an unknown release or a record the release does not hold */
    public ProjectDetail project(String id, String projectId) throws IOException {
        RecordIndex index = index(id);
        int i = index.find(projectId);
        if (i < 0) throw Refusal.missing("release " + id + " holds no record '" + projectId + "'");
        List<SourceRow> sources = new ArrayList<>();
        byte[] csv = index.sourcesCsv(i);
        try (InputStreamReader r = new InputStreamReader(new java.io.ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            for (SourceRow row : SourcesCsv.read(r, ReleaseFiles.SOURCES_CSV)) if (projectId.equals(row.id())) sources.add(row);
        }
        return new ProjectDetail(id, record(index, i), sources);
    }

    /**
     * The record in every release, oldest first. A release's changes.json is read only where the record changed in it
     * (added, removed, or its published line differs from the previous release's): a first release of a million
     * records has a changes.json of 1.5 GB.
     *
     * @throws Refusal (missing) when no release holds or removed the record
     */
    public ProjectHistory history(String projectId) throws IOException {
        List<Appearance> out = new ArrayList<>();
        byte[] before = null;
        for (Releases.Release r : Releases.list(home.snapshots())) {
            String id = r.id().toString();
            RecordIndex index = index(id);
            int i = index.find(projectId);
            byte[] now = i < 0 ? null : index.json(i);
            boolean changed = now == null ? before != null : before == null || !java.util.Arrays.equals(before, now);
            JsonNode change = changed ? change(r.folder().resolve(ReleaseFiles.CHANGES_JSON), projectId) : null;
            before = now;
            if (now == null && change == null) continue;
            out.add(new Appearance(summary(id, manifest(r)), now == null ? null : new PublishedRecord(projectId,
                    new String(now, StandardCharsets.UTF_8)), change));
        }
        if (out.isEmpty()) throw Refusal.missing("no release holds or removed a record '" + projectId + "'");
        return new ProjectHistory(projectId, out);
    }

    /**
     * The figures that moved since the release's previous one (both stats.json, compared as the release's "Figures"
     * section does); empty for a first release or one without statistics.
     */
    public List<FigureChange> figureChanges(String id) throws IOException {
        Releases.Release r = open(id);
        String previous = manifest(r).previous();
        Optional<Releases.Release> p = previous == null ? Optional.empty() : Releases.read(home.snapshots(), previous);
        Figures before = p.isEmpty() ? null : ReleaseStats.previous(p.get().folder());
        Figures after = ReleaseStats.previous(r.folder());
        if (before == null || after == null) return List.of();
        FigureLabels labels = new FigureLabels(home.schema(), null);
        List<FigureChange> out = new ArrayList<>();
        for (StatsDelta.Change c : StatsDelta.between(before, after).changes()) out.add(new FigureChange(labels.label(c.path()), c.movement()));
        return out;
    }

    /** The diff of two releases, by the one merge pass {@link DiffRecords} uses. */
    public ReleaseDiff diff(String from, String to, boolean json) throws IOException {
        Releases.Release a = open(from, "from");
        Releases.Release b = open(to, "to");
        String file = json ? ReleaseFiles.CHANGES_JSON : ReleaseFiles.CHANGES_MD;
        if (a.id().toString().equals(manifest(b).previous()) && manifest(b).files().containsKey(file)) {
            return new ReleaseDiff(from, to, json, file(to, file), null);
        }
        long records = total(manifest(a)) + total(manifest(b));
        if (records > maxDiffRecords) {
            // the diff and its rendering are held in memory: a server must not do that for any two large releases
            throw Refusal.data("releases " + from + " and " + to + " hold " + records + " records together; a diff is computed on request"
                    + " for at most " + maxDiffRecords + ". Each release's changes.json is its diff from its previous release;"
                    + " for other pairs run ./sai diff on the two folders");
        }
        DiffRecords.Result result = new DiffRecords(home).run(a.folder(), b.folder(), null, Set.of(), List.of(),
                json ? DiffRecords.Format.RELEASE_JSON : DiffRecords.Format.MD);
        return new ReleaseDiff(from, to, json, null, result.rendered());
    }

    private static long total(Manifest m) {
        Long t = m.counts().get("total");
        return t == null ? 0 : t;
    }

    /**
     * A file of the release, only when its manifest lists exactly this path (manifest.json itself too) and it is a
     * regular file inside the release folder, reached without any symbolic link.
     *
     * @throws Refusal (missing) for anything else: the path's form is never echoed into a file system lookup first
     */
    public PublishedFile file(String id, String path) throws IOException {
        Releases.Release r = open(id);
        Manifest m = manifest(r);
        Path folder = r.folder();
        if (ReleaseFiles.MANIFEST_JSON.equals(path)) {
            // not listed in itself: its tag is its own hash, computed once
            return manifestFiles.computeIfAbsent(r.id(), k -> {
                Path f = folder.resolve(path);
                try {
                    return new PublishedFile(id, path, f, Hashes.sha256(f), Files.size(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Manifest.FileEntry entry = path == null ? null : m.files().get(path);
        if (entry == null) throw Refusal.missing("release " + id + " publishes no file '" + path + "'; its manifest lists them");
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder) || !isPlainFileBelow(folder, file)) {
            throw Refusal.missing("release " + id + " publishes no file '" + path + "'");
        }
        return new PublishedFile(id, path, file, entry.sha256(), entry.bytes());
    }

    /** The published file's bytes (small files: stats.json, CHANGES.md, charts). */
    public byte[] bytes(PublishedFile f) throws IOException {
        return Files.readAllBytes(f.file());
    }

    private static boolean isPlainFileBelow(Path folder, Path file) {
        if (Files.isSymbolicLink(folder)) return false;
        for (Path p = file; p != null && !p.equals(folder); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) return false;
        }
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private interface Row {
        void take(int i) throws IOException;
    }

    /** Feeds the matching records after the cursor to {@code row}; returns the next cursor, or null after the last. */
    private String scan(RecordIndex index, ProjectQuery query, Row row) throws IOException {
        int taken = 0;
        int last = -1;
        int read = 0;
        for (int i = query.after() == null ? 0 : index.after(query.after()); i < index.size(); i++) {
            if (!query.matchesFacets(index, i)) continue;
            if (query.q() != null) {
                // the text is in the record, read from the file: a bounded number per page, then a shorter page whose
                // cursor continues the search (a rare word in a million records is many pages, never one long request)
                if (read == maxTextReads) return index.id(i - 1);
                read++;
                if (!matchesText(query, index.json(i))) continue;
            }
            if (taken == query.limit()) return index.id(last);
            row.take(i);
            taken++;
            last = i;
        }
        return null;
    }

    private static boolean matchesText(ProjectQuery query, byte[] json) throws IOException {
        JsonNode n = Json.mapper().readTree(json);
        List<String> aliases = new ArrayList<>();
        for (JsonNode a : n.path(Schema.ALIASES)) aliases.add(a.asText());
        return query.matchesText(n.path(Schema.NAME).asText(null), aliases, n.path("lead_org").asText(null));
    }

    private static PublishedRecord record(RecordIndex index, int i) throws IOException {
        return new PublishedRecord(index.id(i), new String(index.json(i), StandardCharsets.UTF_8));
    }

    private static ReleaseSummary summary(String id, Manifest m) {
        return new ReleaseSummary(id, m.version(), m.date(), m.previous(), m.counts(), m.changes());
    }

    private Releases.Release open(String id) throws IOException {
        return open(id, null);
    }

    private Releases.Release open(String id, String parameter) throws IOException {
        Optional<Releases.Release> r = id == null ? Optional.empty() : Releases.read(home.snapshots(), id);
        if (r.isPresent()) return r.get();
        String known = String.join(", ", releases().stream().map(ReleaseSummary::id).toList());
        String what = parameter == null ? "" : "parameter '" + parameter + "': ";
        if (id == null) throw Refusal.usage(what + "required; a release id, one of: " + known);
        throw Refusal.missing(what + "no release '" + id + "'; published: " + (known.isEmpty() ? "none" : known));
    }

    private Manifest manifest(Releases.Release r) throws IOException {
        Manifest m = manifests.get(r.id());
        if (m == null) {
            m = r.manifest();
            manifests.put(r.id(), m);
        }
        return m;
    }

    /** Builds the release's index now (a server warms the newest release, so its first reader does not wait for it). */
    public void prepare(String id) throws IOException {
        index(id);
    }

    /** The release's index, built on first use (under the lock: two requests never build the same index twice). */
    private RecordIndex index(String id) throws IOException {
        Releases.Release r = open(id);
        synchronized (indexes) {
            RecordIndex index = indexes.get(r.id());
            if (index == null) {
                index = RecordIndex.build(r, home.schema());
                indexes.put(r.id(), index);
            }
            return index;
        }
    }

    /**
     * The record's entry in a changes.json, streamed: each entry's id is read with its field list skipped, the
     * matching entry alone is parsed again from where it starts, and the search stops at the first id after it (the
     * changes are sorted by id).
     */
    private static JsonNode change(Path changesJson, String projectId) throws IOException {
        if (!Files.isRegularFile(changesJson)) return null;
        long start = -1;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(changesJson), 1 << 16);
             JsonParser p = Json.mapper().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (start < 0 && p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!"changes".equals(name) || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (start < 0 && p.nextToken() == JsonToken.START_OBJECT) {
                    long at = p.currentTokenLocation().getByteOffset();
                    String id = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String field = p.currentName();
                        p.nextToken();
                        if ("id".equals(field)) id = p.getValueAsString();
                        else p.skipChildren();
                    }
                    if (projectId.equals(id)) start = at;
                    else if (id != null && id.compareTo(projectId) > 0) return null;
                }
                if (start < 0) return null;
            }
        }
        if (start < 0) return null;
        try (InputStream in = Files.newInputStream(changesJson)) {
            in.skipNBytes(start);
            try (JsonParser p = Json.mapper().createParser(in)) {
                p.nextToken();
                return Json.mapper().readTree(p);
            }
        }
    }
}
