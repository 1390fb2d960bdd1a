package org.sovereignai.curation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The curation database: a HikariCP pool (H2 reopens its file per connection without one), migrated on first use by
 * Flyway from {@code db/curation/V*.sql}. The history table has its own name so other areas can keep their own
 * migrations in the same database.
 */
public final class CurationDatabase implements AutoCloseable {
    public static final String MIGRATIONS = "classpath:db/curation";
    public static final String HISTORY_TABLE = "curation_schema_history";
    /** The newest migration in db/curation (a test keeps this in step with the files). */
    public static final String LATEST_VERSION = "1";

    private final HikariDataSource dataSource;

    private CurationDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static CurationDatabase open(Workspace workspace, CurationSettings settings) {
        if (settings.embedded()) {
            try {
                Files.createDirectories(workspace.database());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + workspace.database() + ": " + e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("sai-curation");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(30_000);
        HikariDataSource ds = new HikariDataSource(config);
        try {
            if (current(ds)) return new CurationDatabase(ds);
            Flyway.configure()
                    .dataSource(ds)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new CurationDatabase(ds);
    }

    /**
     * True when the newest migration is already applied. Flyway's own check scans the class path and costs about two
     * seconds per command in the shaded jar; this one query costs milliseconds. Flyway still runs on a new or older
     * database.
     */
    static boolean current(DataSource ds) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"" + HISTORY_TABLE + "\" WHERE \"version\" = ? AND \"success\" = TRUE");
             ) {
            ps.setString(1, LATEST_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            return false; // no history table yet: a new database
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
