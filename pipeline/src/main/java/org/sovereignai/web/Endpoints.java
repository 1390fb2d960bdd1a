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

    Endpoints(ReplyWriter writer) {
        this.writer = writer;
    }

    ReplyWriter writer() {
        return writer;
    }

    Processor of(Handler handler) {
        return exchange -> writer.write(exchange, answer(exchange, handler));
    }

    private static Reply answer(Exchange exchange, Handler handler) {
        try {
            return handler.handle(ApiRequest.of(exchange));
        } catch (Refusal r) {
            return Reply.problem(problem(r));
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError v) throw v;
            LOG.error("{} {} failed", ApiRoutes.method(exchange), exchange.getMessage().getHeader(Exchange.HTTP_URI), e);
            return Reply.problem(new Problem(500, "Internal Server Error", "the server could not answer; the error is in its log"));
        }
    }

    static Problem problem(Refusal r) {
        if (r.missing()) return Problem.notFound(r.getMessage());
        if (r.exitCode() == Refusal.USAGE_OR_IO) return Problem.badRequest(r.getMessage());
        return new Problem(422, "Unprocessable Content", r.getMessage());
    }
}
