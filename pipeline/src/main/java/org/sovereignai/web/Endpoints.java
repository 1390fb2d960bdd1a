package org.sovereignai.web;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sovereignai.app.Refusal;

/**
 * Turns an endpoint method into a Camel processor: it reads the request, and whatever the method answers or refuses
 * goes out through the {@link ReplyWriter}. A refusal becomes a problem (missing: 404; a bad request: 400; data that
 * does not allow it: 422); anything unexpected is logged and answered 500 without its details.
 */
final class Endpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

    interface Handler {
        Reply handle(ApiRequest request) throws Exception;
    }

    private final ReplyWriter writer;
    private final java.util.function.Function<Problem, Reply> problems;

    /** Endpoints whose refusals are answered as problem documents (the API). */
    Endpoints(ReplyWriter writer) {
        this(writer, Reply::problem);
    }

    /** Endpoints whose refusals are answered by {@code problems} (the pages: the same problem as an HTML page). */
    Endpoints(ReplyWriter writer, java.util.function.Function<Problem, Reply> problems) {
        this.writer = writer;
        this.problems = problems;
    }

    ReplyWriter writer() {
        return writer;
    }

    Processor of(Handler handler) {
        return exchange -> writer.write(exchange, answer(exchange, handler));
    }

    private Reply answer(Exchange exchange, Handler handler) {
        try {
            return handler.handle(ApiRequest.of(exchange));
        } catch (HttpRefusal h) {
            Reply r = problems.apply(h.problem());
            return new Reply(r.status(), r.contentType(), r.body(), null, null, r.cacheControl(), h.headers());
        } catch (Refusal r) {
            return problems.apply(problem(r));
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError v) throw v;
            LOG.error("{} {} failed", ApiRoutes.method(exchange), exchange.getMessage().getHeader(Exchange.HTTP_URI), e);
            return problems.apply(new Problem(500, "Internal Server Error", "the server could not answer; the error is in its log"));
        }
    }

    static Problem problem(Refusal r) {
        if (r.missing()) return Problem.notFound(r.getMessage());
        if (r.exitCode() == Refusal.USAGE_OR_IO) return Problem.badRequest(r.getMessage());
        return new Problem(422, "Unprocessable Content", r.getMessage());
    }
}
