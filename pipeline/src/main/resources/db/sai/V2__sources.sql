-- Source checks (issue 6), in the one database beside the curation tables (prefixed sources_).
-- Portable SQL (H2 2.x and PostgreSQL 12+): VARCHAR, INTEGER, BIGINT; times are ISO-8601 UTC text (second precision)
-- so they sort and print as-is. Until this migration the tables lived in a separate curation/db/sources.mv.db created
-- by a hand-written migrator; that file is no longer read.

CREATE TABLE sources_run (
    run_id     BIGINT       NOT NULL PRIMARY KEY,
    started_at VARCHAR(32)  NOT NULL,
    label      VARCHAR(500)
);

-- one row per URL per run: the history that answers "changed since the last check" and "drift since a release"
CREATE TABLE sources_check (
    run_id       BIGINT        NOT NULL,
    url          VARCHAR(2000) NOT NULL,
    checked_at   VARCHAR(32)   NOT NULL,
    status       INTEGER,
    final_url    VARCHAR(2000),
    content_type VARCHAR(200),
    title        VARCHAR(1000),
    published    VARCHAR(40),
    modified     VARCHAR(40),
    fingerprint  VARCHAR(64),
    sha256       VARCHAR(64),
    bytes        BIGINT,
    failure      VARCHAR(40),
    detail       VARCHAR(1000),
    state        VARCHAR(20),
    PRIMARY KEY (run_id, url)
);
CREATE INDEX sources_check_by_url ON sources_check (url, run_id);

-- the last good page per URL: the cache for conditional GETs, the base for "changed", the text for evidence checks
CREATE TABLE sources_page (
    url           VARCHAR(2000) NOT NULL PRIMARY KEY,
    final_url     VARCHAR(2000),
    status        INTEGER,
    content_type  VARCHAR(200),
    charset       VARCHAR(64),
    title         VARCHAR(1000),
    canonical     VARCHAR(2000),
    description   VARCHAR(2000),
    language      VARCHAR(40),
    published     VARCHAR(40),
    modified      VARCHAR(40),
    fingerprint   VARCHAR(64),
    sha256        VARCHAR(64),
    bytes         BIGINT,
    etag          VARCHAR(500),
    last_modified VARCHAR(100),
    checked_at    VARCHAR(32)   NOT NULL,
    text          VARCHAR(1000000)
);
