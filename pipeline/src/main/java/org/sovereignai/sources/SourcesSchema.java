package org.sovereignai.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the sources tables up to date: runs the scripts under {@code db/sources/} (V1, V2, ... in order) that the
 * database has not seen, recording each in {@code sources_schema_version}. Kept apart from curation's migrations so
 * both can share one database.
 */
public final class SourcesSchema {
    /** The migration scripts, oldest first. Append only: a published script is never edited. */
    static final List<String> MIGRATIONS = List.of("V1__sources.sql");

    private SourcesSchema() {
    }

    public static void migrate(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS sources_schema_version (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL)");
            int have = 0;
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM sources_schema_version")) {
                if (rs.next()) have = rs.getInt(1);
            }
            for (int v = have + 1; v <= MIGRATIONS.size(); v++) {
                String script = MIGRATIONS.get(v - 1);
                for (String sql : statements(read(script))) st.execute(sql);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources_schema_version (version, script) VALUES (?, ?)")) {
                    ps.setInt(1, v);
                    ps.setString(2, script);
                    ps.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String read(String script) {
        try (InputStream in = SourcesSchema.class.getClassLoader().getResourceAsStream("db/sources/" + script)) {
            if (in == null) throw new IllegalStateException("migration db/sources/" + script + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    /** Splits a script into statements at semicolons ending a line; {@code --} comment lines are dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) continue;
            sb.append(line).append('\n');
            if (t.endsWith(";")) {
                String sql = sb.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                sb.setLength(0);
            }
        }
        if (!sb.toString().isBlank()) out.add(sb.toString().strip());
        return out;
    }
}
