package org.sovereignai.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;

import org.sovereignai.accounts.Account;
import org.sovereignai.accounts.Role;
import org.sovereignai.accounts.Sessions;

/**
 * Who is calling: the account a request is signed in as, and whether its role allows what it asks. Programs and CI
 * send {@code Authorization: Bearer TOKEN}; browsers carry the session cookie ({@value #COOKIE}: {@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} behind https), and every write they make must also carry the session's
 * CSRF token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}). The endpoints never read credentials
 * themselves. Cookies are parsed and written by Netty's cookie codec (RFC 6265), which Vert.x already brings.
 */
final class Authentication {
    /** The challenge a 401 carries (RFC 6750): which scheme the API takes. */
    static final String CHALLENGE = "Bearer realm=\"sai\"";
    static final String COOKIE = "sai_session";
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Workflow workflow;
    private final boolean secure;

    Authentication(Workflow workflow, boolean secure) {
        this.workflow = workflow;
        this.secure = secure;
    }

    /**
     * The signed-in account, whose role allows {@code needed}.
     *
     * @throws HttpRefusal 401 without a valid token or session (unknown, malformed, expired or of a disabled account:
     *                     one answer for all, so a guesser learns nothing), 403 when the role is too low or a
     *                     browser's write lacks its CSRF token
     */
    Account require(ApiRequest request, Role needed) {
        Account a = bearer(request).or(() -> session(request).map(s -> {
            requireCsrf(request, s);
            return s.account();
        })).orElseThrow(() -> new HttpRefusal(new Problem(401, "Unauthorized",
                "sign in: send 'Authorization: Bearer TOKEN' with a token from './sai users token NAME', or sign in at /sign-in"),
                Map.of("WWW-Authenticate", CHALLENGE)));
        return allowed(a, needed);
    }

    /** @throws HttpRefusal 403 when the account's role is below {@code needed} */
    static Account allowed(Account a, Role needed) {
        if (!a.role().allows(needed)) {
            throw new HttpRefusal(new Problem(403, "Forbidden", "this needs the " + needed.value() + " role; '" + a.name()
                    + "' is a " + a.role().value()), Map.of());
        }
        return a;
    }

    /** The browser's live session, if its cookie names one. */
    Optional<Sessions.Session> session(ApiRequest request) {
        String token = cookie(request, COOKIE);
        return token == null ? Optional.empty() : workflow.sessions().find(token);
    }

    /**
     * A write from a browser must carry its session's CSRF token: a page of another site can make the browser send the
     * cookie (were SameSite ever bypassed), never read the token.
     *
     * @throws HttpRefusal 403 naming what is missing
     */
    static void requireCsrf(ApiRequest request, Sessions.Session s) {
        if (READS.contains(request.method())) return;
        String sent = request.header(CSRF_HEADER);
        if (sent == null) sent = request.form(CSRF_FIELD);
        if (!s.csrfMatches(sent)) {
            throw new HttpRefusal(new Problem(403, "Forbidden", "this form is out of date or came from another site (its CSRF token"
                    + " is missing or wrong); reload the page and try again"), Map.of());
        }
    }

    private Optional<Account> bearer(ApiRequest request) {
        String h = request.header("Authorization");
        if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return workflow.accounts().byToken(h.substring(7).strip());
    }

    static String cookie(ApiRequest request, String name) {
        String header = request.header("Cookie");
        if (header == null || header.length() > 8192) return null;
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) if (c.name().equals(name)) return c.value();
        return null;
    }

    /** The Set-Cookie value that gives the browser this session (no Max-Age: it ends with the browser or the session). */
    String sessionCookie(String token) {
        return cookieHeader(COOKIE, token, -1);
    }

    /** The Set-Cookie value of the sign-in form's own token (double submit), for the session-to-be. */
    String signInCookie(String name, String token) {
        return cookieHeader(name, token, -1);
    }

    /** The Set-Cookie value that removes the session cookie (sign-out). */
    String clearedCookie() {
        return cookieHeader(COOKIE, "", 0);
    }

    private String cookieHeader(String name, String value, long maxAge) {
        DefaultCookie c = new DefaultCookie(name, value);
        c.setHttpOnly(true);
        c.setSecure(secure);
        c.setPath("/");
        c.setSameSite(CookieHeaderNames.SameSite.Strict);
        if (maxAge >= 0) c.setMaxAge(maxAge);
        return ServerCookieEncoder.STRICT.encode(c);
    }
}
