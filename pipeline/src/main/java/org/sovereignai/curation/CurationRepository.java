package org.sovereignai.curation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.sovereignai.record.Project;
import org.sovereignai.record.Schema;

/**
 * All SQL of the curation workflow, in portable SQL (H2 and PostgreSQL). Writes happen inside
 * {@link #inTransaction}: one transaction per submission or decision, retried when the database reports a transient
 * failure (a lock wait that timed out, a serialisation failure, a connection lost to another process's shutdown).
 */
public final class CurationRepository {
    private static final int ATTEMPTS = 4;

    private final DataSource dataSource;
    private final Schema schema;

    public CurationRepository(DataSource dataSource, Schema schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Work done with one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        return run(work, true);
    }

    /**
     * Read-only work on one connection, each statement committed on its own (autocommit): H2 and PostgreSQL run at
     * READ COMMITTED, where a transaction would not give several statements one snapshot either, and on PostgreSQL
     * the COMMIT of a read would be one more round trip to the server.
     */
    public <T> T read(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean transaction) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(!transaction);
                try {
                    T result = work.run(c);
                    if (transaction) c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    if (transaction) rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (uniqueViolation(e)) throw new DuplicateKeyException(e);
                if (!transient_(e) || attempt == ATTEMPTS) break;
                sleep(100L * attempt);
            }
        }
        throw new DatabaseException("the curation database failed: " + last.getMessage(), last);
    }

    static boolean transient_(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String st = s.getSQLState();
                // 08: connection lost; 40: serialisation failure or deadlock; HYT00: H2 lock wait timeout
                if (st.startsWith("08") || st.startsWith("40") || st.equals("HYT00")) return true;
            }
            if (t instanceof SQLException s && CurationDatabase.servingProcessGone(s)) {
                return true; // the process serving the H2 file exited: reconnect (the pool dropped the broken connection)
            }
        }
        return false;
    }

    static boolean uniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) return true;
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the database drops the transaction itself
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    /** A failure of the database itself (exit 2). */
    public static final class DatabaseException extends RuntimeException {
        DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The transaction hit a unique constraint: another process recorded the same thing first. */
    public static final class DuplicateKeyException extends RuntimeException {
        DuplicateKeyException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    // ---- quarters

    public Optional<QuarterInfo> openQuarter(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT q.name, q.base_release, q.state, q.opened_at FROM open_quarter o JOIN quarter q ON q.name = o.quarter")) {
            return one(ps, this::quarter);
        }
    }

    public Optional<QuarterInfo> quarter(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, base_release, state, opened_at FROM quarter WHERE name = ?")) {
            ps.setString(1, name);
            return one(ps, this::quarter);
        }
    }

    /** Locks the quarter's row until the transaction ends, so decisions and submissions on it are serialised. */
    public Optional<QuarterInfo> lockQuarter(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, base_release, state, opened_at FROM quarter WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            return one(ps, this::quarter);
        }
    }

    private QuarterInfo quarter(ResultSet rs) throws SQLException {
        return new QuarterInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class));
    }

    public void insertQuarter(Connection c, String name, String baseRelease, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO quarter (name, base_release, state, opened_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, baseRelease);
            ps.setString(3, QuarterInfo.OPEN);
            ps.setObject(4, at);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO open_quarter (slot, quarter) VALUES (1, ?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    /** Marks the open quarter released or closed and frees the slot for the next one. */
    public void closeQuarter(Connection c, String name, String state, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE quarter SET state = ?, closed_at = ? WHERE name = ?")) {
            ps.setString(1, state);
            ps.setObject(2, at);
            ps.setString(3, name);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM open_quarter WHERE quarter = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    public void insertBaseRecords(Connection c, String quarter, List<Project> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO base_record (quarter, record_id, seq, record_json) VALUES (?, ?, ?, ?)")) {
            int seq = 0;
            for (Project p : records) {
                ps.setString(1, quarter);
                ps.setString(2, p.id());
                ps.setInt(3, seq++);
                ps.setString(4, RecordJson.write(p));
                ps.addBatch();
                // sent a batch at a time: a million records' JSON held for one batch ran a 1 GB heap out of memory
                if (seq % BATCH == 0) ps.executeBatch();
            }
            if (seq % BATCH != 0) ps.executeBatch();
        }
    }

    /** The base records last read, with the quarter they belong to (see {@link #baseRecords}). */
    private record Base(String quarter, OffsetDateTime openedAt, List<Project> records) {
    }

    private volatile Base base;

    /**
     * The quarter's base release, in release order. A quarter's {@code base_record} rows are written once, in the
     * transaction that opens it, and never change, so the records last read are kept for the quarter (and its opening
     * time: a quarter of the same name in a restored or rebuilt database is read again). Every submission validates
     * against the draft, and reading and parsing the base each time was about a third of a submission's work (and
     * on PostgreSQL, the whole base over the wire).
     */
    public List<Project> baseRecords(Connection c, QuarterInfo quarter) throws SQLException {
        Base kept = base;
        if (kept != null && kept.quarter().equals(quarter.name()) && java.util.Objects.equals(kept.openedAt(), quarter.openedAt())) {
            return kept.records();
        }
        List<Project> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT record_json FROM base_record WHERE quarter = ? ORDER BY seq")) {
            ps.setString(1, quarter.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(RecordJson.read(schema, rs.getString(1)).compact());
            }
        }
        base = new Base(quarter.name(), quarter.openedAt(), List.copyOf(out));
        return base.records();
    }

    // ---- submissions

    private static final String SUBMISSION_COLUMNS = "id, quarter, sha256, curator, note, original_name, sheet, size_bytes,"
            + " door, sheet_kind, outcome, errors, warnings, archive_path, received_at";

    /** The complete submission of this content for the quarter (an incomplete one is not there yet, or abandoned). */
    public Optional<Submission> submissionByHash(Connection c, String quarter, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE quarter = ? AND sha256 = ?"
                + " AND complete = TRUE")) {
            ps.setString(1, quarter);
            ps.setString(2, sha256);
            return one(ps, this::submission);
        }
    }

    public Optional<Submission> submission(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE id = ? AND complete = TRUE")) {
            ps.setLong(1, id);
            return one(ps, this::submission);
        }
    }

    public List<Submission> submissions(Connection c, String quarter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBMISSION_COLUMNS + " FROM submission WHERE quarter = ? AND complete = TRUE ORDER BY id")) {
            ps.setString(1, quarter);
            return all(ps, this::submission);
        }
    }

    private Submission submission(ResultSet rs) throws SQLException {
        return new Submission(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getInt(12), rs.getInt(13), rs.getString(14), rs.getObject(15, OffsetDateTime.class));
    }

    /** Inserts a complete submission; returns its id. Fails with a unique violation when the content is already there. */
    public long insertSubmission(Connection c, Submission s) throws SQLException {
        return insertSubmission(c, s, true, null);
    }

    /**
     * Inserts a submission, complete or (when its changes follow in further transactions) not, with the process that
     * writes it; returns its id. Fails with a unique violation when the same content has a row already.
     */
    public long insertSubmission(Connection c, Submission s, boolean complete, String writer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission (quarter, sha256, curator, note, original_name,"
                + " sheet, size_bytes, door, sheet_kind, outcome, errors, warnings, archive_path, received_at, complete, writer)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, s.quarter());
            ps.setString(2, s.sha256());
            ps.setString(3, s.curator());
            ps.setString(4, s.note());
            ps.setString(5, s.originalName());
            ps.setString(6, s.sheet());
            ps.setLong(7, s.sizeBytes());
            ps.setString(8, s.door());
            ps.setString(9, s.sheetKind());
            ps.setString(10, s.outcome());
            ps.setInt(11, s.errors());
            ps.setInt(12, s.warnings());
            ps.setString(13, s.archivePath());
            ps.setObject(14, s.receivedAt());
            ps.setBoolean(15, complete);
            ps.setString(16, writer);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** A submission row still being written (or abandoned by a process that died): its id, writer and start. */
    public record Unfinished(long id, String quarter, String sha256, String writer, OffsetDateTime receivedAt) {
    }

    /** Incomplete submission rows: of one content (quarter and sha256 given) or all of them (both null). */
    public List<Unfinished> unfinished(Connection c, String quarter, String sha256) throws SQLException {
        String sql = "SELECT id, quarter, sha256, writer, received_at FROM submission WHERE complete = FALSE"
                + (quarter == null ? "" : " AND quarter = ? AND sha256 = ?") + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (quarter != null) {
                ps.setString(1, quarter);
                ps.setString(2, sha256);
            }
            return all(ps, rs -> new Unfinished(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class)));
        }
    }

    /** True while the submission's row is there, incomplete and written by {@code writer}. */
    public boolean stillWriting(Connection c, long submissionId, String writer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM submission WHERE id = ? AND complete = FALSE AND writer = ?")) {
            ps.setLong(1, submissionId);
            ps.setString(2, writer);
            return one(ps, rs -> rs.getInt(1)).orElse(0) == 1;
        }
    }

    /** How many changes a submission's row has, complete or not. */
    public int changeCount(Connection c, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM proposed_change WHERE submission_id = ?")) {
            ps.setLong(1, submissionId);
            return one(ps, rs -> rs.getInt(1)).orElse(0);
        }
    }

    /** Marks an incomplete submission complete; false when it was not (any more) incomplete. */
    public boolean markComplete(Connection c, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE submission SET complete = TRUE WHERE id = ? AND complete = FALSE")) {
            ps.setLong(1, submissionId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Deletes up to {@link #BATCH} rows of an incomplete submission (its changes, then its audit lines, then the row
     * itself), in one short transaction; returns how many were deleted, 0 when nothing of it is left. Rolling back an
     * abandoned submission is the only deletion from audit_log: those lines describe a submission that never was.
     */
    public int deleteUnfinishedBatch(Connection c, long submissionId) throws SQLException {
        try (PreparedStatement guard = c.prepareStatement("SELECT COUNT(*) FROM submission WHERE id = ? AND complete = FALSE")) {
            guard.setLong(1, submissionId);
            if (one(guard, rs -> rs.getInt(1)).orElse(0) == 0) return 0;
        }
        for (String table : List.of("proposed_change", "audit_log")) {
            // the batch's last id first (by the submission_id index), then one ranged delete: H2 runs
            // "DELETE ... WHERE id IN (SELECT ...)" as a scan of the whole table
            Long last = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE submission_id = ? ORDER BY id"
                    + " FETCH FIRST " + BATCH + " ROWS ONLY")) {
                ps.setLong(1, submissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) last = rs.getLong(1);
                }
            }
            if (last == null) continue;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE submission_id = ? AND id <= ?")) {
                ps.setLong(1, submissionId);
                ps.setLong(2, last);
                return ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM submission WHERE id = ? AND complete = FALSE")) {
            ps.setLong(1, submissionId);
            return ps.executeUpdate();
        }
    }

    // ---- changes

    private static final String CHANGE_COLUMNS = "c.id, c.submission_id, c.quarter, c.record_id, c.kind, c.field_name,"
            + " c.old_value, c.new_value, c.reason, c.sheet, c.sheet_row, c.cell, c.sources, c.state, s.curator,"
            + " c.decided_by, c.decided_at, c.decision_reason";
    /** Changes of complete submissions only: those of one still being written (or abandoned) are not there yet. */
    private static final String CHANGE_FROM = " FROM proposed_change c JOIN submission s ON s.id = c.submission_id AND s.complete = TRUE ";

    private static final String INSERT_CHANGE = "INSERT INTO proposed_change (submission_id, quarter, record_id, kind,"
            + " field_name, old_value, new_value, reason, sheet, sheet_row, cell, sources, state)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows sent to the database per JDBC batch. */
    static final int BATCH = 1000;

    public long insertChange(Connection c, ProposedChange ch) throws SQLException {
        return insertChanges(c, List.of(ch)).get(0);
    }

    /** Inserts changes in JDBC batches; returns their ids in the same order. */
    public List<Long> insertChanges(Connection c, List<ProposedChange> changes) throws SQLException {
        List<Long> ids = new ArrayList<>(changes.size());
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHANGE, Statement.RETURN_GENERATED_KEYS)) {
            for (int from = 0; from < changes.size(); from += BATCH) {
                for (ProposedChange ch : changes.subList(from, Math.min(changes.size(), from + BATCH))) {
                    ps.setLong(1, ch.submissionId());
                    ps.setString(2, ch.quarter());
                    ps.setString(3, ch.recordId());
                    ps.setString(4, ch.kind().value());
                    ps.setString(5, ch.field());
                    ps.setString(6, ch.oldValue());
                    ps.setString(7, ch.newValue());
                    ps.setString(8, ch.reason());
                    ps.setString(9, ch.sheet());
                    ps.setInt(10, ch.row());
                    ps.setString(11, ch.cell());
                    ps.setString(12, ch.sources());
                    ps.setString(13, ChangeState.PENDING.value());
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != changes.size()) {
            throw new SQLException("the database returned " + ids.size() + " ids for " + changes.size() + " changes");
        }
        return ids;
    }

    public Optional<ProposedChange> change(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANGE_COLUMNS + CHANGE_FROM + "WHERE c.id = ?")) {
            ps.setLong(1, id);
            return one(ps, this::change);
        }
    }

    /** Changes of a quarter in one state (all states when null), by id: every page of {@link #changesAfter} at once. */
    public List<ProposedChange> changes(Connection c, String quarter, ChangeState state) throws SQLException {
        return changesAfter(c, quarter, state, null, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of a quarter's changes in one state (all states when null), of one curator's submissions (everyone's
     * when null): those with an id above {@code afterId}, by id, at most {@code limit}. A reader pages with the last
     * id it saw, so a page is never read twice or skipped while changes are added or decided (keyset paging over the
     * primary key).
     */
    public List<ProposedChange> changesAfter(Connection c, String quarter, ChangeState state, String curator, long afterId,
                                             int limit) throws SQLException {
        String sql = "SELECT " + CHANGE_COLUMNS + CHANGE_FROM + "WHERE c.quarter = ? AND c.id > ?"
                + (state == null ? "" : " AND c.state = ?") + (curator == null ? "" : " AND s.curator = ?")
                + " ORDER BY c.id FETCH FIRST " + limit + " ROWS ONLY";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, quarter);
            ps.setLong(i++, afterId);
            if (state != null) ps.setString(i++, state.value());
            if (curator != null) ps.setString(i, curator);
            return all(ps, this::change);
        }
    }

    /** How many changes of a quarter (of complete submissions) are in each state: counted by the database, not read. */
    public java.util.EnumMap<ChangeState, Long> changeCounts(Connection c, String quarter) throws SQLException {
        java.util.EnumMap<ChangeState, Long> out = new java.util.EnumMap<>(ChangeState.class);
        for (ChangeState st : ChangeState.values()) out.put(st, 0L);
        try (PreparedStatement ps = c.prepareStatement("SELECT c.state, COUNT(*)" + CHANGE_FROM + "WHERE c.quarter = ? GROUP BY c.state")) {
            ps.setString(1, quarter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(ChangeState.of(rs.getString(1)), rs.getLong(2));
            }
        }
        return out;
    }

    /** An approved addition or removal: all that changes the draft's number of records. */
    public record Membership(ChangeKind kind, String recordId) {
    }

    /** The approved additions and removals of a quarter in approval order, without reading any record's JSON. */
    public List<Membership> approvedMembership(Connection c, String quarter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.kind, c.record_id" + CHANGE_FROM
                + "WHERE c.quarter = ? AND c.state = ? AND c.kind <> ? ORDER BY c.decision_audit_id, c.id")) {
            ps.setString(1, quarter);
            ps.setString(2, ChangeState.APPROVED.value());
            ps.setString(3, ChangeKind.SET.value());
            return all(ps, rs -> new Membership(ChangeKind.of(rs.getString(1)), rs.getString(2)));
        }
    }

    /** Record ids per query of {@link #pendingOf}: a whole submission's thousands of records take several. */
    static final int RECORDS_PER_QUERY = 500;

    /** {@link #CHANGE_COLUMNS} from proposed_change alone (the curator by subquery): a query that may lock its rows. */
    private static final String CHANGE_COLUMNS_ALONE = CHANGE_COLUMNS.replace("s.curator",
            "(SELECT s.curator FROM submission s WHERE s.id = c.submission_id)");

    /**
     * The pending changes of these records in a quarter (of complete submissions), by id within each record: all a
     * decision on changes of these records must check for conflicts (conflicts are between changes of one record),
     * read through the {@code (quarter, record_id, field_name)} index instead of every pending change of the quarter.
     * The state is filtered here, not in SQL: with {@code state = ?} in the query, PostgreSQL chose the
     * {@code (quarter, state)} index on a table not yet analysed and read every pending change (3 ms instead of 0.05
     * at 8,000 changes).
     *
     * <p>With {@code lock}, the records' changes stay locked until the transaction ends ({@code SELECT ... FOR UPDATE},
     * in id order; the decided ones too, which nothing changes any more): a decision on changes of a record waits for
     * another decision on the same record, and for no other, so what it read of that record's pending changes (its
     * conflicts) stays true until it commits. A change decided meanwhile is no longer pending when the lock is granted,
     * and the conditional update of the decision finds that. One statement both locks and reads.
     */
    public List<ProposedChange> pendingOf(Connection c, String quarter, java.util.Collection<String> recordIds, boolean lock)
            throws SQLException {
        List<ProposedChange> out = new ArrayList<>();
        forRecords(recordIds, (part, marks) -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANGE_COLUMNS_ALONE + " FROM proposed_change c"
                    + " WHERE c.quarter = ? AND c.record_id IN (" + marks + ")"
                    + " AND EXISTS (SELECT 1 FROM submission s WHERE s.id = c.submission_id AND s.complete = TRUE)"
                    + " ORDER BY c.id" + (lock ? " FOR UPDATE" : ""))) {
                ps.setString(1, quarter);
                for (int i = 0; i < part.size(); i++) ps.setString(2 + i, part.get(i));
                for (ProposedChange p : all(ps, this::change)) if (p.pending()) out.add(p);
            }
        });
        return out;
    }

    private interface RecordsQuery {
        void run(List<String> part, String marks) throws SQLException;
    }

    /** Runs {@code query} for these record ids (each once) in parts of {@link #RECORDS_PER_QUERY}, with their placeholders. */
    private static void forRecords(java.util.Collection<String> recordIds, RecordsQuery query) throws SQLException {
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(recordIds));
        for (int from = 0; from < ids.size(); from += RECORDS_PER_QUERY) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + RECORDS_PER_QUERY));
            query.run(part, "?, ".repeat(part.size() - 1) + "?");
        }
    }

    /** Approved changes of a quarter in the order they were approved. */
    public List<ProposedChange> approvedInOrder(Connection c, String quarter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANGE_COLUMNS + CHANGE_FROM
                + "WHERE c.quarter = ? AND c.state = ? ORDER BY c.decision_audit_id, c.id")) {
            ps.setString(1, quarter);
            ps.setString(2, ChangeState.APPROVED.value());
            return all(ps, this::change);
        }
    }

    public List<ProposedChange> changesOfSubmission(Connection c, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANGE_COLUMNS + CHANGE_FROM + "WHERE c.submission_id = ? ORDER BY c.id")) {
            ps.setLong(1, submissionId);
            return all(ps, this::change);
        }
    }

    public List<ProposedChange> changesOfRecord(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHANGE_COLUMNS + CHANGE_FROM + "WHERE c.record_id = ? ORDER BY c.id")) {
            ps.setString(1, recordId);
            return all(ps, this::change);
        }
    }

    private ProposedChange change(ResultSet rs) throws SQLException {
        return new ProposedChange(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                ChangeKind.of(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getInt(11), rs.getString(12), rs.getString(13), ChangeState.of(rs.getString(14)),
                rs.getString(15), rs.getString(16), rs.getObject(17, OffsetDateTime.class), rs.getString(18));
    }

    /** Records a decision on a pending change; false when it was no longer pending. */
    public boolean decide(Connection c, long changeId, ChangeState state, String reviewer, String reason,
                          OffsetDateTime at, long auditId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE proposed_change SET state = ?, decided_by = ?, decided_at = ?,"
                + " decision_reason = ?, decision_audit_id = ? WHERE id = ? AND state = ?")) {
            ps.setString(1, state.value());
            ps.setString(2, reviewer);
            ps.setObject(3, at);
            ps.setString(4, reason);
            ps.setLong(5, auditId);
            ps.setLong(6, changeId);
            ps.setString(7, ChangeState.PENDING.value());
            return ps.executeUpdate() == 1;
        }
    }

    // ---- audit log (insert only)

    /** One line of the audit log. */
    public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String quarter, Long submissionId,
                             Long changeId, String recordId, String detail) {
    }

    private static final String INSERT_AUDIT = "INSERT INTO audit_log (logged_at, actor, action, quarter,"
            + " submission_id, change_id, record_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    public long audit(Connection c, OffsetDateTime at, String actor, String action, String quarter, Long submissionId,
                      Long changeId, String recordId, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT, Statement.RETURN_GENERATED_KEYS)) {
            bindAudit(ps, new AuditEntry(0, at, actor, action, quarter, submissionId, changeId, recordId, detail));
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    /** Appends audit lines in JDBC batches (their ids are not needed). */
    public void audit(Connection c, List<AuditEntry> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_AUDIT)) {
            int n = 0;
            for (AuditEntry e : lines) {
                bindAudit(ps, e);
                ps.addBatch();
                if (++n % BATCH == 0) ps.executeBatch();
            }
            if (n % BATCH != 0) ps.executeBatch();
        }
    }

    private static void bindAudit(PreparedStatement ps, AuditEntry e) throws SQLException {
        ps.setObject(1, e.at());
        ps.setString(2, e.actor());
        ps.setString(3, e.action());
        ps.setString(4, e.quarter());
        setLong(ps, 5, e.submissionId());
        setLong(ps, 6, e.changeId());
        ps.setString(7, e.recordId());
        ps.setString(8, e.detail());
    }

    public List<AuditEntry> auditOfRecord(Connection c, String recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, logged_at, actor, action, quarter, submission_id, change_id,"
                + " record_id, detail FROM audit_log WHERE record_id = ? AND (submission_id IS NULL OR submission_id IN"
                + " (SELECT id FROM submission WHERE complete = TRUE)) ORDER BY id")) {
            ps.setString(1, recordId);
            return all(ps, this::auditEntry);
        }
    }

    private AuditEntry auditEntry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                rs.getString(5), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8),
                rs.getString(9));
    }

    // ---- helpers

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> Optional<T> one(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    private static <T> List<T> all(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(mapper.map(rs));
        }
        return out;
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("the database returned no generated id");
            return keys.getLong(1);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, v);
    }
}
