-- Browser sessions and the sign-in throttle (issue 14), in the one database so that every server instance on it
-- knows every session (issue 15). Portable SQL (H2 2.x and PostgreSQL 12+).

-- A session is known by the SHA-256 of its cookie value (a random 256-bit value), so a copy of this table signs
-- nobody in. The CSRF token is per session; forms carry it and every write checks it.
CREATE TABLE web_session (
    token_sha256 VARCHAR(64)  NOT NULL PRIMARY KEY,
    account      VARCHAR(64)  NOT NULL REFERENCES account (name),
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX web_session_account ON web_session (account);

-- Failed sign-ins counted per key ('account:NAME' and 'address:IP'), reset by a successful one; past a few failures
-- each further try must wait longer (SignInThrottle).
CREATE TABLE sign_in_failure (
    throttle_key    VARCHAR(200) NOT NULL PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
