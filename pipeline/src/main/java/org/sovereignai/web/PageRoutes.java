package org.sovereignai.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.sovereignai.app.Build;
import org.sovereignai.app.BrowseReleases;
import org.sovereignai.app.ProjectQuery;
import org.sovereignai.web.pages.Pages;

/**
 * The pages for people, beside the API on the same server: {@code /} (every release), {@code /releases/ID},
 * {@code /releases/ID/projects} (search and filter) and {@code /releases/ID/projects/PID}, plus their stylesheet.
 * Each page names its JSON twin under {@code /api/v1}. A refusal is the API's problem as an HTML page with the same
 * status; an address no page has is a 404 page, another method a 405. Added last: its prefix route is matched last.
 */
public final class PageRoutes extends RouteBuilder {
    static final String HTML = "text/html; charset=utf-8";
    /** No script runs on these pages, whatever a record holds: the browser is told so, beside the escaping. */
    static final Map<String, String> SECURITY = Map.of("Content-Security-Policy",
            "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "same-origin");
    private static final String STYLESHEET = "/web/site.css";

    private final Pages pages;
    private final Endpoints endpoints;
    /** Part of every page's ETag: a new build may lay out the same release differently. */
    private final String build = Build.current().describe();

    private final CurationPages curation;

    public PageRoutes(BrowseReleases browse) {
        this(browse, null);
    }

    /** @param curation the curation pages (sign-in, curate, review, admin), or null for a read-only door */
    PageRoutes(BrowseReleases browse, CurationPages curation) {
        this.pages = new Pages(browse);
        this.curation = curation;
        this.endpoints = new Endpoints(new ReplyWriter(), this::errorPage);
    }

    @Override
    public void configure() {
        page("/releases/{id}", "page-release", req -> {
            req.query(Set.of());
            String id = req.path("id");
            return html(pages.release(id), "release", id, null);
        });
        page("/releases/{id}/projects", "page-search", req -> {
            Map<String, String> q = req.query(ProjectQuery.PARAMETERS);
            ProjectQuery query = ProjectQuery.of(pages.schema(), blank(q.get("layer")), blank(q.get("jurisdiction")),
                    blank(q.get("family")), blank(q.get("status")), blank(q.get("q")), blank(q.get("limit")), blank(q.get("next")));
            String id = req.path("id");
            // the form sends its empty fields too: answer with the address of the same search without them
            if (q.values().stream().anyMatch(String::isBlank)) return Reply.redirect(Pages.searchHref(id, query, query.after()));
            return html(pages.search(id, query), "search", id, query.canonical());
        });
        page("/releases/{id}/projects/{projectId}", "page-project", req -> {
            req.query(Set.of());
            String id = req.path("id");
            return html(pages.project(id, req.path("projectId")), "project", id + "/" + req.path("projectId"), null);
        });
        if (curation != null) curationPages(curation);
        byte[] css = stylesheet();
        page("/static/site.css", "page-css", req -> Reply.ok("text/css; charset=utf-8", css,
                Caching.tag("css", build, null), Caching.SHORT));
        // one prefix route answers "/" (the release list) and whatever no page or API route matched (404, 405)
        Processor releases = endpoints.of(req -> {
            req.query(Set.of());
            return html(pages.releases(), "releases", null, null);
        });
        from("platform-http:/?matchOnUriPrefix=true&" + ApiRoutes.HEADERS).routeId("page-releases").process(e -> {
            String method = ApiRoutes.method(e);
            boolean read = method.equals("GET") || method.equals("HEAD");
            if (read && "/".equals(ApiRequest.of(e).rawPath())) {
                releases.process(e);
                return;
            }
            endpoints.writer().write(e, read ? errorPage(Problem.notFound("no page here; every release is listed at /"))
                    : withHeaders(errorPage(Problem.methodNotAllowed(method)), Map.of("Allow", "GET, HEAD")));
        });
    }

    private void page(String path, String id, Endpoints.Handler handler) {
        route(path, id, "GET,HEAD", handler);
    }

    private void route(String path, String id, String methods, Endpoints.Handler handler) {
        from("platform-http:" + path + "?httpMethodRestrict=" + methods + "&" + ApiRoutes.HEADERS).routeId(id).process(endpoints.of(handler));
    }

    /** The pages of the curation workflow; each checks the session and role itself ({@link CurationPages}). */
    private void curationPages(CurationPages c) {
        route("/sign-in", "page-sign-in", "GET,HEAD,POST", c::signIn);
        route("/sign-out", "page-sign-out", "POST", c::signOut);
        page("/curate", "page-curate", c::curate);
        page("/curate/template.xlsx", "page-template-xlsx", req -> c.template(req, "xlsx"));
        page("/curate/template.csv", "page-template-csv", req -> c.template(req, "csv"));
        route("/curate/upload", "page-upload", "POST", c::upload);
        page("/review", "page-review", c::review);
        route("/review/decide", "page-decide", "POST", c::decide);
        page("/admin", "page-admin", c::admin);
        route("/admin/quarters", "page-open-quarter", "POST", c::openQuarter);
        route("/admin/release", "page-release-quarter", "POST", c::release);
    }

    /** A page of the workflow: personal, so never stored by a cache; the same security headers as every page. */
    static Reply page(String html) {
        return page(200, html, Map.of());
    }

    /** A workflow page with its status and further headers (a cookie, Retry-After) beside the security ones. */
    static Reply page(int status, String html, Map<String, String> headers) {
        Reply ok = Reply.ok(HTML, html, null, Caching.NO_STORE);
        return withHeaders(new Reply(status, ok.contentType(), ok.body(), null, null, ok.cacheControl(), headers), SECURITY);
    }

    /**
     * A page: short-lived (a page lays out immutable data, but a new program may lay it out anew), with a strong ETag
     * from what was asked and the build that answers, so a reload costs a 304.
     */
    private Reply html(String page, String what, String about, Map<String, String> query) {
        Reply ok = Reply.ok(HTML, page, Caching.tag("page-" + what, (about == null ? "" : about) + "\n" + build, query), Caching.SHORT);
        return withHeaders(ok, SECURITY);
    }

    /** The problem the API would answer, as a page with the same status. */
    private Reply errorPage(Problem p) {
        Reply r = Reply.ok(HTML, pages.error(p.status(), p.title(), p.detail()), null, Caching.NO_STORE);
        return withHeaders(new Reply(p.status(), r.contentType(), r.body(), null, null, r.cacheControl(), Map.of()), SECURITY);
    }

    private static Reply withHeaders(Reply r, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(r.headers());
        all.putAll(headers);
        return new Reply(r.status(), r.contentType(), r.body(), r.file(), r.etag(), r.cacheControl(), Map.copyOf(all));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static byte[] stylesheet() {
        try (InputStream in = PageRoutes.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) throw new IllegalStateException("the jar lacks " + STYLESHEET);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
