package org.sovereignai.web;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * The HTTP door's routes, on Camel Main's embedded Vert.x server: the REST DSL maps each {@code GET} (and its
 * {@code HEAD}) of {@code /api/v1} to one {@link ReleaseApi} method, and Camel's openapi-java serves the OpenAPI
 * document generated from these same definitions at {@code /api/v1/openapi.json}. {@link Fallback} answers whatever
 * no endpoint matched. Routes stay thin: parse, call the use case, render ({@link Endpoints}).
 */
public final class ApiRoutes extends RouteBuilder {
    /** The endpoint option of every HTTP consumer: only the headers the reply sets go out. */
    static final String HEADERS = "headerFilterStrategy=#" + ResponseHeaders.BEAN;

    private final Endpoints endpoints;
    private final ReleaseApi api;

    private final java.net.URI base;
    private final CurationApi curation;

    /**
     * @param base     the server's public address (the OpenAPI document's server)
     * @param curation the curation endpoints (signed-in accounts only), or null for a read-only door
     */
    ApiRoutes(ReleaseApi api, java.net.URI base, CurationApi curation) {
        this.api = api;
        this.base = base;
        this.curation = curation;
        this.endpoints = new Endpoints(new ReplyWriter());
    }

    @Override
    public void configure() throws Exception {
        getContext().getRegistry().bind(ResponseHeaders.BEAN, new ResponseHeaders());
        restConfiguration().component("platform-http").contextPath(Links.BASE).bindingMode(RestBindingMode.off)
                .endpointProperty("headerFilterStrategy", "#" + ResponseHeaders.BEAN)
                .apiContextPath("/openapi.json").apiProperty("api.title", "Sovereign AI Index")
                .apiProperty("api.version", "1").apiProperty("schemes", base.getScheme())
                .apiProperty("host", base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort())).apiProperty("api.description",
                        "Read-only access to every published release of the index: records, sources, history, diffs, files.");

        endpoint("/releases", "releases", "Every release, oldest first: id, version, date, previous, counts by layer", api::releases);
        endpoint("/releases/latest", "latest", "307 redirect to the newest release", api::latest);
        endpoint("/releases/{id}", "release", "A release's manifest summary and links to its files", api::release);
        projectFilters(endpoint("/releases/{id}/projects", "projects",
                "The release's records, filtered and paged; Accept: text/csv for projects.csv rows", api::projects));
        projectFilters(endpoint("/releases/{id}/projects.csv", "projects-csv",
                "As /projects, as projects.csv rows (same columns); the next page in the Link header", api::projectsCsv));
        endpoint("/releases/{id}/projects/{projectId}", "project", "One record with its sources and their check state", api::project);
        endpoint("/projects/{projectId}/history", "history",
                "The record in every release it appears in, with each release's change and its provenance", api::history);
        endpoint("/diff", "diff", "The keyed diff of two releases in the shape of changes.json (format=md: CHANGES.md)", api::diff)
                .param().name("from").type(RestParamType.query).required(true).description("the older release id").endParam()
                .param().name("to").type(RestParamType.query).required(true).description("the newer release id").endParam()
                .param().name("format").type(RestParamType.query).required(false).description("json (default) or md").endParam();
        endpoint("/releases/{id}/stats", "stats", "The release's stats.json", api::stats);
        endpoint("/releases/{id}/files/{path}", "file",
                "The exact published bytes of a file the manifest lists (path may hold slashes: charts/NAME.svg); Range supported", api::file);

        from("platform-http:/feed.atom?httpMethodRestrict=GET,HEAD&" + HEADERS).routeId("feed").process(endpoints.of(api::feed));
        if (curation != null) curationRoutes();
    }

    /** The curation endpoints (issue 14): each checks the caller's token and role itself ({@link Authentication}). */
    private void curationRoutes() throws Exception {
        CurationApi c = curation;
        // the workflow's database closes with the server
        getContext().addService(new org.apache.camel.support.service.ServiceSupport() {
            @Override
            protected void doStop() {
                c.close();
            }
        }, true, true);
        endpoint("/quarters/current", "quarter-current", "The open quarter: its counts and oldest pending changes, a curator's own (signed in)", c::current);
        endpoint("/submissions", "submissions", "The open quarter's submissions: a curator's own, or all for a reviewer (mine=true: only the caller's)", c::submissions)
                .param().name("mine").type(RestParamType.query).required(false).description("true: only the caller's").endParam();
        endpoint("/submissions/{id}", "submission", "One submission: its report and each change with its decision", c::submission);
        endpoint("/quarters/{quarter}/changes", "changes", "A page of a quarter's changes in one state by id, conflicts marked (reviewer)", c::changes)
                .param().name("state").type(RestParamType.query).required(false).description("pending (default), approved or rejected").endParam()
                .param().name("limit").type(RestParamType.query).required(false).description("changes per page, 1 to 10000 (default 1000)").endParam()
                .param().name("next").type(RestParamType.query).required(false).description("the previous page's next: the changes after it").endParam();
        post("/quarters", "quarter-open", "Open a quarter: {\"quarter\": \"YYYY-Qn\"} (admin)", c::openQuarter);
        post("/quarters/{quarter}/submissions", "submit",
                "Submit a sheet: multipart/form-data field file (CSV, XLSX, ODS), optional note; 201 accepted, 422 rejected (curator)", c::submit)
                .param().name("dryRun").type(RestParamType.query).required(false).description("true: validate only, record nothing").endParam();
        post("/changes/{id}/approve", "approve", "Approve a pending change (reviewer); 409 when it is decided or in conflict", c::approve);
        post("/changes/{id}/reject", "reject", "Reject a pending change: {\"reason\": \"...\"} (reviewer)", c::reject);
        post("/changes/{id}/keep", "keep",
                "Keep one of rival changes: approve it and reject each rival with a reason naming it, at once (reviewer)", c::keep);
        endpoint("/quarters/{quarter}/release-preview", "release-preview",
                "What releasing the open quarter would publish: CHANGES.md, STATS.md (figure deltas), the gates' verdict, pending changes (admin)", c::preview);
        post("/quarters/{quarter}/release", "release", "Publish the open quarter's reviewed draft: optional {\"date\": \"YYYY-MM-DD\"} (admin)", c::release);
    }

    private RestDefinition post(String path, String name, String description, Endpoints.Handler handler) {
        from("direct:api-" + name + "-post").process(endpoints.of(handler));
        return rest().post(path).id("api-" + name + "-post").description(description).to("direct:api-" + name + "-post");
    }

    private RestDefinition endpoint(String path, String name, String description, Endpoints.Handler handler) {
        // one small route per verb, which the REST DSL inlines into its HTTP consumer (no direct: hop per request)
        from("direct:api-" + name + "-get").process(endpoints.of(handler));
        from("direct:api-" + name + "-head").process(endpoints.of(handler));
        // a path that ends in a file path (files/{path}) matches every segment after it
        String route = path.endsWith("{path}") ? path.substring(0, path.length() - "{path}".length()) + "*" : path;
        rest().head(route).id("api-" + name + "-head").description("HEAD of " + path).to("direct:api-" + name + "-head");
        RestDefinition r = rest().get(route).id("api-" + name + "-get").description(description);
        if (route.endsWith("*")) r = r.param().name("path").type(RestParamType.path).description("the file's path in the manifest").endParam();
        return r.to("direct:api-" + name + "-get");
    }

    private static RestDefinition projectFilters(RestDefinition r) {
        return r.param().name("layer").type(RestParamType.query).required(false).description("compute, models or data").endParam()
                .param().name("jurisdiction").type(RestParamType.query).required(false).description("jurisdiction code, e.g. FR or EU").endParam()
                .param().name("family").type(RestParamType.query).required(false).description("root base family, as stats counts it (e.g. llama)").endParam()
                .param().name("status").type(RestParamType.query).required(false).description("lifecycle status, e.g. operational").endParam()
                .param().name("q").type(RestParamType.query).required(false).description("text in name, aliases or lead_org (case-insensitive)").endParam()
                .param().name("limit").type(RestParamType.query).required(false).description("1 to 1000, default 100").endParam()
                .param().name("next").type(RestParamType.query).required(false).description("the previous page's next cursor").endParam();
    }

    /** The exchange's request method (for the fallback's 404 or 405). */
    static String method(Exchange e) {
        String m = e.getMessage().getHeader(Exchange.HTTP_METHOD, String.class);
        return m == null ? "GET" : m;
    }
}
