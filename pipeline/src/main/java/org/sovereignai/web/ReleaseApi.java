package org.sovereignai.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.BrowseReleases.ReleaseSummary;
import org.sovereignai.app.ProjectQuery;
import org.sovereignai.app.Refusal;

/**
 * The endpoints of {@code /api/v1}: each reads its request, calls the read use case ({@link BrowseReleases}) and
 * renders the answer with its caching rule. HTTP details shared by all (conditional requests, ranges, gzip, CORS,
 * problems) are {@link ReplyWriter}'s.
 */
public final class ReleaseApi {
    private static final Set<String> NONE = Set.of();

    private final BrowseReleases browse;
    private final String baseUrl;

    /** @param baseUrl the server's public address, for the feed's absolute links */
    public ReleaseApi(BrowseReleases browse, String baseUrl) {
        this.browse = browse;
        this.baseUrl = baseUrl;
    }

    public Reply releases(ApiRequest req) throws IOException {
        req.query(NONE);
        List<ReleaseSummary> all = browse.releases();
        String latest = all.isEmpty() ? null : all.get(all.size() - 1).id();
        return Reply.ok(Reply.JSON, JsonViews.releases(all, latest), Caching.tag("releases", ids(all), null), Caching.SHORT);
    }

    public Reply latest(ApiRequest req) throws IOException {
        req.query(NONE);
        String id = browse.latest().orElseThrow(() -> Refusal.missing("no release is published yet"));
        return Reply.redirect(Links.release(id));
    }

    public Reply release(ApiRequest req) throws IOException {
        req.query(NONE);
        String id = req.path("id");
        return Reply.ok(Reply.JSON, JsonViews.release(browse.release(id)), Caching.tag("release", id, null), Caching.IMMUTABLE);
    }

    public Reply projects(ApiRequest req) throws IOException {
        String accept = req.header("Accept");
        boolean csv = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        // one URL, two representations chosen by Accept: caches must keep them apart
        return withHeader(csv ? projectsCsv(req) : projectsJson(req), "Vary", "Accept");
    }

    public Reply projectsCsv(ApiRequest req) throws IOException {
        String id = req.path("id");
        ProjectQuery q = query(req);
        BrowseReleases.CsvPage page = browse.projectsCsv(id, q);
        StringBuilder sb = new StringBuilder(page.header());
        for (String row : page.rows()) sb.append(row);
        Reply r = Reply.ok(Reply.CSV, sb.toString(), Caching.tag("projects.csv", id, q.canonical()), Caching.IMMUTABLE);
        // the cursor of a CSV page travels in a header (RFC 8288), the rows stay exactly projects.csv's
        return page.next() == null ? r : withHeader(r, "Link", "<" + Links.nextPage(id, q, page.next()).replace("/projects?", "/projects.csv?") + ">; rel=\"next\"");
    }

    private Reply projectsJson(ApiRequest req) throws IOException {
        String id = req.path("id");
        ProjectQuery q = query(req);
        return Reply.ok(Reply.JSON, JsonViews.projects(browse.projects(id, q)), Caching.tag("projects", id, q.canonical()), Caching.IMMUTABLE);
    }

    public Reply project(ApiRequest req) throws IOException {
        req.query(NONE);
        String id = req.path("id");
        String projectId = req.path("projectId");
        return Reply.ok(Reply.JSON, JsonViews.project(browse.project(id, projectId)),
                Caching.tag("project", id, Map.of("id", projectId)), Caching.IMMUTABLE);
    }

    public Reply history(ApiRequest req) throws IOException {
        req.query(NONE);
        String projectId = req.path("projectId");
        // a new release can add to a record's history: cached briefly, tagged by the releases it was made from
        return Reply.ok(Reply.JSON, JsonViews.history(browse.history(projectId)),
                Caching.tag("history", ids(browse.releases()), Map.of("id", projectId)), Caching.SHORT);
    }

    public Reply diff(ApiRequest req) throws IOException {
        Map<String, String> q = req.query(Set.of("from", "to", "format"));
        String format = q.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("md")) {
            throw Refusal.usage("parameter 'format': '" + format + "' is not allowed; allowed: json, md");
        }
        BrowseReleases.ReleaseDiff d = browse.diff(q.get("from"), q.get("to"), format.equals("json"));
        if (d.published() != null) return Reply.file(d.published(), d.json() ? Reply.JSON : Reply.MARKDOWN);
        return Reply.ok(d.json() ? Reply.JSON : Reply.MARKDOWN, d.rendered(),
                Caching.tag("diff", d.from() + ".." + d.to(), Map.of("format", format)), Caching.IMMUTABLE);
    }

    public Reply stats(ApiRequest req) throws IOException {
        req.query(NONE);
        return Reply.file(browse.file(req.path("id"), "stats.json"), Reply.JSON);
    }

    /** A published file; the path is checked in its raw form first (see {@link FilePath}). */
    public Reply file(ApiRequest req) throws IOException {
        req.query(NONE);
        String id = req.path("id");
        String path = FilePath.after(req.rawPath(), Links.release(id) + "/files/");
        BrowseReleases.PublishedFile f = browse.file(id, path);
        return withHeader(Reply.file(f, FilePath.mediaType(path)), "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    }

    public Reply feed(ApiRequest req) throws IOException {
        req.query(NONE);
        List<ReleaseSummary> all = browse.releases();
        List<AtomFeed.Item> items = new java.util.ArrayList<>();
        for (ReleaseSummary r : all) items.add(new AtomFeed.Item(r, browse.figureChanges(r.id())));
        return Reply.ok("application/atom+xml; charset=utf-8", AtomFeed.render(items, baseUrl),
                Caching.tag("feed", ids(all), Map.of("base", baseUrl)), Caching.SHORT);
    }

    private ProjectQuery query(ApiRequest req) {
        Map<String, String> q = req.query(ProjectQuery.PARAMETERS);
        return ProjectQuery.of(browse.schema(), q.get("layer"), q.get("jurisdiction"), q.get("family"), q.get("status"),
                q.get("q"), q.get("limit"), q.get("next"));
    }

    private static String ids(List<ReleaseSummary> all) {
        StringBuilder sb = new StringBuilder();
        for (ReleaseSummary r : all) sb.append(r.id()).append('@').append(r.version()).append(' ');
        return sb.toString();
    }

    private static Reply withHeader(Reply r, String name, String value) {
        Map<String, String> h = new java.util.TreeMap<>(r.headers());
        h.put(name, value);
        return new Reply(r.status(), r.contentType(), r.body(), r.file(), r.etag(), r.cacheControl(), Map.copyOf(h));
    }
}
