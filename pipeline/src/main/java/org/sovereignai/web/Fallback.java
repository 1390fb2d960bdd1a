package org.sovereignai.web;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

/**
 * What no endpoint of the API matched, as problems rather than the server's bare default pages: an unknown path is
 * 404, any method but GET and HEAD is 405 with {@code Allow}, and a CORS preflight (OPTIONS with
 * {@code Access-Control-Request-Method}) is allowed for GET and HEAD with the headers a cache-aware client sends.
 * Added after {@link ApiRoutes}, so its prefix route is matched last.
 */
public final class Fallback extends RouteBuilder {
    private final ReplyWriter writer = new ReplyWriter();

    @Override
    public void configure() {
        from("platform-http:" + Links.BASE + "?matchOnUriPrefix=true&" + ApiRoutes.HEADERS).routeId("api-fallback").process(e -> {
            String method = ApiRoutes.method(e);
            String preflight = e.getMessage().getHeader("Access-Control-Request-Method", String.class);
            Reply reply;
            if (method.equals("OPTIONS") && preflight != null) {
                reply = new Reply(204, null, new byte[0], null, null, "public, max-age=86400", Map.of(
                        "Access-Control-Allow-Methods", "GET, HEAD",
                        "Access-Control-Allow-Headers", "Accept, Accept-Encoding, If-None-Match, Range",
                        "Access-Control-Expose-Headers", ReplyWriter.EXPOSED));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                reply = Reply.problem(Problem.notFound("no endpoint here; the API is described at " + Links.BASE + "/openapi.json"));
            } else {
                Reply p = Reply.problem(Problem.methodNotAllowed(method));
                reply = new Reply(405, p.contentType(), p.body(), null, null, p.cacheControl(), Map.of("Allow", "GET, HEAD"));
            }
            writer.write(e, reply);
        });
    }
}
