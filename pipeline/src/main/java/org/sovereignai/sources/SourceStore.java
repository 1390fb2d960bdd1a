package org.sovereignai.sources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import javax.sql.DataSource;

/**
 * The store of source checks in the project's database: runs, the history of checks per URL, and the last good page
 * per URL.
 * Everything a release needs comes out of here ({@link #rows}, {@link #drift}), so the same store gives the same
 * sources.csv bytes.
 */
public final class SourceStore {
    private final DataSource dataSource;

    /** The sources tables of the project's database (created by its Flyway migrations); the caller owns the pool. */
    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts a run; its id orders runs (later runs have larger ids). */
    public synchronized long beginRun(String label, String startedAt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(run_id), 0) + 1 FROM sources_run");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources_run (run_id, started_at, label) VALUES (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, startedAt);
                ps.setString(3, cap(label, 500));
                ps.executeUpdate();
            }
            return id;
        }
    }

    /** The newest run, if any. */
    public OptionalLong latestRun() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(run_id) FROM sources_run");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }

    /** The last good pages of these URLs (absent when never fetched successfully). */
    public Map<String, StoredPage> pages(Collection<String> urls) throws SQLException {
        Map<String, StoredPage> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT url, final_url, status, content_type, charset, title, canonical,"
                     + " description, language, published, modified, fingerprint, sha256, bytes, etag, last_modified, checked_at, text"
                     + " FROM sources_page WHERE url = ?")) {
            for (String url : new LinkedHashSet<>(urls)) {
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) continue;
                    PageInfo page = new PageInfo(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                            rs.getString(13), rs.getLong(14), rs.getString(18));
                    out.put(url, new StoredPage(url, rs.getString(2), (Integer) rs.getObject(3), page,
                            rs.getString(15), rs.getString(16), rs.getString(17)));
                }
            }
        }
        return out;
    }

    /** Stores the checks of one run, and the new pages among them, in one transaction. */
    public void save(long runId, List<SourceCheck> checks, List<FetchedPage> fetched) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO sources_check (run_id, url, checked_at, status, final_url,"
                    + " content_type, title, published, modified, fingerprint, sha256, bytes, failure, detail, state)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement del = c.prepareStatement("DELETE FROM sources_page WHERE url = ?");
                 PreparedStatement page = c.prepareStatement("INSERT INTO sources_page (url, final_url, status, content_type, charset,"
                         + " title, canonical, description, language, published, modified, fingerprint, sha256, bytes, etag,"
                         + " last_modified, checked_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement touch = c.prepareStatement("UPDATE sources_page SET checked_at = ? WHERE url = ?")) {
                for (int i = 0; i < checks.size(); i++) {
                    SourceCheck k = checks.get(i);
                    int p = 1;
                    ins.setLong(p++, runId);
                    ins.setString(p++, k.url());
                    ins.setString(p++, k.checkedAt());
                    setInt(ins, p++, k.status());
                    ins.setString(p++, cap(k.finalUrl(), 2000));
                    ins.setString(p++, cap(k.contentType(), 200));
                    ins.setString(p++, cap(k.title(), 1000));
                    ins.setString(p++, cap(k.published(), 40));
                    ins.setString(p++, cap(k.modified(), 40));
                    ins.setString(p++, k.fingerprint());
                    ins.setString(p++, k.sha256());
                    if (k.bytes() == null) ins.setNull(p++, Types.BIGINT);
                    else ins.setLong(p++, k.bytes());
                    ins.setString(p++, k.failure());
                    ins.setString(p++, cap(k.detail(), 1000));
                    ins.setString(p, k.state() == null ? null : k.state().value());
                    ins.addBatch();

                    FetchedPage f = fetched.get(i);
                    if (f.outcome().notModified()) {
                        touch.setString(1, k.checkedAt());
                        touch.setString(2, k.url());
                        touch.addBatch();
                    } else if (f.page() != null) {
                        PageInfo pg = f.page();
                        del.setString(1, k.url());
                        del.addBatch();
                        p = 1;
                        page.setString(p++, k.url());
                        page.setString(p++, cap(f.outcome().finalUrl(), 2000));
                        page.setInt(p++, f.outcome().status());
                        page.setString(p++, cap(pg.contentType(), 200));
                        page.setString(p++, cap(pg.charset(), 64));
                        page.setString(p++, cap(pg.title(), 1000));
                        page.setString(p++, cap(pg.canonical(), 2000));
                        page.setString(p++, cap(pg.description(), 2000));
                        page.setString(p++, cap(pg.language(), 40));
                        page.setString(p++, cap(pg.published(), 40));
                        page.setString(p++, cap(pg.modified(), 40));
                        page.setString(p++, pg.fingerprint());
                        page.setString(p++, pg.sha256());
                        page.setLong(p++, pg.bytes());
                        page.setString(p++, cap(f.outcome().etag(), 500));
                        page.setString(p++, cap(f.outcome().lastModified(), 100));
                        page.setString(p++, k.checkedAt());
                        page.setString(p, pg.text());
                        page.addBatch();
                    }
                }
                ins.executeBatch();
                touch.executeBatch();
                del.executeBatch();
                page.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The latest check of a URL at or before a run (null when never checked by then). */
    public SourceCheck check(String url, long asOfRun) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return check(c, url, asOfRun);
        }
    }

    private static final String CHECK_COLUMNS = "url, checked_at, status, final_url, content_type, title, published,"
            + " modified, fingerprint, sha256, bytes, failure, detail, state";

    private static SourceCheck check(Connection c, String url, long asOfRun) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHECK_COLUMNS + " FROM sources_check"
                + " WHERE url = ? AND run_id <= ? ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, url);
            ps.setLong(2, asOfRun);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? check(rs) : null;
            }
        }
    }

    private static SourceCheck check(ResultSet rs) throws SQLException {
        return new SourceCheck(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                (Long) rs.getObject(11), rs.getString(12), rs.getString(13), SourceState.of(rs.getString(14)));
    }

    /**
     * The latest check of every URL ever checked, as of a run, in one query (for a release: one lookup per cited URL
     * would cost a query each).
     */
    public Map<String, SourceCheck> latestChecks(long asOfRun) throws SQLException {
        Map<String, SourceCheck> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT k.url, k.checked_at, k.status, k.final_url, k.content_type,"
                     + " k.title, k.published, k.modified, k.fingerprint, k.sha256, k.bytes, k.failure, k.detail, k.state"
                     + " FROM sources_check k JOIN (SELECT url AS u, MAX(run_id) AS r FROM sources_check WHERE run_id <= ?"
                     + " GROUP BY url) m ON k.url = m.u AND k.run_id = m.r")) {
            ps.setLong(1, asOfRun);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SourceCheck k = check(rs);
                    out.put(k.url(), k);
                }
            }
        }
        return out;
    }

    /**
     * The sources.csv rows of these cited URLs as of a run (use {@link #latestRun()} for "now"), in the given order.
     * A URL never checked by then gets a row with only id and url: blank until checked.
     */
    public List<SourceRow> rows(List<CitedUrl> cited, long asOfRun) throws SQLException {
        List<SourceRow> out = new ArrayList<>(cited.size());
        Map<String, SourceCheck> seen = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (CitedUrl cu : cited) {
                SourceCheck k = seen.containsKey(cu.url()) ? seen.get(cu.url()) : check(c, cu.url(), asOfRun);
                seen.put(cu.url(), k);
                out.add(SourceRow.of(cu, k));
            }
        }
        return out;
    }

    /** The sources.csv rows as of the newest run (all blank when nothing was ever checked). */
    public List<SourceRow> rows(List<CitedUrl> cited) throws SQLException {
        return rows(cited, latestRun().orElse(0));
    }

    /** Sources that died or changed between two runs, per record (see {@link SourceDrift}). */
    public List<SourceDrift.Entry> drift(List<CitedUrl> cited, long fromRun, long toRun) throws SQLException {
        return SourceDrift.between(rows(cited, fromRun), rows(cited, toRun));
    }

    /** The evidence text of the last good page of each URL (absent when none). */
    public Map<String, String> texts(Collection<String> urls) throws SQLException {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, StoredPage> e : pages(urls).entrySet()) {
            String t = e.getValue().page().text();
            if (t != null) out.put(e.getKey(), t);
        }
        return out;
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER);
        else ps.setInt(index, value);
    }

    private static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
