package org.sovereignai.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.ProjectQuery;
import org.sovereignai.app.Refusal;
import org.sovereignai.io.Json;
import org.sovereignai.record.FieldSpec;
import org.sovereignai.record.FieldType;
import org.sovereignai.record.Layer;
import org.sovereignai.record.Schema;
import org.sovereignai.release.ChangesReport;
import org.sovereignai.release.Manifest;
import org.sovereignai.release.Provenance;
import org.sovereignai.release.ReleaseFiles;
import org.sovereignai.sources.SourceRow;
import org.sovereignai.stats.ReleaseStats;
import org.sovereignai.web.pages.Views.Appearance;
import org.sovereignai.web.pages.Views.Change;
import org.sovereignai.web.pages.Views.Download;
import org.sovereignai.web.pages.Views.ErrorPage;
import org.sovereignai.web.pages.Views.Field;
import org.sovereignai.web.pages.Views.FieldChange;
import org.sovereignai.web.pages.Views.Figure;
import org.sovereignai.web.pages.Views.Filter;
import org.sovereignai.web.pages.Views.Hit;
import org.sovereignai.web.pages.Views.Link;
import org.sovereignai.web.pages.Views.Option;
import org.sovereignai.web.pages.Views.ProjectPage;
import org.sovereignai.web.pages.Views.ReleaseList;
import org.sovereignai.web.pages.Views.ReleasePage;
import org.sovereignai.web.pages.Views.ReleaseRow;
import org.sovereignai.web.pages.Views.SearchPage;
import org.sovereignai.web.pages.Views.Source;

/**
 * The pages for people: the release list, a release, a project, a search over a release, and the error page. Each
 * is read through {@link BrowseReleases} (the same use case as the JSON API, so a page and its JSON twin cannot
 * disagree) and laid out by a template; every value reaches the HTML through jte's escaping.
 */
public final class Pages {
    /** A release page shows this many changes; the change report (CHANGES.md, changes.json) has them all. */
    static final int CHANGES_SHOWN = 100;
    /** The figures a release page shows: stats.json's paths and their labels, in page order. */
    private static final Map<String, String> FIGURES = figures();

    private final BrowseReleases browse;
    private final Templates templates = new Templates();

    public Pages(BrowseReleases browse) {
        this.browse = browse;
    }

    public Schema schema() {
        return browse.schema();
    }

    /** {@code /}: every release, newest first. */
    public String releases() throws IOException {
        List<ReleaseRow> rows = new ArrayList<>();
        for (BrowseReleases.ReleaseSummary s : browse.releases()) rows.add(0, row(s));
        return render("releases.jte", new ReleaseList(rows, browse.latest().orElse(null)));
    }

    /** {@code /releases/ID}. */
    public String release(String id) throws IOException {
        BrowseReleases.ReleaseDetail detail = browse.release(id);
        ReleaseRow row = row(detail.summary());
        List<Link> charts = new ArrayList<>();
        List<Download> downloads = new ArrayList<>();
        for (Map.Entry<String, Manifest.FileEntry> f : new java.util.TreeMap<>(detail.files()).entrySet()) {
            String href = fileHref(id, f.getKey());
            downloads.add(new Download(f.getKey(), href, size(f.getValue().bytes()), f.getValue().sha256()));
            if (f.getKey().startsWith("charts/") && f.getKey().endsWith(".svg")) charts.add(new Link(href, chartTitle(f.getKey())));
        }
        List<Link> reports = new ArrayList<>();
        for (String report : List.of(ReleaseFiles.CHANGES_MD, ReleaseFiles.CHANGES_JSON, ReleaseStats.STATS_MD)) {
            if (detail.files().containsKey(report)) reports.add(new Link(fileHref(id, report), report));
        }
        long total = detail.summary().changes().getOrDefault("added", 0L) + detail.summary().changes().getOrDefault("modified", 0L)
                + detail.summary().changes().getOrDefault("removed", 0L);
        return render("release.jte", new ReleasePage(row, detail.schemaVersion(), figures(detail), browse.figureChanges(id), charts,
                changes(id, detail), total, reports, downloads, new Link("/releases/" + id + "/projects", "browse its projects")));
    }

    /** {@code /releases/ID/projects/PID}. */
    public String project(String id, String projectId) throws IOException {
        BrowseReleases.ProjectDetail detail = browse.project(id, projectId);
        JsonNode record = detail.record().fields();
        Schema schema = browse.schema();
        List<Field> fields = new ArrayList<>();
        for (FieldSpec f : schema.fields()) {
            JsonNode v = record.get(f.name());
            if (v == null || v.isNull()) continue;
            if (f.type() == FieldType.URL && v.isArray()) {
                for (JsonNode url : v) fields.add(new Field(f.name(), url.asText(), isWebLink(url.asText())));
            } else {
                fields.add(new Field(f.name(), text(v), f.type() == FieldType.URL && isWebLink(v.asText())));
            }
        }
        List<Source> sources = new ArrayList<>();
        for (SourceRow s : detail.sources()) {
            sources.add(new Source(s.url(), blankToNull(s.title()), s.state() == null ? "not checked" : s.state().toString(),
                    s.status() == null ? "—" : s.status().toString(), orDash(s.checkedAt()), orDash(s.fingerprint())));
        }
        List<Appearance> history = new ArrayList<>();
        for (BrowseReleases.Appearance a : browse.history(projectId).releases()) {
            String release = a.release().id();
            String href = a.record() == null ? "/releases/" + release : projectHref(release, projectId);
            String op = a.change() == null ? "unchanged" : a.change().path("op").asText();
            history.add(new Appearance(release, href, a.release().date(), op, "modified".equals(op) ? fieldChanges(a.change()) : List.of()));
        }
        String name = record.path(Schema.NAME).asText(projectId);
        return render("project.jte", new ProjectPage(id, "/releases/" + id, projectId, name, fields, sources, history));
    }

    /** {@code /releases/ID/projects?layer=&jurisdiction=&family=&status=&q=&limit=&next=}. */
    public String search(String id, ProjectQuery query) throws IOException {
        BrowseReleases.ProjectPage page = browse.projects(id, query);
        List<Hit> hits = new ArrayList<>();
        for (BrowseReleases.PublishedRecord r : page.records()) {
            JsonNode n = r.fields();
            hits.add(new Hit(r.id(), projectHref(id, r.id()), n.path(Schema.NAME).asText(r.id()), n.path("layer").asText(""),
                    n.path(Schema.JURISDICTION).asText(""), n.path("status").asText(""), n.path("lead_org").asText("")));
        }
        Schema schema = browse.schema();
        List<Filter> filters = List.of(
                choice("layer", "layer", query.layer(), Layer.values(), Layer::value),
                vocabulary(schema, "jurisdiction", "jurisdiction", Schema.JURISDICTION, query.jurisdiction()),
                vocabulary(schema, "family", "base family", "base_models", query.family()),
                vocabulary(schema, "status", "status", "status", query.status()),
                new Filter("q", "name, alias or lead organisation", query.q() == null ? "" : query.q(), List.of()));
        String params = query(query.canonical(), null);
        String next = page.next() == null ? null : searchHref(id, query, page.next());
        return templates.render("search.jte", Map.of(
                "view", new SearchPage(id, "/releases/" + id, filters, hits, next),
                "jsonTwin", "/api/v1/releases/" + id + "/projects" + params,
                "nextHref", next == null ? "" : next).entrySet().stream()
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), "".equals(e.getValue()) ? null : e.getValue()), Map::putAll));
    }

    /** The HTML page for a refusal or an unknown address: the status, title and detail the API's problem would carry. */
    public String error(int status, String title, String detail) {
        return render("error.jte", new ErrorPage(status, title, detail));
    }

    private String render(String template, Object view) {
        return templates.render(template, Map.of("view", view));
    }

    private static ReleaseRow row(BrowseReleases.ReleaseSummary s) {
        return new ReleaseRow(s.id(), "/releases/" + s.id(), s.version(), s.date(), s.previous(), s.counts(), s.changes());
    }

    /** The headline figures of stats.json, each with its change since the previous release's stats.json. */
    private List<Figure> figures(BrowseReleases.ReleaseDetail detail) throws IOException {
        JsonNode now = stats(detail.summary().id());
        JsonNode before = detail.summary().previous() == null ? null : stats(detail.summary().previous());
        List<Figure> out = new ArrayList<>();
        if (now == null) return out;
        for (Map.Entry<String, String> f : FIGURES.entrySet()) {
            JsonNode v = now.at(f.getKey());
            if (!v.isNumber()) continue;
            String delta = null;
            if (before != null) {
                JsonNode b = before.at(f.getKey());
                long d = v.asLong() - (b.isNumber() ? b.asLong() : 0);
                delta = d == 0 ? "±0" : (d > 0 ? "+" : "−") + Math.abs(d);
            }
            out.add(new Figure(f.getValue(), v.asText(), delta));
        }
        return out;
    }

    private JsonNode stats(String release) throws IOException {
        try {
            return Json.mapper().readTree(browse.bytes(browse.file(release, ReleaseStats.STATS_JSON)));
        } catch (Refusal e) {
            return null; // a release published before stats existed: no figures, not an error
        }
    }

    /** The first {@link #CHANGES_SHOWN} entries of the release's changes.json, streamed (a first release lists every record). */
    private List<Change> changes(String id, BrowseReleases.ReleaseDetail detail) throws IOException {
        List<Change> out = new ArrayList<>();
        if (!detail.files().containsKey(ReleaseFiles.CHANGES_JSON)) return out;
        BrowseReleases.PublishedFile file = browse.file(id, ReleaseFiles.CHANGES_JSON);
        try (InputStream in = Files.newInputStream(file.file()); JsonParser p = Json.mapper().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!"changes".equals(name) || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (out.size() < CHANGES_SHOWN && p.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode c = Json.mapper().readTree(p);
                    String pid = c.path("id").asText();
                    String op = c.path("op").asText();
                    String title = nameOf(c).orElseGet(() -> currentName(id, pid));
                    String href = "removed".equals(op) ? "/releases/" + detail.summary().previous() + "/projects/" + pid : projectHref(id, pid);
                    out.add(new Change(op, pid, href, title, "modified".equals(op) ? fieldChanges(c) : List.of()));
                }
                break;
            }
        }
        return out;
    }

    /** The record's name in the release, for a change that did not touch it. */
    private String currentName(String release, String projectId) {
        try {
            return browse.project(release, projectId).record().fields().path(Schema.NAME).asText(projectId);
        } catch (IOException | RuntimeException e) {
            return projectId; // a name is a courtesy here: the id still identifies the record
        }
    }

    /** The record's name as the change shows it: the new name, else the old one (a removed record). */
    private static Optional<String> nameOf(JsonNode change) {
        for (JsonNode f : change.path("fields")) {
            if (!Schema.NAME.equals(f.path("field").asText())) continue;
            JsonNode v = f.path("new").isNull() || f.path("new").isMissingNode() ? f.path("old") : f.path("new");
            if (v.isTextual()) return Optional.of(v.asText());
        }
        return change.path("name").isTextual() ? Optional.of(change.path("name").asText()) : Optional.empty();
    }

    private static List<FieldChange> fieldChanges(JsonNode change) {
        List<FieldChange> out = new ArrayList<>();
        if (change == null) return out;
        for (JsonNode f : change.path("fields")) {
            JsonNode p = f.path("provenance");
            String credit = p.isMissingNode() ? "" : new Provenance(textOrNull(p, "curator"), textOrNull(p, "submission"),
                    textOrNull(p, "cell"), textOrNull(p, "reviewer")).credit();
            out.add(new FieldChange(f.path("field").asText(), text(f.get("old")), text(f.get("new")), credit));
        }
        return out;
    }

    /** A published value as text, the way CHANGES.md writes it. */
    static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return ChangesReport.text(null);
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode i : v) items.add(i.isNumber() ? i.decimalValue().toPlainString() : i.asText());
            return ChangesReport.text(items);
        }
        return ChangesReport.text(v.isNumber() ? v.decimalValue() : v.asText());
    }

    private static String textOrNull(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> Filter choice(String parameter, String label, String value, T[] values, Function<T, String> name) {
        List<Option> options = new ArrayList<>();
        for (T v : values) options.add(new Option(name.apply(v), name.apply(v).equals(value)));
        return new Filter(parameter, label, value == null ? "" : value, options);
    }

    private static Filter vocabulary(Schema schema, String parameter, String label, String field, String value) {
        FieldSpec spec = schema.require(field);
        List<Option> options = new ArrayList<>();
        if (spec.vocabulary() != null) {
            for (String v : schema.vocabulary(spec.vocabulary()).values()) options.add(new Option(v, v.equals(value)));
        }
        return new Filter(parameter, label, value == null ? "" : value, options);
    }

    /** The query string of a search: the canonical parameters, with {@code next} replaced by the given cursor. */
    private static String query(Map<String, String> canonical, String next) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, String>> it = canonical.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, String> e = it.next();
            if (e.getKey().equals("next")) continue;
            if (e.getKey().equals("limit") && e.getValue().equals(Integer.toString(ProjectQuery.DEFAULT_LIMIT))) continue;
            sb.append(sb.isEmpty() ? '?' : '&').append(e.getKey()).append('=').append(encode(e.getValue()));
        }
        if (next != null) sb.append(sb.isEmpty() ? '?' : '&').append("next=").append(encode(next));
        return sb.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The search page's address for this query, starting after {@code next} (null: from the first record). */
    public static String searchHref(String release, ProjectQuery query, String next) {
        return "/releases/" + release + "/projects" + query(query.canonical(), next);
    }

    static String projectHref(String release, String projectId) {
        return "/releases/" + release + "/projects/" + encode(projectId);
    }

    static String fileHref(String release, String path) {
        return "/api/v1/releases/" + release + "/files/" + path;
    }

    /** "base-instances-by-family.svg" reads as "Base instances by family". */
    static String chartTitle(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.svg$", "").replace('-', ' ');
        return name.isEmpty() ? path : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** Only http(s) values become links: a record's {@code javascript:} URL is shown as text, never followed. */
    static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static Map<String, String> figures() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/projects/total", "projects");
        m.put("/projects/jurisdictions", "jurisdictions");
        m.put("/projects/byLayer/compute", "compute");
        m.put("/projects/byLayer/models", "models");
        m.put("/projects/byLayer/data", "data");
        m.put("/models/buildApproach/scratch", "models from scratch");
        m.put("/models/baseUsingProjects", "models on an open base");
        m.put("/models/openInSomeForm", "models open in some form");
        m.put("/compute/acceleratorVendors/nvidia", "compute on Nvidia");
        return m;
    }
}
