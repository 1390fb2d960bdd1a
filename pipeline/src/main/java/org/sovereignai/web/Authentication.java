package org.sovereignai.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.sovereignai.accounts.Account;
import org.sovereignai.accounts.Accounts;
import org.sovereignai.accounts.Role;

/**
 * Who is calling: the account a request is signed in as, and whether its role allows what it asks. Today only from
 * {@code Authorization: Bearer TOKEN} (programs, CI); a browser session is one more way to find the account here, so
 * the endpoints never read credentials themselves.
 */
final class Authentication {
    /** The challenge a 401 carries (RFC 6750): which scheme the API takes. */
    static final String CHALLENGE = "Bearer realm=\"sai\"";

    private final Supplier<Accounts> accounts;

    Authentication(Supplier<Accounts> accounts) {
        this.accounts = accounts;
    }

    /**
     * The signed-in account, whose role allows {@code needed}.
     *
     * @throws HttpRefusal 401 without a valid token (unknown, malformed or of a disabled account: one answer for all,
     *                     so a guesser learns nothing), 403 when the role is too low
     */
    Account require(ApiRequest request, Role needed) {
        Account a = caller(request).orElseThrow(() -> new HttpRefusal(new Problem(401, "Unauthorized",
                "sign in: send 'Authorization: Bearer TOKEN' with a token from './sai users token NAME'"),
                Map.of("WWW-Authenticate", CHALLENGE)));
        if (!a.role().allows(needed)) {
            throw new HttpRefusal(new Problem(403, "Forbidden", "this needs the " + needed.value() + " role; '" + a.name()
                    + "' is a " + a.role().value()), Map.of());
        }
        return a;
    }

    private Optional<Account> caller(ApiRequest request) {
        String h = request.header("Authorization");
        if (h == null || h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return accounts.get().byToken(h.substring(7).strip());
    }
}
