package org.sovereignai.web;

import java.util.Map;

/**
 * A request the HTTP door refuses with a status of its own (401, 403, 409, 413, 415) and, where HTTP asks for one, a
 * header ({@code WWW-Authenticate} with a 401). {@link Endpoints} answers it as a problem document.
 */
final class HttpRefusal extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    HttpRefusal(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    static HttpRefusal conflict(String detail) {
        return new HttpRefusal(new Problem(409, "Conflict", detail), Map.of());
    }

    Problem problem() {
        return problem;
    }

    Map<String, String> headers() {
        return headers;
    }
}
