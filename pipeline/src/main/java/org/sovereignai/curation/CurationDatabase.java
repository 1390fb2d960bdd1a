package org.sovereignai.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * The project's one database (curation and sources tables): one HikariCP pool per process and JDBC URL (H2 reopens
 * its file per connection without one), migrated on first use by Flyway from {@code db/sai/V*.sql}. Every
 * {@link #open} of the same URL in a process shares that pool; it closes when the last handle is closed.
 */
public final class CurationDatabase implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:db/sai";
    /** Flyway's history table; the name predates the sources tables joining, and existing databases keep it. */
    public static final String HISTORY_TABLE = "curation_schema_history";
    /** The newest migration in db/sai (a test keeps this in step with the files). */
    public static final String LATEST_VERSION = "5";

    /** The pools open in this process, by URL and user, with how many handles use each. */
    private static final Map<String, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        final HikariDataSource pool;
        int users;

        Shared(HikariDataSource pool) {
            this.pool = pool;
        }
    }

    private final String key;
    private final Shared shared;
    private boolean closed;

    private CurationDatabase(String key, Shared shared) {
        this.key = key;
        this.shared = shared;
    }

    public static CurationDatabase open(Workspace workspace, CurationSettings settings) {
        return open(settings);
    }

    /** A handle on the database the settings name, migrated; the embedded file and its folder are created if needed. */
    public static CurationDatabase open(CurationSettings settings) {
        String key = settings.dbUrl() + "\u0000" + settings.dbUser() + "\u0000" + settings.dbPassword();
        synchronized (OPEN) {
            Shared shared = OPEN.get(key);
            if (shared == null) {
                shared = new Shared(startRetrying(settings));
                OPEN.put(key, shared);
            }
            shared.users++;
            return new CurationDatabase(key, shared);
        }
    }

    /** False only for an embedded database whose file was never created (a server database is assumed to exist). */
    public static boolean exists(CurationSettings settings) {
        Path file = embeddedFile(settings);
        return file == null || Files.isRegularFile(file.resolveSibling(file.getFileName() + ".mv.db"));
    }

    /** The embedded database's file name without H2's suffix, or null for a server database. */
    private static Path embeddedFile(CurationSettings settings) {
        if (!settings.embedded()) return null;
        String rest = settings.dbUrl().substring("jdbc:h2:file:".length());
        int semicolon = rest.indexOf(';');
        return Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath();
    }

    /** Attempts at opening the database when the failure is transient (another process opening or closing the file). */
    static final int OPEN_ATTEMPTS = 6;

    /**
     * Opens the pool, retrying with growing, jittered pauses (0.2, 0.4, 0.8, 1.6, 3.2 s) when several processes race
     * for the embedded file: H2 reports "Lock file recently modified", "Concurrent update" (8000), "already in use"
     * (90020) or a broken connection to the process that served the file and just exited (90067). A failure that
     * persists says how often it was tried.
     */
    private static HikariDataSource startRetrying(CurationSettings settings) {
        long begin = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return start(settings);
            } catch (RuntimeException e) {
                // only the embedded file is raced for by processes opening it; a server refusing is told at once
                if (!settings.embedded() || !transientOpenFailure(e)) throw unusable(settings, damaged(settings, e));
                if (attempt == OPEN_ATTEMPTS) {
                    throw new CurationRepository.DatabaseException("the database stayed busy (another sai process was"
                            + " opening or closing it); tried " + attempt + " times over "
                            + (System.nanoTime() - begin) / 1_000_000 + " ms: " + rootMessage(e), e);
                }
                long pause = (100L << attempt) + java.util.concurrent.ThreadLocalRandom.current().nextLong(100);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** H2: the file is corrupted (a truncated file reads as one), or of a format this H2 cannot read. */
    static final int H2_FILE_CORRUPTED = 90030;
    static final int H2_FILE_VERSION = 90048;

    /**
     * A damaged embedded file is named, with the recovery of docs/curation.md ("Storage"): the database is working
     * state, rebuilt from the newest release by {@code quarter open}. Other failures pass unchanged.
     */
    private static RuntimeException damaged(CurationSettings settings, RuntimeException e) {
        Path file = embeddedFile(settings);
        if (file == null) return e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            boolean corrupt = t instanceof SQLException s && (s.getErrorCode() == H2_FILE_CORRUPTED || s.getErrorCode() == H2_FILE_VERSION)
                    || m.contains("corrupt") || m.contains("File is corrupted") || t.getClass().getName().endsWith("MVStoreException");
            if (corrupt) {
                Path mv = file.resolveSibling(file.getFileName() + ".mv.db");
                return new CurationRepository.DatabaseException("the database file " + mv + " is damaged and cannot be"
                        + " opened (" + rootMessage(e) + "). It holds working state only: move it aside (keep it for"
                        + " inspection) and run './sai quarter open QUARTER' to rebuild the draft from the newest release;"
                        + " the files in curation/submissions/ can be submitted again (docs/curation.md, \"Storage\")", e);
            }
        }
        return e;
    }

    /**
     * A database that cannot be used as configured, in one line that names its URL (with any password in it masked),
     * what was wrong and what to do: a server that does not answer, credentials it refuses, a database that does not
     * exist. Other failures (and those already explained) pass unchanged.
     */
    private static RuntimeException unusable(CurationSettings settings, RuntimeException e) {
        if (e instanceof CurationRepository.DatabaseException) return e;
        String state = null;
        for (Throwable t = e; t != null && state == null; t = t.getCause()) {
            if (t instanceof SQLException s) state = s.getSQLState();
        }
        if (state == null) return e;
        String at = "the database " + displayUrl(settings.dbUrl());
        String why = " (" + rootMessage(e) + ")";
        if (state.startsWith("08")) {
            return new CurationRepository.DatabaseException("cannot reach " + at + why + ": check that the server is running"
                    + " and that sai.db.url (SAI_DB_URL) names its host, port and database", e);
        }
        if (state.startsWith("28")) {
            return new CurationRepository.DatabaseException(at + " refused user '" + settings.dbUser() + "'" + why
                    + ": check sai.db.user (SAI_DB_USER) and the password in sai.db.password or the file named by"
                    + " sai.db.password-file (SAI_DB_PASSWORD, SAI_DB_PASSWORD_FILE)", e);
        }
        if (state.equals("3D000")) {
            return new CurationRepository.DatabaseException(at + " does not exist" + why + ": create it (docs/deployment.md,"
                    + " \"A team\") or correct sai.db.url (SAI_DB_URL)", e);
        }
        return e;
    }

    private static final java.util.regex.Pattern URL_PASSWORD =
            java.util.regex.Pattern.compile("(?i)([?&;]password=)[^&;]*");

    /** The JDBC URL as it may be shown: a password given in it (PostgreSQL's {@code ?password=}, H2's {@code ;PASSWORD=}) masked. */
    static String displayUrl(String url) {
        return URL_PASSWORD.matcher(url).replaceAll("$1***");
    }

    /**
     * The schema is newer than this program's migrations: a newer sai migrated it. Refused before anything is
     * migrated or written, so the older program never writes to tables it does not know.
     */
    private static CurationRepository.DatabaseException newerSchema(CurationSettings settings, MigrationVersion applied) {
        return new CurationRepository.DatabaseException("the database " + displayUrl(settings.dbUrl()) + " is at schema"
                + " version " + applied + ", newer than this program's " + LATEST_VERSION + " (a newer sai migrated it):"
                + " run that newer version, or restore the backup taken before the upgrade together with this one"
                + " (docs/deployment.md, \"Upgrading\"); nothing was changed", null);
    }

    /** H2: error opening the database ("Lock file recently modified", "Concurrent update"). */
    static final int H2_ERROR_OPENING = 8000;
    /** H2: "Database may be already in use". */
    static final int H2_ALREADY_OPEN = 90020;

    static boolean transientOpenFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                int code = s.getErrorCode();
                if (code == H2_ERROR_OPENING || code == H2_ALREADY_OPEN || code == H2_CONNECTION_BROKEN || code == H2_DATABASE_CLOSED) return true;
                if (CurationRepository.transient_(s)) return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Lock file recently modified") || m.contains("Concurrent update"))) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static HikariDataSource start(CurationSettings settings) {
        Path file = embeddedFile(settings);
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("sai-db");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(1); // one try per attempt: startRetrying paces and reports the retries
        config.setExceptionOverrideClassName(BrokenConnections.class.getName());
        if (settings.dbUrl().startsWith("jdbc:postgresql:")) {
            // a host that drops packets is reported after 5 s, not the driver's 10 (a connectTimeout in the URL wins)
            config.addDataSourceProperty("connectTimeout", "5");
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            MigrationVersion applied = appliedVersion(ds);
            if (applied != null && applied.isNewerThan(LATEST_VERSION)) throw newerSchema(settings, applied);
            if (applied == null || !applied.equals(MigrationVersion.fromVersion(LATEST_VERSION))) {
                Flyway.configure()
                        .dataSource(ds)
                        .locations(MIGRATIONS)
                        .table(HISTORY_TABLE)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return ds;
    }

    /** H2's "connection is broken" (the process serving an AUTO_SERVER file exited): a lost connection. */
    static final int H2_CONNECTION_BROKEN = 90067;
    /**
     * H2's "database is already closed": the process serving an AUTO_SERVER file is exiting and closed the database
     * under a client's connection (ConcurrencyTest saw it once in four full runs with five commands at once). Lost
     * like a broken connection: evicted, and the work retried on a fresh one (this process may then serve the file).
     */
    static final int H2_DATABASE_CLOSED = 90121;

    /** Whether the error is H2 losing the process that served the file. */
    static boolean servingProcessGone(SQLException s) {
        return s.getErrorCode() == H2_CONNECTION_BROKEN || s.getErrorCode() == H2_DATABASE_CLOSED;
    }

    /**
     * Tells the pool to drop a connection H2 reports as broken, so that a retry gets a fresh one (and this process
     * then serves the file itself). HikariCP only recognises SQLState class 08 on its own; H2 reports 90067.
     */
    public static final class BrokenConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && servingProcessGone(s)) return SQLExceptionOverride.Override.MUST_EVICT;
            }
            return SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /** True when the newest migration is already applied, and none newer. */
    static boolean current(DataSource ds) {
        return MigrationVersion.fromVersion(LATEST_VERSION).equals(appliedVersion(ds));
    }

    /**
     * The newest version the history table records as applied, or null for a new database (no history table).
     * Read before Flyway runs: its own check scans the class path and costs about two seconds per command in the
     * shaded jar, where this one query costs milliseconds; and Flyway ignores a version newer than its migrations by
     * default ({@code ignoreMigrationPatterns} {@code *:future}), which would let this program write to a schema it
     * does not know. Flyway runs only on a new or older database.
     */
    static MigrationVersion appliedVersion(DataSource ds) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL AND \"success\" = TRUE");
             ResultSet rs = ps.executeQuery()) {
            MigrationVersion newest = null;
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (newest == null || v.isNewerThan(newest)) newest = v;
            }
            return newest;
        } catch (SQLException e) {
            return null; // no history table yet: a new database
        }
    }

    public DataSource dataSource() {
        return shared.pool;
    }

    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed) return;
            closed = true;
            if (--shared.users == 0) {
                OPEN.remove(key);
                shared.pool.close();
            }
        }
    }
}
